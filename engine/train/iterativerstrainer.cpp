// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/iterativerstrainer.h"

#include "core/atomicfile.h"
#include "core/errormessage.h"
#include "core/stopwatch.h"
#include "model/checkpoint.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"
#include "train/clppolicy.h"
#include "train/divergence.h"
#include "train/evaluation.h"
#include "train/expert.h"
#include "train/merge.h"
#include "train/mergeselection.h"
#include "train/policystep.h"
#include "train/ppo.h"
#include "train/rankexchange.h"
#include "train/retainedrounds.h"
#include "train/roundcheckpoint.h"
#include "train/seeds.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace paretolab::engine {

namespace {

using Clock = std::chrono::steady_clock;

/// What stays in memory of one merge round, for re-merging.
struct RoundSnapshot
{
  ParameterSet base;                 ///< the policy the round started from
  std::vector<ParameterSet> experts; ///< every expert before the merge
  ParameterSet merged;
};

} // namespace

struct IterativeRsTrainer::Impl
{
  explicit Impl(Policy prior)
    : prior(std::move(prior))
  {
  }

  std::shared_ptr<const Domain> domain;
  Policy prior;
  Gpt reference{ nullptr };
  std::shared_ptr<const TextLikelihood> priorJudge; ///< the frozen prior, for fluency
  std::vector<ObjectiveConfig> objectives;
  TrainerOptions options;

  PromptSet trainPrompts;      ///< empty when the domain is unconditional
  PromptSet evaluationPrompts; ///< the validation split's

  RetainedRounds<RoundSnapshot> rounds;
  std::optional<RoundCheckpoint> resume;
  std::vector<bool> clpConditioned; ///< CLP: which parameters depend on w
  std::shared_ptr<RankGroup> ranks; ///< null: one process trains every expert

  /// Rank 0 (or the only process) evaluates, reports and writes checkpoints.
  bool root() const { return !ranks || ranks->isRoot(); }
  bool trainsHere(int k) const { return !ranks || ranks->owns(size_t(k)); }

  /// What every rank must agree on before it trains: the task, the prior's
  /// parameters and the round it starts after.
  std::string runDescription(int64_t startRound) const
  {
    double sum = 0.0;
    for (const auto& p : reference->parameters())
      sum += p.abs().sum().item<double>();
    std::ostringstream description;
    description.precision(17);
    description << "objectives " << objectiveList() << " T " << options.totalSteps << " m "
                << options.mergePeriod << " seed " << options.seed << " subset "
                << options.subsetSize << " prior |theta| " << sum << " round " << startRound;
    return description.str();
  }

  /// MORLHF trains one policy on the combined reward; IterativeRS one expert per objective.
  bool singlePolicy() const { return options.method == Method::Morlhf; }
  /// CLP trains one steerable policy, with a copy theta_i of its conditioned
  /// parameters per objective: the round snapshots hold the theta_i as experts.
  bool clp() const { return options.method == Method::Clp; }
  size_t expertCount() const { return singlePolicy() ? 1 : objectives.size(); }
  /// The policies that sample, each with its own generator and optimizer.
  size_t trainedPolicies() const { return clp() ? 1 : expertCount(); }

  std::vector<double> taskLambda() const
  {
    std::vector<double> weights;
    for (const auto& objective : objectives)
      weights.push_back(objective.weight);
    return normalizedWeights(weights);
  }

  std::string objectiveList() const
  {
    std::string names = singlePolicy() ? "morlhf:" : clp() ? "clp:" : "";
    for (const auto& objective : objectives)
      names += objective.name + ",";
    return names;
  }

  /// The seed of a method that trains one policy (MORLHF, CLP), so that CLP
  /// with one objective draws exactly what MORLHF does.
  uint64_t onePolicySeed() const { return mixSeed(options.seed, fnv1a64("morlhf")); }

  uint64_t seedOfExpert(size_t k) const
  {
    return singlePolicy() ? onePolicySeed()
                          : IterativeRsTrainer::expertSeed(options.seed, objectives[k].name);
  }

  /// Whether round checkpoints carry the optimizers' state: CLP's Adam never restarts.
  bool checkpointsKeepOptimizers() const
  {
    return clp() || options.optimizerAtMerge != OptimizerAtMerge::Reset;
  }

