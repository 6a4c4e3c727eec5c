// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): one PPO step of a policy on a task's
// rewards, as every method that trains by RL takes it.

#include "core/domain.h"
#include "core/textlikelihood.h"
#include "model/gpt.h"
#include "train/evaluation.h"
#include "train/reports.h"
#include "train/trainoptions.h"

#include <ATen/core/Generator.h>

#include <vector>

namespace paretolab::engine {

/// What a step needs of the run it belongs to.
struct StepTask
{
  const Domain& domain;
  const std::vector<ObjectiveConfig>& objectives;
  GptImpl& reference; ///< the frozen prior: the other side of the KL
  const Tokenizer& tokenizer;
  const PpoOptions& ppo;
  double invalidPenalty;
  const PromptSet& prompts;         ///< the training split's; empty when unconditional
  const TextLikelihood* priorJudge; ///< the frozen prior, for fluency; may be null
};

/// Which policy takes the step, with what it trains with.
struct StepPolicy
{
  GptImpl& model;
  torch::optim::Optimizer& optimizer;
  at::Generator& generator;
  torch::nn::Linear* valueHead = nullptr; ///< GAE's critic, or null for RLOO
};

/// A rollout of the policy, its rewards (the `weights`-weighted sum of the
/// objectives, or objective `k`'s alone when `weights` is empty), the PPO
/// update, and its report for `step` of merge round `round`.
StepReport
policyStep(const StepTask& task,
           StepPolicy policy,
           const std::vector<double>& weights,
           int k,
           int64_t step,
           int64_t round);

} // namespace paretolab::engine
