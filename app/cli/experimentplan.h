// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an experiment trains: methods x merge periods x optimizer choices x
// seeds, one cell each, and how a cell is named and run as its own process.

#include <cstdint>
#include <string>
#include <vector>

namespace paretolab::cli {

struct ExperimentCell
{
  std::string method;    ///< "morlhf", "iterativers", "rs" or "clp"
  int64_t period = 0;    ///< IterativeRS's m; 0 for T (RS), MORLHF and CLP, which merge nothing
  std::string optimizer; ///< optimizer_at_merge; empty: the task's own
  uint64_t seed = 0;

  /// A file-name-safe name: "iterativers-m4-keep-seed13".
  std::string name() const;
  /// "MORLHF", "IterativeRS", "RS" or "CLP", as the tables print it.
  std::string methodTitle() const;
  /// "1", "4", "T"; "-" for MORLHF and CLP.
  std::string periodLabel() const;
  /// The --set assignments that make the task this cell.
  std::vector<std::string> overrides() const;
};

struct ExperimentFactors
{
  std::vector<std::string> methods;    ///< of morlhf, iterativers, rs, clp
  std::vector<int64_t> periods;        ///< IterativeRS's; 0 stands for T
  std::vector<std::string> optimizers; ///< empty: the task's own choice only
  int seeds = 3;
  uint64_t firstSeed = 0;
};

/// "morlhf,iterativers,rs,clp"; throws std::runtime_error naming a bad item.
std::vector<std::string>
parseMethods(const std::string& text);
/// "1,4,16,T" -> {1, 4, 16, 0}.
std::vector<int64_t>
parsePeriods(const std::string& text);
/// "reset,keep,merge"; empty text: none.
std::vector<std::string>
parseOptimizers(const std::string& text);

/// Every cell, seeds innermost so that a method's seeds finish together.
/// MORLHF and RS take no m; they are crossed with the optimizer choices only
/// where the choice matters (RS never merges mid-run, MORLHF never merges).
std::vector<ExperimentCell>
planExperiment(const ExperimentFactors& factors);

} // namespace paretolab::cli
