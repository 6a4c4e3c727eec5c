// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"

#include <cstdint>

namespace paretolab::engine {

/// Bit strings of a fixed length with three conflicting closed-form rewards,
/// for tests and benchmarks. Every objective lies in [0, 1]:
/// - `ones`: the share of 1 bits (best: 1111…);
/// - `alternation`: the share of neighbouring bits that differ (best: 0101…);
/// - `pattern`: the share of positions that match 0011 0011 … (best: that pattern).
/// No string is best at two of them, and for lengths up to 20 the exact Pareto
/// front comes from enumerating every string (`exactFront`).
///
/// With `prompted`, the domain is conditional: each context is a random motif
/// of `promptLength` bits, the prompt is the motif and ':', and the objective
/// `continuation` is the share of positions that repeat the motif. In the
/// prior's corpus each bit repeats the motif 75 % of the time, so the prior
/// knows the format and, weakly, that the prompt matters.
class ToyDomain : public Domain
{
public:
  struct Options
  {
    int length = 16;
    int corpusSize = 2000;
    uint64_t seed = 1;
    bool prompted = false;
    int promptLength = 4;
  };

  ToyDomain();
  explicit ToyDomain(Options options);

  std::string name() const override { return "toy"; }
  std::string title() const override { return "Toy bit strings"; }
  std::vector<ObjectiveInfo> objectives() const override;
  std::vector<std::string> corpus() const override;
  TokenizerSpec tokenizer() const override { return {}; }
  bool isConditional() const override { return m_options.prompted; }
  /// Every motif, in each split: the task is to continue a pattern, not to generalise.
  std::vector<SampleContext> contexts(DataSplit split) const override;
  /// Prompted only: each corpus string, as its motif's context and the bits after it.
  std::vector<Demonstration> demonstrations(DataSplit split) const override;
  bool isValid(const std::string& sample) const override;
  std::map<std::string, double> metrics(const std::vector<std::string>& samples) const override;
  /// With a prompt: the motif above the completion, positions that break it marked.
  SampleDescription describe(const std::string& sample,
                             const SampleContext& context = {}) const override;

  /// The objective vectors of the non-dominated strings among all 2^length,
  /// for the chosen objectives. Throws std::length_error for length > 20.
  std::vector<std::vector<double>> exactFront(const std::vector<std::string>& objectives) const;

  const Options& options() const { return m_options; }

protected:
  std::vector<std::vector<double>> computeScores(const std::vector<std::string>& samples,
                                                 const std::vector<SampleContext>& contexts,
                                                 const std::vector<std::string>& objectives,
                                                 const TextLikelihood*) const override;

private:
  double objectiveValue(const std::string& objective,
                        const std::string& bits,
                        const std::string& motif = {}) const;

  Options m_options;
};

} // namespace paretolab::engine