  /// Writes the state after merge `round`; returns its path and sha256.
  /// `saveTrainingState` adds the generators' and optimizers' states.
  std::pair<std::string, std::string> writeCheckpoint(
    int64_t round,
    int64_t step,
    const ParameterSet& rho,
    const RoundSnapshot& snapshot,
    const std::function<void(RoundCheckpoint&)>& saveTrainingState,
    const std::mt19937_64& subsetRng,
    const std::vector<int>& nextSubset) const
  {
    RoundCheckpoint checkpoint{ .objectives = objectiveList(),
                                .round = round,
                                .step = step,
                                .rho = rho,
                                .base = snapshot.base,
                                .experts = snapshot.experts,
                                .nextSubset = nextSubset };
    saveTrainingState(checkpoint);
    std::ostringstream rngState;
    rngState << subsetRng;
    checkpoint.subsetRngState = rngState.str();
    return writeRoundCheckpoint(options.checkpointDirectory, checkpoint, options.keepCheckpoints);
  }

  /// Reads a round checkpoint of this task, checking that it fits the prior.
  RoundCheckpoint readCheckpoint(const std::string& path) const
  {
    auto point = readRoundCheckpoint(path,
                                     expertCount(),
                                     trainedPolicies(),
                                     options.ppo.advantage == AdvantageEstimator::Gae,
                                     checkpointsKeepOptimizers());
    if (point.objectives != objectiveList())
      throw CheckpointError("checkpoint " + path + " belongs to a task with objectives " +
                            point.objectives);
    try {
      Gpt probe(prior.options());
      loadParameters(*probe, point.rho);
    } catch (const std::exception& e) {
      throw CheckpointError("checkpoint " + path + " cannot be resumed: " + firstLineOf(e));
    }
    return point;
  }

  /// The policy of `weights` (normalised) from a round's experts: CLP's
  /// theta(w), or the run's merge of the experts with weight > 0.
  ParameterSet composeOrMerge(const RoundSnapshot& snapshot,
                              const std::vector<double>& lambda) const
  {
    std::vector<const ParameterSet*> members;
    std::vector<double> memberLambda;
    for (size_t i = 0; i < lambda.size(); ++i) {
      if (clp() || lambda[i] > 0) {
        members.push_back(&snapshot.experts[i]);
        memberLambda.push_back(lambda[i]);
      }
    }
    if (clp())
      return composeParameters(members, memberLambda, clpConditioned);
    return mergeParameters(members, memberLambda, snapshot.base, options.merge);
  }

  Policy policyFrom(const ParameterSet& parameters) const
  {
    auto state = std::make_shared<PolicyState>(prior.options(), prior.tokenizer());
    loadParameters(*state->model, parameters);
    state->model->eval();
    return Policy(std::move(state));
  }

  PolicyEvaluation evaluateModel(GptImpl& model, int64_t count, uint64_t seed) const
  {
    auto generator = makeGenerator(seed);
    return evaluatePolicy(model,
                          *reference.ptr(),
                          prior.tokenizer(),
                          *domain,
                          objectives,
                          count,
                          options.evaluationSampling,
                          options.invalidPenalty,
                          generator,
                          evaluationPrompts,
                          priorJudge.get());
  }

  /// What a PPO step of any of the run's policies needs of the run.
  StepTask stepTask() const
  {
    return StepTask{ .domain = *domain,
                     .objectives = objectives,
                     .reference = *reference.ptr(),
                     .tokenizer = prior.tokenizer(),
                     .ppo = options.ppo,
                     .invalidPenalty = options.invalidPenalty,
                     .prompts = trainPrompts,
                     .priorJudge = priorJudge.get() };
  }

  std::vector<int> drawSubset(std::mt19937_64& rng) const
  {
    std::vector<int> all(expertCount());
    std::iota(all.begin(), all.end(), 0);
    const auto m = options.subsetSize;
    if (singlePolicy() || m <= 0 || m >= int64_t(all.size()))
      return all;
    std::vector<int> chosen;
    std::sample(all.begin(), all.end(), std::back_inserter(chosen), m, rng);
    return chosen;
  }

