// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rewardtransform.h"
#include "core/tokenizer.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace paretolab::engine {

/// An objective a domain can score, with the transform it uses unless the task says otherwise.
struct ObjectiveInfo
{
  std::string name;
  std::string description;
  RewardTransform defaultTransform;
};

/// One kind of sequence (molecules, DNA, text, toy bit strings) behind one
/// interface: its corpus, tokenizer, reward functions, metrics and rendering.
///
/// Scoring is deterministic and const. Implementations must be safe to call
/// from one thread at a time per instance; the trainer never shares an
/// instance between concurrent calls.
class Domain
{
public:
  virtual ~Domain() = default;

  virtual std::string name() const = 0;
  virtual std::vector<ObjectiveInfo> objectives() const = 0;

  /// The texts the prior is pretrained on.
  virtual std::vector<std::string> corpus() const = 0;
  virtual Tokenizer::Split tokenSplit() const = 0;

  /// Whether the sample is well formed (a parseable SMILES, a full-length bit string).
  virtual bool isValid(const std::string& sample) const = 0;

  /// Raw objective values, [sample][objective] in the order of `objectives`.
  /// A sample the objective cannot be computed for (an invalid SMILES, a
  /// failed geometry) gets NaN; the trainer turns NaN into the task's penalty.
  virtual std::vector<std::vector<double>> score(
    const std::vector<std::string>& samples,
    const std::vector<std::string>& objectives) const = 0;

  /// Domain-specific quality metrics of a batch (validity, uniqueness, ...), each in [0, 1].
  virtual std::map<std::string, double> metrics(const std::vector<std::string>& samples) const = 0;

  /// One line on how the corpus was read and cleaned, e.g. what was dropped and
  /// why; empty when there is nothing to say.
  virtual std::string describeCorpus() const { return {}; }

  /// A plain-text rendering of one sample for terminals and logs.
  virtual std::string render(const std::string& sample) const { return sample; }

  /// Throws std::invalid_argument when `name` is not an objective of this domain.
  void requireObjective(const std::string& name) const;
};

} // namespace paretolab::engine
