// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): one policy in training, with its own
// optimizer, sampling generator and (for GAE) critic head.

#include "model/gpt.h"
#include "model/parameters.h"
#include "train/roundcheckpoint.h"
#include "train/trainoptions.h"

#include <ATen/core/Generator.h>

#include <memory>
#include <string>
#include <vector>

namespace paretolab::engine {

struct Expert
{
  Gpt model{ nullptr };
  /// GAE only: a value head on the frozen prior's hidden states, so that
  /// learning values never moves the weights that are merged.
  torch::nn::Linear valueHead{ nullptr };
  std::unique_ptr<torch::optim::Optimizer> optimizer;
  at::Generator generator;

  std::vector<torch::Tensor> trainableParameters() const;
  /// A fresh optimizer over the expert's parameters (its state forgotten).
  void resetOptimizer(const PpoOptions& ppo);
};

/// An expert starting at `start`, sampling from `seed`.
Expert
makeExpert(const GptOptions& shape,
           const ParameterSet& start,
           const PpoOptions& ppo,
           uint64_t seed);

/// Merges the Adam moments of `members` with the weights `lambda` and gives
/// every expert in `all` the merged state: the optimizer's memory follows the
/// parameters into the merge. A no-op for SGD, which keeps no state.
void
mergeOptimizerStates(const std::vector<Expert*>& members,
                     const std::vector<double>& lambda,
                     std::vector<Expert>& all);

/// After a merge every expert restarts from `rho`; its optimizer is reset,
/// kept, or given the moments of the experts in `subset` merged with `lambda`.
void
restartExperts(std::vector<Expert>& experts,
               const ParameterSet& rho,
               const std::vector<int>& subset,
               const std::vector<double>& lambda,
               OptimizerAtMerge optimizerAtMerge,
               const PpoOptions& ppo);

/// Each expert's sampling state, critic and (with `withOptimizers`) optimizer
/// state, into `checkpoint`.
void
saveExperts(std::vector<Expert>& experts, bool withOptimizers, RoundCheckpoint& checkpoint);

/// Sets the experts to `checkpoint.rho` and to the states saveExperts kept.
void
restoreExperts(std::vector<Expert>& experts,
               const RoundCheckpoint& checkpoint,
               const PpoOptions& ppo);

/// Everything of `expert` that training changes, as bytes: parameters,
/// critic, sampling state and (with `withOptimizer`) optimizer state. Another
/// process's copy of the same expert, given them by unpackExpert, then trains
/// on identically. Without the optimizer state, the copy's optimizer must be
/// reset before it is used, as merging with OptimizerAtMerge::Reset does.
std::string
packExpert(Expert& expert, bool withOptimizer);
void
unpackExpert(Expert& expert, const std::string& bytes);

} // namespace paretolab::engine