  /// One PPO step of expert `k`: a rollout, its rewards (objective k's, or
  /// the lambda-weighted sum for a single policy), the update, its report.
  StepReport trainStep(Expert& expert, int k, int64_t step, int64_t round) const
  {
    auto* valueHead = expert.valueHead ? &expert.valueHead : nullptr;
    const auto weights = singlePolicy() ? taskLambda() : std::vector<double>{};
    return policyStep(stepTask(),
                      { *expert.model, *expert.optimizer, expert.generator, valueHead },
                      weights,
                      singlePolicy() ? -1 : k,
                      step,
                      round);
  }

  /// One CLP step: w ~ Dirichlet(alpha), theta(w), a rollout rewarded with
  /// sum_i w_i R_i, and the update of every theta_i and the shared parameters.
  StepReport clpStep(ClpPolicy& policy,
                     std::mt19937_64& weightRng,
                     int64_t step,
                     int64_t round) const
  {
    // A fresh distribution each step: the stream then lives in weightRng
    // alone, which a round checkpoint saves.
    std::gamma_distribution<double> gamma(options.clp.alpha, 1.0);
    const auto w = drawDirichlet(weightRng, gamma, objectives.size());
    policy.compose(w);
    return policyStep(
      stepTask(), { policy.model(), policy.optimizer(), policy.generator() }, w, -1, step, round);
  }

  /// The merge weights of a round: the task's over `subset`, or the best of
  /// the selection's candidates, all scored on the same validation batch.
  std::vector<double> chooseLambda(const RoundSnapshot& snapshot,
                                   const std::vector<int>& subset,
                                   const ParameterSet& base,
                                   int64_t round) const
  {
    std::vector<double> weights;
    std::vector<const ParameterSet*> members;
    for (int i : subset) {
      weights.push_back(objectives[size_t(i)].weight);
      members.push_back(&snapshot.experts[size_t(i)]);
    }
    Gpt candidate(prior.options());
    const auto evaluate = [&](const ParameterSet& parameters) {
      loadParameters(*candidate, parameters);
      candidate->eval();
      return evaluateModel(*candidate,
                           options.merge.selection.batch,
                           mixSeed(options.seed, 0x7a11dULL + uint64_t(round)));
    };
    return selectMergeWeights(members,
                              normalizedWeights(weights),
                              base,
                              options.merge,
                              mixSeed(options.seed, 0x5e1ec7ULL + uint64_t(round)),
                              evaluate);
  }
};

IterativeRsTrainer::IterativeRsTrainer(std::shared_ptr<const Domain> domain,
                                       const Policy& prior,
                                       std::vector<ObjectiveConfig> objectives,
                                       TrainerOptions options)
  : m_impl(std::make_unique<Impl>(prior.clone()))
{
  auto& d = *m_impl;
  d.domain = std::move(domain);
  d.objectives = std::move(objectives);
  d.options = std::move(options);
  if (d.objectives.empty())
    throw std::invalid_argument("trainer: at least one objective is needed");
  for (const auto& objective : d.objectives)
    d.domain->requireObjective(objective.name);
  d.taskLambda(); // validates the weights
  if (d.options.totalSteps < 1)
    throw std::invalid_argument("trainer: total_steps must be at least 1");
  if (d.options.mergePeriod < 0)
    throw std::invalid_argument("trainer: merge_period must be 0 (= T) or positive");
  if (d.options.ppo.batchSize < 2)
    throw std::invalid_argument("trainer: batch_size must be at least 2 (RLOO needs a baseline)");
  if (d.clp() && d.options.ppo.advantage == AdvantageEstimator::Gae)
    throw std::invalid_argument("trainer: CLP trains with RLOO; GAE's critic is not conditioned");
  if (d.clp() && d.options.subsetSize != 0)
    throw std::invalid_argument("trainer: CLP trains one policy: subset_size does not apply");
  if (d.domain->isConditional()) {
    d.trainPrompts = encodePrompts(d.prior.tokenizer(), d.domain->contexts(DataSplit::Train));
    d.evaluationPrompts =
      encodePrompts(d.prior.tokenizer(), d.domain->contexts(DataSplit::Validation));
    if (d.trainPrompts.empty() || d.evaluationPrompts.empty())
      throw std::invalid_argument("trainer: the " + d.domain->name() +
                                  " domain gave no prompt the prior's vocabulary can encode");
  }
  d.reference = d.prior.state().model;
  d.reference->eval();
  d.clpConditioned = clpConditionedMask(*d.reference, d.options.clp.scope);
  d.priorJudge = likelihoodOf(d.prior);
  for (auto& p : d.reference->parameters())
    p.requires_grad_(false);
  auto base = snapshotParameters(*d.reference);
  d.rounds.pin(d.options.pinnedRounds);
  d.rounds.keep(0, RoundSnapshot{ base, std::vector<ParameterSet>(d.expertCount(), base), base });
}

