// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rewardtransform.h"
#include "model/modeloptions.h"

#include <cstdint>
#include <set>
#include <string>

namespace paretolab::engine {

/// One reward the run optimises: its name in the domain, its weight w_i and its transform to [0,
/// 1].
struct ObjectiveConfig
{
  std::string name;
  double weight = 1.0;
  RewardTransform transform;
};

enum class AdvantageEstimator
{
  Rloo, ///< leave-one-out batch baseline on the sequence reward (default)
  Gae,  ///< a value head on the policy's hidden state and generalised advantage estimation
};

enum class OptimizerKind
{
  Adam,
  Sgd, ///< plain SGD, no momentum: the setting in which m = 1 is exactly MORLHF
};

/// What a run trains.
enum class Method
{
  IterativeRS, ///< one expert per objective, merged every m steps (m = T: Rewarded Soups)
  Morlhf,      ///< one policy, one rollout per step, on the combined reward sum_i lambda_i R_i
  Clp, ///< Conditional Language Policy: theta(w) = sum_i w_i theta_i, trained for w ~ Dirichlet
  Ric, ///< Rewards-in-Context: supervised fine-tuning on reward tokens, no RL
};

/// Which parameters CLP conditions on the weights w; the rest is shared.
enum class ClpScope
{
  Full,      ///< every parameter (full-CLP)
  Attention, ///< the attention layers' (attn-CLP)
  Logits,    ///< the output head's (logit-CLP; with a tied head, the token embedding)
};

/// Conditional Language Policy (Wang et al. 2024, arXiv 2407.15762).
struct ClpOptions
{
  ClpScope scope = ClpScope::Full;
  /// Each step draws w from Dirichlet(alpha, ..., alpha): 1 is uniform on the simplex,
  /// smaller values favour the corners (one objective), larger ones the centre.
  double alpha = 1.0;
};

/// Rewards-in-Context (Yang et al., ICML 2024): the model learns to write a
/// sequence with the rewards its prompt names, one token per objective.
struct RicOptions
{
  /// Each objective's transformed reward in [0, 1] is quantised into this many
  /// levels, one prompt token per level: "<r0:7>" is objective 0 at level 7.
  int64_t levels = 10;
  /// The corpus sequences scored and fitted offline (a seeded sample of the
  /// domain's corpus; scoring all of ChEMBL would take hours).
  int64_t corpusSize = 2000;
  /// Steps of the offline stage, on the scored corpus alone; 0: half of T.
  /// The rest of T is online rounds of m steps.
  int64_t offlineSteps = 0;
  double learningRate = 1e-3; ///< Adam, for every fine-tuning step
  /// Each online round generates for this many weight vectors spread over the
  /// simplex (the corners first), each asking for its mapped rewards...
  int64_t targets = 8;
  int64_t samplesPerTarget = 16; ///< ... this many sequences each
  /// Share of each online batch drawn from the kept (Pareto-efficient)
  /// samples; the rest comes from the corpus, so the model does not forget it.
  double onlineShare = 0.5;
};

/// What happens to the optimizers' state when the experts are merged.
enum class OptimizerAtMerge
{
  Reset, ///< fresh Adam for every expert (the paper's code); its first step is about lr * sign(g)
  Keep,  ///< each expert keeps its own moments
  Merge, ///< the moments are merged with the same lambda as the parameters
};

/// The per-expert policy update: PPO-clip with a per-token KL penalty to the prior.
struct PpoOptions
{
  double learningRate = 1e-4;
  double clip = 0.2;
  double klBeta = 0.05;     ///< reward = R_i(x) - beta * sum_t (log pi - log pi_ref)
  int64_t epochs = 1;       ///< passes over each rollout batch
  int64_t minibatches = 1;  ///< per epoch
  double maxGradNorm = 1.0; ///< 0 turns clipping off
  int64_t batchSize = 64;   ///< sequences per rollout
  /// Conditional domains: sequences drawn per prompt in a rollout; RLOO's
  /// baseline is the mean of the other sequences of the same prompt.
  int64_t samplesPerPrompt = 8;
  AdvantageEstimator advantage = AdvantageEstimator::Rloo;
  double gamma = 1.0; ///< GAE discount
  double gaeLambda = 0.95;
  double valueCoefficient = 0.5;
  double valueClip = 0.2;        ///< GAE: a new value moves at most this far from the old; 0 off
  bool whitenAdvantages = false; ///< scale advantages to mean 0 and std 1 over the batch's tokens
  OptimizerKind optimizer = OptimizerKind::Adam;
  /// Rollouts are drawn at this temperature with top-p 1, so that the log-
  /// probabilities, the ratio and the KL belong to the distribution sampled.
  SamplingOptions sampling;
};

enum class MergeStrategy
{
  Linear,         ///< rho = sum_i lambda_i theta_i (the paper)
  TaskArithmetic, ///< rho = base + scale * sum_i lambda_i (theta_i - base)
  Ties,           ///< trim, elect sign, disjoint mean of the task vectors (Yadav et al. 2023)
};

enum class SelectionCriterion
{
  AverageReward, ///< the mean over samples of each sample's average reward
  ParetoReward,  ///< the same, over the samples no other sample dominates
};

/// Merge-weight selection (the authors' "selection" strategy): at each merge,
/// try `candidates` lambda vectors (the task's and random ones on the simplex)
/// on a validation batch and keep the best.
struct MergeSelection
{
  int64_t candidates = 0; ///< 0 or 1: merge with the task's weights only
  SelectionCriterion criterion = SelectionCriterion::AverageReward;
  int64_t batch = 32; ///< validation sequences per candidate
};

struct MergeOptions
{
  MergeStrategy strategy = MergeStrategy::Linear;
  double scale = 1.0;   ///< task-arithmetic and ties: multiplier of the merged task vector
  double density = 0.2; ///< ties: share of each task vector's largest entries kept
  MergeSelection selection;
};

enum class DivergenceMeasure
{
  Parameters, ///< largest relative L2 distance ||theta_i - rho|| / ||rho|| over the round's experts
  Kl, ///< largest mean per-token KL(pi_rho || pi_theta_i), estimated on a probe batch drawn from
      ///< rho
};

/// Adaptive m: merge as soon as the experts drift apart by `threshold`, and at
/// the latest after `mergePeriod` steps.
struct AdaptiveMergeOptions
{
  bool enabled = false;
  DivergenceMeasure measure = DivergenceMeasure::Parameters;
  double threshold = 0.05;
  int64_t probeBatch = 32; ///< sequences in the KL probe batch
};

struct TrainerOptions
{
  Method method = Method::IterativeRS;
  int64_t totalSteps = 100; ///< T
  int64_t mergePeriod = 4;  ///< m; 0 means T (one merge at the end: Rewarded Soups)
  int64_t subsetSize = 0;   ///< M; 0 means all N experts train every round
  MergeOptions merge;
  AdaptiveMergeOptions adaptive;
  OptimizerAtMerge optimizerAtMerge = OptimizerAtMerge::Reset; ///< as in the paper's code
  PpoOptions ppo;
  ClpOptions clp;                ///< method Clp only
  RicOptions ric;                ///< method Ric only
  int64_t evaluationBatch = 128; ///< sequences drawn to evaluate each merged policy
  /// How evaluations, slider previews and exports sample: they may truncate (top-p)
  /// without biasing training.
  SamplingOptions evaluationSampling;
  double invalidPenalty = 0.0; ///< transformed reward of a sample an objective cannot score
  uint64_t seed = 1;
  std::set<int64_t> pinnedRounds; ///< merge rounds whose experts stay in memory for re-merging
  /// Where a checkpoint of every merge round is written, to resume from; empty: none.
  std::string checkpointDirectory;
  int64_t keepCheckpoints = 3; ///< the newest rounds kept on disk
};

std::string
toString(MergeStrategy strategy);
std::string
toString(AdvantageEstimator estimator);
std::string
toString(OptimizerKind kind);
std::string
toString(DivergenceMeasure measure);
std::string
toString(Method method);
std::string
toString(OptimizerAtMerge choice);
std::string
toString(SelectionCriterion criterion);
std::string
toString(ClpScope scope);

} // namespace paretolab::engine
