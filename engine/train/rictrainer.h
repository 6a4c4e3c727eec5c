// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/trainer.h"

#include <memory>

namespace paretolab::engine {

/// Rewards-in-Context (Yang et al., ICML 2024): multi-objective alignment by
/// supervised fine-tuning alone, no RL.
///
/// - The prior's vocabulary gains one token per objective and reward level
///   (RicOptions::levels). A sequence with transformed rewards r is written as
///   `prompt <r0:q0><r1:q1>... sequence`, q_i = floor(r_i * levels): the
///   reward tokens follow the context's prompt in a conditional domain, as in
///   the paper, and stand alone otherwise.
/// - Offline stage: a seeded sample of the domain's corpus (for a conditional
///   domain, of its training contexts with their demonstrations) is scored on
///   every objective and fitted for ric.offline_steps steps (the loss counts
///   the sequence's tokens, not the prompt or the reward tokens).
/// - Online rounds of m steps: generate for weight vectors spread over the
///   simplex, each mapped to the rewards it asks for, score, keep the
///   Pareto-efficient samples with the rewards they reached, and fit on them
///   beside the corpus (train/ricdata.h).
/// - Any weights give a policy at once: the one model, conditioned on the
///   preference-to-reward mapping of w (Policy::withConditioning). The sliders
///   drive the reward tokens, not the parameters.
///
/// Steps report the rewards of the training batch (what the step fitted, its
/// data) and its NLL; each round's report evaluates the model's own samples
/// at the task's weights.
class RicTrainer : public Trainer
{
public:
  /// Throws std::invalid_argument for options that do not fit, or a
  /// conditional domain without contexts the prior can read.
  RicTrainer(std::shared_ptr<const Domain> domain,
             const Policy& prior,
             std::vector<ObjectiveConfig> objectives,
             TrainerOptions options);
  ~RicTrainer() override;
  RicTrainer(const RicTrainer&) = delete;
  RicTrainer& operator=(const RicTrainer&) = delete;

  using Trainer::expertPolicies;
  using Trainer::mergedPolicy;
  using Trainer::remerge;
  using Trainer::run;

  RunResult run(TrainingObserver& observer, std::stop_token stop) override;
  void resumeFrom(const std::string& checkpoint) override;
  std::vector<int64_t> retainedRounds() const override;
  int64_t latestRound() const override;
  int64_t loadRound(const std::string& checkpoint) override;
  /// The model of `round`, prompted for the task's weights.
  Policy mergedPolicy(int64_t round) const override;
  /// RiC trains one model: mergedPolicy(round) alone.
  std::vector<Policy> expertPolicies(int64_t round) const override;
  /// The model of `round`, prompted with the rewards that `weights` map to.
  Policy remerge(const std::vector<double>& weights, int64_t round) const override;
  PolicyEvaluation evaluate(const Policy& policy, int64_t count, uint64_t seed) const override;
  const std::vector<ObjectiveConfig>& objectives() const override;
  const TrainerOptions& options() const override;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace paretolab::engine
