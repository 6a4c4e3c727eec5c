// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/text/textformats.h"

#include "core/linereader.h"
#include "domains/text/textsources.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace paretolab::engine::text {

SampleReading
JsonLinesFormat::read(std::istream& in, const SampleLimits& limits) const
{
  SampleReading reading;
  reading.recordsHaveIds = true;
  LineReader lines(in, limits.maxLength);
  while (auto line = lines.next()) {
    const auto id = std::to_string(line->number - 1);
    if (!line->problem.empty()) {
      reading.problems.push_back({ line->number, id, line->problem });
      continue;
    }
    if (line->text.find_first_not_of(" \t") == std::string::npos)
      continue;
    const auto json = nlohmann::json::parse(line->text, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
      reading.problems.push_back({ line->number, id, "not a JSON object" });
      continue;
    }
    std::string missing;
    for (const char* key : { "source", "summary", "reference" })
      if (!json.contains(key) || !json[key].is_string())
        missing += std::string(missing.empty() ? "" : ", ") + '"' + key + '"';
    if (!missing.empty()) {
      reading.problems.push_back({ line->number, id, "lacks the string field(s) " + missing });
      continue;
    }
    // Judged on what a policy would see of it, as in training.
    const auto source = firstWords(json["source"].get<std::string>(), m_sourceWords);
    SampleContext context{ id,
                           summaryPrompt(source, m_sourceWords),
                           { { "source", source },
                             { "reference", json["reference"].get<std::string>() } } };
    reading.records.push_back({ id, json["summary"].get<std::string>(), context, line->number });
  }
  return reading;
}

WrittenSamples
JsonLinesFormat::write(const SampleTable& table) const
{
  requireConsistent(table);
  WrittenSamples written;
  const auto number = [](double value) {
    return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
  };
  for (size_t i = 0; i < table.samples.size(); ++i) {
    nlohmann::ordered_json row;
    if (!table.ids.empty())
      row["id"] = table.ids[i];
    if (!table.contexts.empty()) {
      row["source"] = table.contexts[i].field("source");
      row["reference"] = table.contexts[i].field("reference");
      if (!table.contexts[i].id.empty())
        row["context"] = table.contexts[i].id;
    }
    row["summary"] = table.samples[i];
    for (size_t j = 0; j < table.objectiveNames.size(); ++j)
      row[table.objectiveNames[j]] = number(table.raw[i][j]);
    if (!table.rewards.empty())
      for (size_t j = 0; j < table.objectiveNames.size(); ++j)
        row[table.objectiveNames[j] + "_reward"] = number(table.rewards[i][j]);
    for (const auto& [name, value] : table.constants)
      row[name] = value;
    written.bytes += row.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
    ++written.written;
  }
  return written;
}

} // namespace paretolab::engine::text
