// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sampleformat.h"

namespace paretolab::engine::dna {

/// FASTA: a `>id description` header, then the sequence on one or more lines.
/// Reading: the id is the header's first word; lower case is read as upper
/// case (soft-masked repeats); a record with no sequence, a sequence before
/// any header, a record longer than 100,000 bases and a line the line reader
/// refuses are problems with their line. Other letters (N, IUPAC codes) are
/// kept: scoring says where they are. Writing: each header holds the
/// objectives' raw values and rewards as `name=value`, the sequence wrapped
/// at 60 columns.
class FastaSampleFormat : public SampleFormat
{
public:
  std::string name() const override { return "fasta"; }
  std::string title() const override { return "FASTA"; }
  std::string extension() const override { return "fa"; }
  bool canRead() const override { return true; }
  bool canWrite() const override { return true; }
  SampleReading read(std::istream& in, const SampleLimits& limits) const override;
  WrittenSamples write(const SampleTable& table) const override;

  static constexpr std::size_t kMaxRecordLength = 100000;
};

} // namespace paretolab::engine::dna
