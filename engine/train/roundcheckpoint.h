// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): the checkpoint a run writes after each
// merge round, which resuming reads back.

#include "model/parameters.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace paretolab::engine {

/// Everything a run needs to continue after a merge round, so that the
/// continuation equals an uninterrupted run.
struct RoundCheckpoint
{
  std::string objectives;            ///< "a,b,c,": the task it belongs to
  int64_t round = 0;                 ///< the last completed merge round
  int64_t step = 0;                  ///< the step it merged at
  ParameterSet rho;                  ///< the merged policy
  ParameterSet base;                 ///< the policy the round started from
  std::vector<ParameterSet> experts; ///< every objective's expert (CLP: theta_i) before the merge
  std::vector<torch::Tensor> generatorStates; ///< one per sampling policy
  std::vector<ParameterSet> valueHeads;       ///< GAE only
  std::vector<std::string> optimizerStates;   ///< only when optimizers are kept across merges
  std::string subsetRngState;
  std::vector<int> nextSubset;
  /// What else a method needs to go on (RiC: its kept samples and the range
  /// of levels seen), as that method's JSON; empty for IterativeRS and CLP.
  std::string methodState;
};

/// Writes `checkpoint` to `directory`/round-<round>.plround atomically and
/// removes the rounds older than the newest `keep`. Returns the path and the
/// sha256 of its bytes, which the run store records.
std::pair<std::string, std::string>
writeRoundCheckpoint(const std::string& directory, const RoundCheckpoint& checkpoint, int64_t keep);

/// Reads a checkpoint of `experts` experts' parameters and of `policies`
/// sampling policies' states (one per expert; CLP's one steerable policy has
/// one), with value heads and optimizer states when asked for. Throws
/// CheckpointError naming `path` when it is damaged, from a newer ParetoLab,
/// or incomplete.
RoundCheckpoint
readRoundCheckpoint(const std::string& path,
                    size_t experts,
                    size_t policies,
                    bool withValueHeads,
                    bool withOptimizers);

} // namespace paretolab::engine