IterativeRsTrainer::~IterativeRsTrainer() = default;

uint64_t
IterativeRsTrainer::expertSeed(uint64_t seed, const std::string& objective)
{
  return mixSeed(seed, fnv1a64(objective));
}

RunResult
IterativeRsTrainer::run(TrainingObserver& observer, std::stop_token stop)
{
  auto& d = *m_impl;
  const auto& options = d.options;
  const auto& ppo = options.ppo;
  const auto started = Clock::now();
  const size_t n = d.objectives.size();
  const int64_t period = options.mergePeriod == 0 ? options.totalSteps : options.mergePeriod;

  RunResult result;
  ParameterSet rho = snapshotParameters(*d.reference);
  Gpt mergedModel(d.prior.options());
  loadParameters(*mergedModel, rho);
  mergedModel->eval();
  auto evaluationSeed = [&](int64_t round) {
    return mixSeed(options.seed, 0xe7a1ULL + uint64_t(round));
  };

  MergeReport initial;
  initial.lambda = d.taskLambda();
  initial.subset.resize(n);
  std::iota(initial.subset.begin(), initial.subset.end(), 0);
  const auto resume = std::exchange(d.resume, std::nullopt);
  if (d.ranks)
    requireSameRun(*d.ranks, d.runDescription(resume ? resume->round : 0));
  if (d.root())
    initial.evaluation = d.evaluateModel(*mergedModel, options.evaluationBatch, evaluationSeed(0));
  initial.seconds = secondsSince(started);
  result.initial = initial.evaluation;
  result.final = initial.evaluation;
  if (!resume && d.root())
    observer.onMerge(initial); // a resumed run reported the prior already

  std::vector<Expert> experts; // IterativeRS and MORLHF
  std::optional<ClpPolicy> clp;
  if (d.clp())
    clp.emplace(d.prior.options(), rho, n, options.clp.scope, ppo, d.onePolicySeed());
  else
    for (size_t k = 0; k < d.expertCount(); ++k)
      experts.push_back(makeExpert(d.prior.options(), rho, ppo, d.seedOfExpert(k)));

  std::mt19937_64 subsetRng(mixSeed(options.seed, 0x5b5e7ULL));
  auto subset = d.drawSubset(subsetRng);
  int64_t round = 1;
  int64_t stepsInRound = 0;
  int64_t firstStep = 1;

  if (resume) {
    rho = resume->rho;
    loadParameters(*mergedModel, rho);
    if (clp)
      clp->restore(resume->experts, resume->optimizerStates.at(0), resume->generatorStates.at(0));
    else
      restoreExperts(experts, *resume, ppo);
    std::istringstream rngState(resume->subsetRngState);
    rngState >> subsetRng;
    subset = resume->nextSubset;
    round = resume->round + 1;
    firstStep = resume->step + 1;
    result.stepsDone = resume->step;
    result.rounds = resume->round;
    d.rounds.keep(resume->round, RoundSnapshot{ resume->base, resume->experts, resume->rho });
    if (d.root())
      result.final =
        d.evaluateModel(*mergedModel, options.evaluationBatch, evaluationSeed(resume->round));
  }
  // Another rank's step reports reach rank 0 at the merge that ends their round.
  std::vector<StepReport> unsentReports;

  for (int64_t step = firstStep; step <= options.totalSteps; ++step) {
    if (clp) {
      // CLP's w draws use the subset generator, which it has no other use for.
      result.cancelled = stop.stop_requested();
      if (!result.cancelled)
        observer.onStep(d.clpStep(*clp, subsetRng, step, round));
    }
    for (int k : clp ? std::vector<int>{} : subset) {
      if (!d.trainsHere(k))
        continue;
      if (stop.stop_requested()) {
        result.cancelled = true;
        break;
      }
      auto report = d.trainStep(experts[size_t(k)], k, step, round);
      if (d.root())
        observer.onStep(report);
      else
        unsentReports.push_back(std::move(report));
    }
    if (result.cancelled)
      break;
    result.stepsDone = step;
    ++stepsInRound;

    // How far the experts drifted: recorded at every merge, and what adaptive m acts on.
    const auto probe = [&] {
      return klDivergence(*mergedModel,
                          experts,
                          subset,
                          d.evaluationPrompts,
                          options.adaptive.probeBatch,
                          ppo.sampling,
                          mixSeed(options.seed, 0x9b0beULL + uint64_t(round)));
    };
    bool mergeNow = stepsInRound >= period || step == options.totalSteps;
    std::optional<double> kl;
    const bool hasExperts = !d.singlePolicy() && !clp;
    if (hasExperts && options.adaptive.enabled) { // never on ranks: see distributeOver
      if (options.adaptive.measure == DivergenceMeasure::Kl)
        kl = probe();
      const double measure = options.adaptive.measure == DivergenceMeasure::Kl
                               ? *kl
                               : parameterDivergence(experts, subset, rho);
      mergeNow = mergeNow || measure >= options.adaptive.threshold;
    }
    if (!mergeNow)
      continue;

    if (d.ranks) {
      // From here on every rank holds every expert of the round, as one process would.
      exchangeExperts(*d.ranks, experts, subset, d.checkpointsKeepOptimizers());
      for (const auto& report : gatherStepReports(*d.ranks, std::exchange(unsentReports, {})))
        observer.onStep(report); // rank 0 alone receives any
    }
    double parameterDistance = 0.0;
    if (hasExperts) {
      parameterDistance = parameterDivergence(experts, subset, rho);
      if (!kl && d.root())
        kl = probe();
    }

    RoundSnapshot snapshot;
    snapshot.base = rho;
    for (auto& expert : experts)
      snapshot.experts.push_back(snapshotParameters(*expert.model));
    std::vector<double> lambda{ 1.0 };
    if (clp) {
      // Nothing is merged: the round's output is theta(lambda) of the task's weights.
      snapshot.experts = clp->objectiveParameters();
      lambda = d.taskLambda();
      rho = d.composeOrMerge(snapshot, lambda);
    } else if (d.singlePolicy()) {
      rho = snapshot.experts.front(); // nothing to merge: the policy is the output
    } else {
      if (d.root())
        lambda = d.chooseLambda(snapshot, subset, rho, round);
      if (d.ranks)
        lambda = broadcastFromRoot(*d.ranks, lambda);
      std::vector<const ParameterSet*> members;
      for (int i : subset)
        members.push_back(&snapshot.experts[size_t(i)]);
      rho = mergeParameters(members, lambda, rho, options.merge);
    }
    snapshot.merged = rho;
    // The next round's subset is drawn now, so that a checkpoint of this round holds it.
    auto nextSubset = d.drawSubset(subsetRng);
    if (d.ranks) // rank 0's draw rules
      nextSubset = broadcastFromRoot(*d.ranks, nextSubset);
    loadParameters(*mergedModel, rho);
    if (!clp)
      restartExperts(experts, rho, subset, lambda, options.optimizerAtMerge, ppo);
    const auto saveTrainingState = [&](RoundCheckpoint& checkpoint) {
      if (!clp) {
        saveExperts(experts, d.checkpointsKeepOptimizers(), checkpoint);
        return;
      }
      checkpoint.generatorStates.push_back(clp->generator().get_state());
      checkpoint.optimizerStates.push_back(clp->optimizerState());
    };
    std::pair<std::string, std::string> checkpoint;
    if (!options.checkpointDirectory.empty() && d.root())
      checkpoint =
        d.writeCheckpoint(round, step, rho, snapshot, saveTrainingState, subsetRng, nextSubset);
    d.rounds.keep(round, std::move(snapshot));
    result.rounds = round;
    ++round;
    stepsInRound = 0;
    const auto mergedSubset = std::exchange(subset, nextSubset);
    if (!d.root())
      continue;

    MergeReport report;
    report.round = result.rounds;
    report.step = step;
    if (d.singlePolicy()) {
      report.lambda = d.taskLambda();
      report.subset = initial.subset;
    } else {
      report.lambda.assign(n, 0.0);
      for (size_t k = 0; k < mergedSubset.size(); ++k)
        report.lambda[size_t(mergedSubset[k])] = lambda[k];
      report.subset = mergedSubset;
    }
    report.divergence = parameterDistance;
    report.klDivergence = kl.value_or(0.0);
    report.evaluation =
      d.evaluateModel(*mergedModel, options.evaluationBatch, evaluationSeed(result.rounds));
    report.seconds = secondsSince(started);
    report.checkpoint = checkpoint.first;
    report.checkpointSha256 = checkpoint.second;
    result.final = report.evaluation;
    observer.onMerge(report);
  }
  return result;
}

