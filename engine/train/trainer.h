// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "model/policy.h"
#include "train/rankgroup.h"
#include "train/reports.h"
#include "train/trainoptions.h"

#include <cstdint>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace paretolab::engine {

/// What every method offers the app, whatever it trains: a run that reports
/// its steps and rounds, resuming from a round checkpoint, and a policy for
/// any weights at once (a re-merge of experts, CLP's theta(w), or RiC's
/// reward prompt).
///
/// `run()` is synchronous and reports to the observer on the calling thread.
/// The other members are thread-safe against a running `run()`: they read
/// snapshots taken at the ends of rounds.
class Trainer
{
public:
  virtual ~Trainer() = default;

  /// Trains for options.totalSteps steps, or until `stop` is requested. The
  /// output is the policy of the last round at the task's weights.
  virtual RunResult run(TrainingObserver& observer, std::stop_token stop) = 0;
  RunResult run(TrainingObserver& observer) { return run(observer, {}); }

  /// Makes the next run() continue after the round saved in `checkpoint`
  /// (written by a run of the same task and options), so that the
  /// continuation equals an uninterrupted run. Throws CheckpointError.
  virtual void resumeFrom(const std::string& checkpoint) = 0;

  /// Makes the next run() train as one rank of `ranks` (issue 17): this rank
  /// trains the experts it owns, and at each merge all ranks exchange them,
  /// so that every rank merges what one process would. Rank 0 evaluates,
  /// reports every rank's steps, and writes the checkpoints; the other ranks
  /// report nothing. Throws std::invalid_argument for a method that trains
  /// one policy (the default).
  virtual void distributeOver(std::shared_ptr<RankGroup> ranks);

  /// Rounds whose state is in memory: the latest and the pinned ones.
  virtual std::vector<int64_t> retainedRounds() const = 0;
  /// The newest round in memory (0 before the first).
  virtual int64_t latestRound() const = 0;
  /// Keeps the round saved in `checkpoint` in memory, for remerge(weights,
  /// round). Throws CheckpointError.
  virtual int64_t loadRound(const std::string& checkpoint) = 0;

  /// The policy of `round` at the task's weights (-1: the latest; 0: the prior).
  virtual Policy mergedPolicy(int64_t round) const = 0;
  Policy mergedPolicy() const { return mergedPolicy(-1); }
  /// The experts of `round` (-1: latest): one per objective, or the one policy
  /// of a method that trains one.
  virtual std::vector<Policy> expertPolicies(int64_t round) const = 0;
  std::vector<Policy> expertPolicies() const { return expertPolicies(-1); }
  /// The policy for any weights, at once. Throws std::invalid_argument for
  /// weights of the wrong size or sum 0, or for a method that cannot steer;
  /// std::out_of_range for a round not retained.
  virtual Policy remerge(const std::vector<double>& weights, int64_t round) const = 0;
  Policy remerge(const std::vector<double>& weights) const { return remerge(weights, -1); }

  /// Samples `count` sequences from `policy` and scores them on every objective.
  virtual PolicyEvaluation evaluate(const Policy& policy, int64_t count, uint64_t seed) const = 0;

  virtual const std::vector<ObjectiveConfig>& objectives() const = 0;
  virtual const TrainerOptions& options() const = 0;
};

/// The trainer of options.method: IterativeRS (and its limits MORLHF and RS),
/// CLP or RiC. Throws std::invalid_argument when the method cannot train on
/// `domain`.
std::unique_ptr<Trainer>
makeTrainer(std::shared_ptr<const Domain> domain,
            const Policy& prior,
            std::vector<ObjectiveConfig> objectives,
            TrainerOptions options);

} // namespace paretolab::engine
