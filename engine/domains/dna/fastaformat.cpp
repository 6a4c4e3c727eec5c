// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/dna/fastaformat.h"

#include "core/linereader.h"

#include <cctype>
#include <cmath>
#include <optional>

namespace paretolab::engine::dna {

namespace {

struct PendingRecord
{
  SampleRecord record;
  bool tooLong = false;
  bool lowerCase = false;
};

/// Ends `pending`: a record, or a problem when it has no sequence or is too long.
void
finish(std::optional<PendingRecord>& pending, SampleReading& reading)
{
  if (!pending)
    return;
  auto& record = pending->record;
  if (pending->tooLong)
    reading.problems.push_back(
      { record.line,
        record.id,
        "longer than " + std::to_string(FastaSampleFormat::kMaxRecordLength) + " bases" });
  else if (record.text.empty())
    reading.problems.push_back(
      { record.line, record.id, "empty record: a header with no sequence" });
  else {
    if (pending->lowerCase)
      reading.notes.push_back(
        { record.line, record.id, "lower-case (soft-masked) bases read as upper case" });
    reading.records.push_back(std::move(record));
  }
  pending.reset();
}

std::string
headerValue(double value)
{
  return std::isnan(value) ? std::string("NA") : shortestText(value);
}

} // namespace

SampleReading
FastaSampleFormat::read(std::istream& in, const SampleLimits& limits) const
{
  SampleReading reading;
  reading.recordsHaveIds = true;
  LineReader lines(in, limits.maxLength);
  std::optional<PendingRecord> pending;
  bool reportedOrphan = false;
  while (auto line = lines.next()) {
    if (!line->problem.empty()) {
      reading.problems.push_back(
        { line->number, pending ? pending->record.id : "", line->problem });
      continue;
    }
    const auto& text = line->text;
    if (text.empty())
      continue;
    if (text[0] == '>') {
      finish(pending, reading);
      pending.emplace();
      const auto header = text.substr(1);
      pending->record.id = header.substr(0, header.find_first_of(" \t"));
      pending->record.line = line->number;
      if (pending->record.id.empty())
        pending->record.id = "line" + std::to_string(line->number);
      continue;
    }
    if (!pending) {
      if (!reportedOrphan)
        reading.problems.push_back(
          { line->number, {}, "sequence before the first '>' header (is this FASTA?)" });
      reportedOrphan = true;
      continue;
    }
    if (pending->tooLong)
      continue;
    for (char c : text) {
      if (c == ' ' || c == '\t')
        continue;
      const auto byte = static_cast<unsigned char>(c);
      pending->lowerCase = pending->lowerCase || std::islower(byte);
      pending->record.text += char(std::toupper(byte));
    }
    if (pending->record.text.size() > kMaxRecordLength) {
      pending->tooLong = true;
      pending->record.text.clear();
    }
  }
  finish(pending, reading);
  return reading;
}

WrittenSamples
FastaSampleFormat::write(const SampleTable& table) const
{
  requireConsistent(table);
  WrittenSamples written;
  for (std::size_t i = 0; i < table.samples.size(); ++i) {
    const auto& sequence = table.samples[i];
    if (sequence.empty() || sequence.find_first_of(" \t\r\n>") != std::string::npos) {
      written.skipped.push_back(
        { i + 1, {}, sequence.empty() ? "empty sequence" : "not a sequence" });
      continue;
    }
    std::string header =
      ">" +
      (table.ids.empty() || table.ids[i].empty() ? "sample" + std::to_string(i + 1) : table.ids[i]);
    for (std::size_t j = 0; j < table.objectiveNames.size(); ++j) {
      header += ' ' + table.objectiveNames[j] + '=' + headerValue(table.raw[i][j]);
      if (!table.rewards.empty())
        header += ' ' + table.objectiveNames[j] + "_reward=" + headerValue(table.rewards[i][j]);
    }
    for (const auto& [name, value] : table.constants)
      header += ' ' + name + '=' + value;
    written.bytes += header + '\n';
    for (std::size_t start = 0; start < sequence.size(); start += 60)
      written.bytes += sequence.substr(start, 60) + '\n';
    ++written.written;
  }
  return written;
}

} // namespace paretolab::engine::dna