void
IterativeRsTrainer::resumeFrom(const std::string& checkpoint)
{
  auto& d = *m_impl;
  auto point = d.readCheckpoint(checkpoint);
  // The round's experts can be re-merged at once, before any further training.
  d.rounds.keep(point.round, RoundSnapshot{ point.base, point.experts, point.rho });
  d.resume = std::move(point);
}

void
IterativeRsTrainer::distributeOver(std::shared_ptr<RankGroup> ranks)
{
  auto& d = *m_impl;
  if (d.singlePolicy() || d.clp())
    Trainer::distributeOver(ranks); // one policy: refused
  if (d.options.adaptive.enabled)
    throw std::invalid_argument("adaptive m measures every expert at every step, so it does not "
                                "train on several ranks: set training.adaptive.enabled=false");
  if (size_t(ranks->size()) > d.expertCount())
    throw std::invalid_argument(std::to_string(ranks->size()) + " ranks for " +
                                std::to_string(d.expertCount()) +
                                " experts: each rank trains at least one expert");
  d.ranks = std::move(ranks);
}

int64_t
IterativeRsTrainer::loadRound(const std::string& checkpoint)
{
  auto& d = *m_impl;
  const auto point = d.readCheckpoint(checkpoint);
  d.rounds.load(point.round, RoundSnapshot{ point.base, point.experts, point.rho });
  return point.round;
}

