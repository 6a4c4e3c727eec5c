// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sampleformat.h"

namespace paretolab::engine {

/// SMILES files: "SMILES [name]" per line, as RDKit and Open Babel write them.
/// The name becomes the record id; a "smiles" header line is skipped.
class SmilesSampleFormat : public SampleFormat
{
public:
  std::string name() const override { return "smi"; }
  std::string title() const override { return "SMILES"; }
  std::string extension() const override { return "smi"; }
  bool canRead() const override { return true; }
  bool canWrite() const override { return true; }
  SampleReading read(std::istream& in, const SampleLimits& limits) const override;
  WrittenSamples write(const SampleTable& table) const override;
};

/// SD files with 2-D coordinates: the SMILES as generated in the title and a
/// `smiles` property, then one property per objective with its raw value and
/// one `<objective>_reward` when rewards are given. Invalid SMILES are skipped.
class SdfSampleFormat : public SampleFormat
{
public:
  std::string name() const override { return "sdf"; }
  std::string title() const override { return "SD file"; }
  std::string extension() const override { return "sdf"; }
  bool canWrite() const override { return true; }
  WrittenSamples write(const SampleTable& table) const override;
};

} // namespace paretolab::engine
