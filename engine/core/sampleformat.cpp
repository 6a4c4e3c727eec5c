// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sampleformat.h"

#include "core/linereader.h"

#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine {

std::string
shortestText(double value)
{
  if (std::isnan(value))
    return {};
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}

SampleReading
SampleFormat::read(std::istream&, const SampleLimits&) const
{
  throw std::logic_error(title() + " files cannot be read as samples");
}

WrittenSamples
SampleFormat::write(const SampleTable&) const
{
  throw std::logic_error(title() + " files cannot be written");
}

void
requireConsistent(const SampleTable& table)
{
  const auto n = table.samples.size();
  if (table.raw.size() != n)
    throw std::invalid_argument("sample export: one score row per sample is needed");
  if (!table.rewards.empty() && table.rewards.size() != n)
    throw std::invalid_argument("sample export: one reward row per sample is needed");
  if (!table.ids.empty() && table.ids.size() != n)
    throw std::invalid_argument("sample export: one id per sample is needed");
  if (!table.contexts.empty() && table.contexts.size() != n)
    throw std::invalid_argument("sample export: one context per sample is needed");
  for (const auto& row : table.raw)
    if (row.size() != table.objectiveNames.size())
      throw std::invalid_argument("sample export: one value per objective is needed");
}

std::string
csvField(const std::string& text)
{
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

WrittenSamples
CsvSampleFormat::write(const SampleTable& table) const
{
  requireConsistent(table);
  const bool withIds = !table.ids.empty();
  const bool withContexts = !table.contexts.empty();
  std::ostringstream out;
  out.precision(10);
  const bool withSamples = table.writeSamples || !withIds;
  std::string header;
  if (withIds)
    header += ",id";
  if (withSamples)
    header += ",sample";
  if (withContexts)
    header += ",context";
  out << header.substr(1);
  for (const auto& name : table.objectiveNames)
    out << ',' << csvField(name);
  if (!table.rewards.empty())
    for (const auto& name : table.objectiveNames)
      out << ',' << csvField(name + "_reward");
  for (const auto& [name, value] : table.constants)
    out << ',' << csvField(name);
  out << '\n';
  for (size_t i = 0; i < table.samples.size(); ++i) {
    std::string row;
    if (withIds)
      row += ',' + csvField(table.ids[i]);
    if (withSamples)
      row += ',' + csvField(table.samples[i]);
    if (withContexts)
      row += ',' + csvField(table.contexts[i].id);
    out << row.substr(1);
    for (double value : table.raw[i]) {
      out << ',' << shortestText(value);
    }
    if (!table.rewards.empty())
      for (double value : table.rewards[i]) {
        out << ',' << shortestText(value);
      }
    for (const auto& [name, value] : table.constants)
      out << ',' << csvField(value);
    out << '\n';
  }
  return { out.str(), table.samples.size(), {} };
}

SampleReading
LinesSampleFormat::read(std::istream& in, const SampleLimits& limits) const
{
  SampleReading reading;
  LineReader lines(in, limits.maxLength);
  while (auto line = lines.next()) {
    if (!line->problem.empty())
      reading.problems.push_back({ line->number, {}, line->problem });
    else if (!line->text.empty())
      reading.records.push_back({ {}, line->text, {}, line->number });
  }
  return reading;
}

WrittenSamples
LinesSampleFormat::write(const SampleTable& table) const
{
  requireConsistent(table);
  WrittenSamples written;
  for (size_t i = 0; i < table.samples.size(); ++i) {
    const auto& sample = table.samples[i];
    if (sample.empty() || sample.find_first_of("\r\n") != std::string::npos) {
      written.skipped.push_back(
        { i + 1, {}, sample.empty() ? "empty sample" : "holds a line break" });
      continue;
    }
    written.bytes += sample + '\n';
    ++written.written;
  }
  return written;
}

} // namespace paretolab::engine