int64_t
IterativeRsTrainer::latestRound() const
{
  return m_impl->rounds.latest();
}

std::vector<int64_t>
IterativeRsTrainer::retainedRounds() const
{
  return m_impl->rounds.rounds();
}

Policy
IterativeRsTrainer::mergedPolicy(int64_t round) const
{
  const auto& d = *m_impl;
  return d.rounds.with(
    round, [&](const RoundSnapshot& snapshot) { return d.policyFrom(snapshot.merged); });
}

std::vector<Policy>
IterativeRsTrainer::expertPolicies(int64_t round) const
{
  const auto& d = *m_impl;
  return d.rounds.with(round, [&](const RoundSnapshot& snapshot) {
    std::vector<Policy> policies;
    for (const auto& parameters : snapshot.experts)
      policies.push_back(d.policyFrom(parameters));
    return policies;
  });
}

Policy
IterativeRsTrainer::remerge(const std::vector<double>& weights, int64_t round) const
{
  if (m_impl->singlePolicy())
    throw std::invalid_argument("MORLHF trains one policy for the task's weights: there are no "
                                "experts to re-merge. Train IterativeRS or RS to steer.");
  if (weights.size() != m_impl->objectives.size())
    throw std::invalid_argument("remerge: expected " + std::to_string(m_impl->objectives.size()) +
                                " weights, got " + std::to_string(weights.size()));
  const auto lambda = normalizedWeights(weights);
  const auto& d = *m_impl;
  return d.rounds.with(round, [&](const RoundSnapshot& snapshot) {
    return d.policyFrom(d.composeOrMerge(snapshot, lambda));
  });
}

PolicyEvaluation
IterativeRsTrainer::evaluate(const Policy& policy, int64_t count, uint64_t seed) const
{
  return m_impl->evaluateModel(*policy.state().model, count, seed);
}

const std::vector<ObjectiveConfig>&
IterativeRsTrainer::objectives() const
{
  return m_impl->objectives;
}

const TrainerOptions&
IterativeRsTrainer::options() const
{
  return m_impl->options;
}

} // namespace paretolab::engine
