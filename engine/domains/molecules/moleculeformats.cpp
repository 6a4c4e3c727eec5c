// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/moleculeformats.h"

#include "core/linereader.h"
#include "domains/molecules/smiles.h"

#include <GraphMol/Depictor/RDDepictor.h>
#include <GraphMol/FileParsers/MolWriters.h>

#include <cmath>
#include <sstream>

namespace paretolab::engine {

namespace {

std::string
numberText(double value)
{
  std::ostringstream text;
  text.precision(10);
  if (!std::isnan(value))
    text << value;
  return text.str();
}

} // namespace

SampleReading
SmilesSampleFormat::read(std::istream& in, const SampleLimits& limits) const
{
  SampleReading reading;
  LineReader lines(in, limits.maxLength);
  while (auto line = lines.next()) {
    if (!line->problem.empty()) {
      reading.problems.push_back({ line->number, {}, line->problem });
      continue;
    }
    const auto& text = line->text;
    const auto end = text.find_first_of(" \t");
    const auto smiles = text.substr(0, end);
    if (smiles.empty() || (line->number == 1 && (smiles == "smiles" || smiles == "SMILES")))
      continue;
    std::string id;
    if (end != std::string::npos) {
      const auto start = text.find_first_not_of(" \t", end);
      if (start != std::string::npos)
        id = text.substr(start);
    }
    reading.records.push_back({ id, smiles, {}, line->number });
  }
  return reading;
}

WrittenSamples
SmilesSampleFormat::write(const SampleTable& table) const
{
  requireConsistent(table);
  WrittenSamples written;
  for (size_t i = 0; i < table.samples.size(); ++i) {
    const auto& smiles = table.samples[i];
    if (smiles.empty() || smiles.find_first_of(" \t\r\n") != std::string::npos) {
      written.skipped.push_back({ i + 1, {}, smiles.empty() ? "empty SMILES" : "holds a space" });
      continue;
    }
    written.bytes += smiles;
    if (!table.ids.empty() && !table.ids[i].empty())
      written.bytes += ' ' + table.ids[i];
    written.bytes += '\n';
    ++written.written;
  }
  return written;
}

WrittenSamples
SdfSampleFormat::write(const SampleTable& table) const
{
  requireConsistent(table);
  WrittenSamples written;
  std::ostringstream out;
  {
    RDKit::SDWriter writer(&out, /*takeOwnership=*/false);
    for (size_t i = 0; i < table.samples.size(); ++i) {
      auto mol = parseSmiles(table.samples[i]);
      if (!mol) {
        written.skipped.push_back({ i + 1, {}, "invalid SMILES" });
        continue;
      }
      RDDepict::compute2DCoords(*mol);
      mol->setProp("_Name", table.samples[i]);
      mol->setProp("smiles", table.samples[i]);
      for (size_t j = 0; j < table.objectiveNames.size(); ++j) {
        mol->setProp(table.objectiveNames[j], numberText(table.raw[i][j]));
        if (!table.rewards.empty())
          mol->setProp(table.objectiveNames[j] + "_reward", numberText(table.rewards[i][j]));
      }
      for (const auto& [name, value] : table.constants)
        mol->setProp(name, value);
      writer.write(*mol);
      ++written.written;
    }
    writer.close();
  }
  written.bytes = out.str();
  return written;
}

} // namespace paretolab::engine
