// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "model/policy.h"
#include "train/trainer.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <stop_token>
#include <vector>

namespace paretolab::engine {

/// IterativeRS (Ghari, Sciabola, Wang, NeurIPS 2025): one expert policy per
/// objective, each trained with PPO on its own reward from the same start;
/// every m steps the experts of the round are merged,
/// rho = sum_{i in S} lambda_i theta_i, and every expert restarts from rho.
/// m = T is Rewarded Soups; m = 1 is IterativeRS's MORLHF limit, which with
/// Adam and PPO epochs is not MORLHF itself (`method: "morlhf"` is).
///
/// CLP (`method: "clp"`) trains here too: its theta_i stand where the experts
/// stand, so re-merging, checkpoints and resume serve it unchanged.
class IterativeRsTrainer : public Trainer
{
public:
  IterativeRsTrainer(std::shared_ptr<const Domain> domain,
                     const Policy& prior,
                     std::vector<ObjectiveConfig> objectives,
                     TrainerOptions options);
  ~IterativeRsTrainer() override;
  IterativeRsTrainer(const IterativeRsTrainer&) = delete;
  IterativeRsTrainer& operator=(const IterativeRsTrainer&) = delete;

  using Trainer::expertPolicies;
  using Trainer::mergedPolicy;
  using Trainer::remerge;
  using Trainer::run;

  /// Checks `stop` before every expert step. The output is the last merged policy.
  RunResult run(TrainingObserver& observer, std::stop_token stop) override;

  /// Restores the merged and expert parameters, random-number states and the
  /// next subset of the checkpoint's merge round. run() then reports only the
  /// steps and merges after that round. The round's experts are available to
  /// remerge() at once.
  void resumeFrom(const std::string& checkpoint) override;
  /// IterativeRS and RS only, without adaptive m (which measures every
  /// expert at every step), and with no more ranks than experts.
  void distributeOver(std::shared_ptr<RankGroup> ranks) override;

  std::vector<int64_t> retainedRounds() const override;
  int64_t latestRound() const override;
  int64_t loadRound(const std::string& checkpoint) override;
  /// The merged policy of `round` (-1: the latest; 0: the prior).
  Policy mergedPolicy(int64_t round) const override;
  /// Each objective's expert as it was just before the merge of `round` (-1: latest).
  std::vector<Policy> expertPolicies(int64_t round) const override;
  /// The Rewarded-Soups property: any weights give a policy at once, by merging
  /// the experts of `round` (-1: latest) with the run's merge strategy (CLP:
  /// theta(w)). MORLHF has no experts and throws std::invalid_argument.
  Policy remerge(const std::vector<double>& weights, int64_t round) const override;

  PolicyEvaluation evaluate(const Policy& policy, int64_t count, uint64_t seed) const override;

  const std::vector<ObjectiveConfig>& objectives() const override;
  const TrainerOptions& options() const override;

  /// The seed of expert `objective`'s sampling generator: a function of the run
  /// seed and the objective alone, so an expert's trajectory does not depend on
  /// which other experts train beside it (this is what makes m = T equal to
  /// independently trained experts).
  static uint64_t expertSeed(uint64_t seed, const std::string& objective);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace paretolab::engine
