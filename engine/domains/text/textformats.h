// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sampleformat.h"

namespace paretolab::engine::text {

/// JSON Lines of summaries: one object per line with "source", "summary" and
/// "reference" strings. Reading: the summary is the sample; the source (cut
/// to its first `sourceWords` words, as the policy sees it in training) and
/// the reference are its context, whose id is the 0-based line number. A
/// line that is not a JSON object, or lacks one of the three strings, is a
/// problem with its line; the others are read. Blank lines are skipped but
/// still counted. Writing: the same three fields (when the rows have
/// contexts), an "id" when they have ids, then each objective's raw value
/// and reward (null where none) and the constants.
class JsonLinesFormat : public SampleFormat
{
public:
  /// `sourceWords`: how much of a source the prompt holds, as in training.
  explicit JsonLinesFormat(std::size_t sourceWords)
    : m_sourceWords(sourceWords)
  {
  }

  std::string name() const override { return "jsonl"; }
  std::string title() const override { return "JSON Lines"; }
  std::string extension() const override { return "jsonl"; }
  bool canRead() const override { return true; }
  bool canWrite() const override { return true; }
  SampleReading read(std::istream& in, const SampleLimits& limits) const override;
  WrittenSamples write(const SampleTable& table) const override;

private:
  std::size_t m_sourceWords;
};

} // namespace paretolab::engine::text
