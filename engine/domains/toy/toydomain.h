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
class ToyDomain : public Domain
{
public:
  struct Options
  {
    int length = 16;
    int corpusSize = 2000;
    uint64_t seed = 1;
  };

  ToyDomain();
  explicit ToyDomain(Options options);

  std::string name() const override { return "toy"; }
  std::vector<ObjectiveInfo> objectives() const override;
  std::vector<std::string> corpus() const override;
  Tokenizer::Split tokenSplit() const override { return Tokenizer::Split::Characters; }
  bool isValid(const std::string& sample) const override;
  std::vector<std::vector<double>> score(const std::vector<std::string>& samples,
                                         const std::vector<std::string>& objectives) const override;
  std::map<std::string, double> metrics(const std::vector<std::string>& samples) const override;

  /// The objective vectors of the non-dominated strings among all 2^length,
  /// for the chosen objectives. Throws std::length_error for length > 20.
  std::vector<std::vector<double>> exactFront(const std::vector<std::string>& objectives) const;

  const Options& options() const { return m_options; }

private:
  double objectiveValue(const std::string& objective, const std::string& bits) const;

  Options m_options;
};

} // namespace paretolab::engine
