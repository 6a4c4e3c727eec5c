// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "model/policy.h"
#include "train/reports.h"
#include "train/trainoptions.h"

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
/// `run()` is synchronous and reports every step and merge to the observer on
/// the calling thread. `remerge`, `mergedPolicy`, `expertPolicies` and
/// `evaluate` are thread-safe against a running `run()`: they read snapshots
/// taken at merges, under a lock.
class IterativeRsTrainer
{
public:
  IterativeRsTrainer(std::shared_ptr<const Domain> domain,
                     const Policy& prior,
                     std::vector<ObjectiveConfig> objectives,
                     TrainerOptions options);
  ~IterativeRsTrainer();
  IterativeRsTrainer(const IterativeRsTrainer&) = delete;
  IterativeRsTrainer& operator=(const IterativeRsTrainer&) = delete;

  /// Trains for options.totalSteps steps, or until `stop` is requested (checked
  /// before every expert step). The output is the last merged policy.
  RunResult run(TrainingObserver& observer, std::stop_token stop = {});

  /// Makes the next run() continue after the merge round saved in `checkpoint`
  /// (written by a run of the same task and options): merged and expert
  /// parameters, random-number states and the next subset are restored, so the
  /// continuation equals an uninterrupted run. run() then reports only the
  /// steps and merges after that round. The round's experts are available to
  /// remerge() at once. Throws CheckpointError.
  void resumeFrom(const std::string& checkpoint);

  /// Merge rounds whose experts are in memory: the latest and the pinned ones.
  std::vector<int64_t> retainedRounds() const;
  /// The newest merge round in memory (0 before the first merge).
  int64_t latestRound() const;
  /// Keeps the experts of the round saved in `checkpoint` (a round checkpoint of
  /// this task) in memory, for remerge(weights, round). Throws CheckpointError.
  int64_t loadRound(const std::string& checkpoint);
  /// The merged policy of `round` (-1: the latest; 0: the prior).
  Policy mergedPolicy(int64_t round = -1) const;
  /// Each objective's expert as it was just before the merge of `round` (-1: latest).
  std::vector<Policy> expertPolicies(int64_t round = -1) const;
  /// The Rewarded-Soups property: any weights give a policy at once, by merging
  /// the experts of `round` (-1: latest) with the run's merge strategy.
  /// Throws std::invalid_argument for weights of the wrong size or sum 0,
  /// std::out_of_range for a round not retained.
  Policy remerge(const std::vector<double>& weights, int64_t round = -1) const;

  /// Samples `count` sequences from `policy` and scores them on every objective.
  PolicyEvaluation evaluate(const Policy& policy, int64_t count, uint64_t seed) const;

  const std::vector<ObjectiveConfig>& objectives() const;
  const TrainerOptions& options() const;

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
