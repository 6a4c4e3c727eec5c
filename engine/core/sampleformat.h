// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/samplecontext.h"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace paretolab::engine {

/// One sample read from a user's file.
struct SampleRecord
{
  std::string id;   ///< the record's name (FASTA id, JSONL line number); empty when it has none
  std::string text; ///< the sample
  SampleContext context;
  std::size_t line = 0; ///< 1-based line where the record starts
};

/// A record that was skipped, and why.
/// The shortest text that reads back as the same double ("1", "0.25"), so that exports
/// recompute exactly; empty for NaN.
std::string
shortestText(double value);

struct SampleProblem
{
  std::size_t line = 0;
  std::string id;
  std::string reason;
};

struct SampleReading
{
  std::vector<SampleRecord> records;
  std::vector<SampleProblem> problems; ///< records skipped, and why
  std::vector<SampleProblem> notes;    ///< records kept but changed, and how
  bool recordsHaveIds = false;         ///< the format names its records (FASTA, JSONL)
};

/// Samples with their scores, to be written in some format.
struct SampleTable
{
  std::vector<std::string> objectiveNames;
  std::vector<std::string> samples;
  std::vector<std::vector<double>> raw;     ///< [sample][objective], NaN where not computable
  std::vector<std::vector<double>> rewards; ///< transformed rewards; empty: not written
  std::vector<std::string> ids;             ///< empty: none
  bool writeSamples = true;            ///< false: rows are named by their ids alone (score tables)
  std::vector<SampleContext> contexts; ///< empty, or one per sample
  /// Columns with one value for every row, written last: run id, λ.
  std::vector<std::pair<std::string, std::string>> constants;
};

/// A written file, and the samples the format could not hold.
struct WrittenSamples
{
  std::string bytes;
  std::size_t written = 0;
  std::vector<SampleProblem> skipped; ///< `line` is the 1-based sample index
};

/// What a user may give: the longest sample, in bytes. RDKit's SMILES parser
/// is superlinear, so molecules ask for less than text does.
struct SampleLimits
{
  std::size_t maxLength = 10000;
};

/// A file format for samples, owned by a domain (Avogadro's FileFormat shape):
/// it reads the inputs of `score` and writes exports. Thread-safe and stateless.
class SampleFormat
{
public:
  virtual ~SampleFormat() = default;

  virtual std::string name() const = 0;      ///< "csv", "smi", "sdf", "fasta", "jsonl"
  virtual std::string title() const = 0;     ///< "SD file"
  virtual std::string extension() const = 0; ///< without the dot
  virtual bool canRead() const { return false; }
  virtual bool canWrite() const { return false; }

  /// Reads every record it can; a bad record becomes a problem with its line,
  /// never an exception. Lines over `limits.maxLength` bytes and lines that are
  /// not valid UTF-8 are skipped with a reason. Throws std::logic_error when
  /// the format cannot read.
  virtual SampleReading read(std::istream& in, const SampleLimits& limits) const;
  /// Throws std::logic_error when the format cannot write, and
  /// std::invalid_argument when the table's rows do not match.
  virtual WrittenSamples write(const SampleTable& table) const;
};

/// CSV, the format every domain has: `[id,]sample[,context],<objectives>[,<objective>_reward...]`
/// then the constants, quoted as RFC 4180 asks; a value that cannot be computed is empty.
class CsvSampleFormat : public SampleFormat
{
public:
  std::string name() const override { return "csv"; }
  std::string title() const override { return "CSV"; }
  std::string extension() const override { return "csv"; }
  bool canWrite() const override { return true; }
  WrittenSamples write(const SampleTable& table) const override;
};

/// Plain text, one sample per line, for any domain whose samples hold no line break.
class LinesSampleFormat : public SampleFormat
{
public:
  std::string name() const override { return "txt"; }
  std::string title() const override { return "Text, one sample per line"; }
  std::string extension() const override { return "txt"; }
  bool canRead() const override { return true; }
  bool canWrite() const override { return true; }
  SampleReading read(std::istream& in, const SampleLimits& limits) const override;
  WrittenSamples write(const SampleTable& table) const override;
};

/// A CSV field, quoted when it holds a comma, quote or line break.
std::string
csvField(const std::string& text);

/// Checks a table before writing: one score row per sample, ids and contexts
/// empty or one per sample. Throws std::invalid_argument.
void
requireConsistent(const SampleTable& table);

} // namespace paretolab::engine
