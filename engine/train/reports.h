// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/samplecontext.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace paretolab::engine {

/// How one policy scores on a batch of its own samples.
struct PolicyEvaluation
{
  std::vector<double> rawMeans;         ///< per objective, over samples with a value
  std::vector<double> transformedMeans; ///< per objective, in [0, 1], penalty included
  double averageReward = 0.0;           ///< mean of transformedMeans
  /// The paper's ICV: mean / population std over the samples of each sample's
  /// average transformed reward (higher: fewer very poor samples).
  double icv = 0.0;
  double objectiveBalance = 0.0; ///< mean / population std of transformedMeans
  double klToPrior = 0.0;        ///< mean over sequences of sum_t (log pi - log pi_ref)
  double entropy = 0.0;          ///< mean per-token entropy
  double hypervolume = 0.0;      ///< of the samples' non-dominated transformed vectors, reference 0
  std::map<std::string, double> domainMetrics;
  std::vector<std::string> samples;
  std::vector<SampleContext> contexts;        ///< one per sample; empty when unconditional
  std::vector<std::vector<double>> rawScores; ///< [sample][objective], NaN where not computable
  std::vector<std::vector<double>> rewards;   ///< [sample][objective], transformed, penalty included

  /// The same figures over the valid samples, each counted once (the authors
  /// evaluate molecules after dropping invalid and duplicate SMILES).
  struct Subset
  {
    int64_t count = 0;
    std::vector<double> transformedMeans;
    double averageReward = 0.0;
    double icv = 0.0;
  } validUnique;
};

/// One expert's training step.
struct StepReport
{
  int64_t step = 0;  ///< 1-based global step
  int64_t round = 0; ///< 1-based merge round the step belongs to
  int expert = 0;    ///< index of the expert's objective
  std::vector<double> rawMeans;
  std::vector<double> transformedMeans;
  double averageReward = 0.0;
  double icv = 0.0;              ///< over the rollout's samples, as PolicyEvaluation::icv
  double objectiveBalance = 0.0; ///< as PolicyEvaluation::objectiveBalance
  double klToPrior = 0.0;
  double entropy = 0.0;
  double clipFraction = 0.0;
  std::map<std::string, double> domainMetrics; ///< of the rollout batch: validity, uniqueness, ...
  double seconds = 0.0;                        ///< wall time of this expert's step
};

/// One merge and the evaluation of the merged policy. Round 0 is the prior.
struct MergeReport
{
  int64_t round = 0;
  int64_t step = 0;
  std::vector<double> lambda; ///< per objective; 0 for experts outside the round's subset
  std::vector<int> subset;    ///< the experts that trained in this round
  /// How far the experts drifted apart before the merge: the largest relative
  /// parameter distance from the round's start, and the largest mean per-token
  /// KL of the merged policy to an expert on a probe batch. 0 for MORLHF.
  double divergence = 0.0;
  double klDivergence = 0.0;
  PolicyEvaluation evaluation;
  double seconds = 0.0;   ///< wall time since the run started
  std::string checkpoint; ///< the round's checkpoint file, when checkpoints are written
  std::string checkpointSha256;
};

/// Receives reports from `IterativeRsTrainer::run` on the thread that runs it.
class TrainingObserver
{
public:
  virtual ~TrainingObserver() = default;
  virtual void onStep(const StepReport& report) {}
  virtual void onMerge(const MergeReport& report) {}
};

struct RunResult
{
  bool cancelled = false;
  int64_t stepsDone = 0;
  int64_t rounds = 0;
  PolicyEvaluation initial; ///< the prior
  PolicyEvaluation final;   ///< the last merged policy
};

} // namespace paretolab::engine
