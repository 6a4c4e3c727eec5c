// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/iterativerstrainer.h"

#include "core/atomicfile.h"
#include "core/sha256.h"
#include "metrics/pareto.h"
#include "model/checkpoint.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"
#include "train/evaluation.h"
#include "train/merge.h"
#include "train/ppo.h"
#include "train/roundcheckpoint.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
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

double
secondsSince(Clock::time_point start)
{
  return std::chrono::duration<double>(Clock::now() - start).count();
}

uint64_t
mix(uint64_t seed, uint64_t salt)
{
  // splitmix64 finaliser: nearby seeds give unrelated streams.
  uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (salt + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

struct Expert
{
  Gpt model{ nullptr };
  torch::nn::Linear valueHead{ nullptr }; ///< GAE only; each expert keeps its own critic
  std::unique_ptr<torch::optim::Optimizer> optimizer;
  at::Generator generator;

  std::vector<torch::Tensor> trainableParameters() const
  {
    auto parameters = model->parameters();
    if (valueHead)
      for (const auto& p : valueHead->parameters())
        parameters.push_back(p);
    return parameters;
  }
};

/// What stays in memory of one merge round, for re-merging.
struct RoundSnapshot
{
  ParameterSet base;                 ///< the policy the round started from
  std::vector<ParameterSet> experts; ///< every objective's expert before the merge
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
  std::vector<ObjectiveConfig> objectives;
  TrainerOptions options;

  PromptSet trainPrompts;      ///< empty when the domain is unconditional
  PromptSet evaluationPrompts; ///< the validation split's

  mutable std::mutex mutex; // guards rounds and latestRound
  std::map<int64_t, RoundSnapshot> rounds;
  std::set<int64_t> loaded; ///< rounds loaded from checkpoints for re-merging
  int64_t latestRound = 0;
  std::optional<RoundCheckpoint> resume;

  std::string objectiveList() const
  {
    std::string names;
    for (const auto& objective : objectives)
      names += objective.name + ",";
    return names;
  }

  /// Writes the state after merge `round`; returns its path and sha256.
  std::pair<std::string, std::string> writeCheckpoint(int64_t round,
                                                      int64_t step,
                                                      const ParameterSet& rho,
                                                      const RoundSnapshot& snapshot,
                                                      std::vector<Expert>& experts,
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
    for (auto& expert : experts) {
      checkpoint.generatorStates.push_back(expert.generator.get_state());
      if (expert.valueHead)
        checkpoint.valueHeads.push_back(snapshotParameters(*expert.valueHead));
      if (!options.resetOptimizerAtMerge) {
        std::ostringstream state;
        torch::save(*expert.optimizer, state);
        checkpoint.optimizerStates.push_back(state.str());
      }
    }
    std::ostringstream rngState;
    rngState << subsetRng;
    checkpoint.subsetRngState = rngState.str();
    return writeRoundCheckpoint(options.checkpointDirectory, checkpoint, options.keepCheckpoints);
  }

  Policy policyFrom(const ParameterSet& parameters) const
  {
    auto state = std::make_shared<PolicyState>(prior.options(), prior.tokenizer());
    loadParameters(*state->model, parameters);
    state->model->eval();
    return Policy(std::move(state));
  }

  const RoundSnapshot& snapshot(int64_t round) const
  {
    auto found = rounds.find(round < 0 ? latestRound : round);
    if (found == rounds.end())
      throw std::out_of_range("merge round " + std::to_string(round) + " is not in memory");
    return found->second;
  }

  void keepSnapshot(int64_t round, RoundSnapshot snapshot)
  {
    std::lock_guard lock(mutex);
    rounds[round] = std::move(snapshot);
    latestRound = round;
    for (auto it = rounds.begin(); it != rounds.end();) {
      const bool keep = it->first == round || it->first == 0 ||
                        options.pinnedRounds.count(it->first) > 0 || loaded.count(it->first) > 0;
      it = keep ? std::next(it) : rounds.erase(it);
    }
  }

  /// Reads a round checkpoint of this task, checking that it fits the prior.
  RoundCheckpoint readCheckpoint(const std::string& path) const
  {
    auto point = readRoundCheckpoint(path,
                                     objectives.size(),
                                     options.ppo.advantage == AdvantageEstimator::Gae,
                                     !options.resetOptimizerAtMerge);
    if (point.objectives != objectiveList())
      throw CheckpointError("checkpoint " + path + " belongs to a task with objectives " +
                            point.objectives);
    try {
      Gpt probe(prior.options());
      loadParameters(*probe, point.rho);
    } catch (const std::exception& e) {
      std::string message = e.what();
      throw CheckpointError("checkpoint " + path +
                            " cannot be resumed: " + message.substr(0, message.find('\n')));
    }
    return point;
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
                          options.ppo.sampling,
                          options.invalidPenalty,
                          generator,
                          evaluationPrompts);
  }

  /// The prompts of one rollout: batch / samplesPerPrompt contexts drawn with
  /// the expert's generator (so a resumed run draws the same), each repeated.
  std::pair<std::vector<std::vector<int64_t>>, std::vector<int64_t>> rolloutPrompts(
    at::Generator& generator,
    std::vector<SampleContext>& contexts) const
  {
    std::vector<std::vector<int64_t>> prompts;
    std::vector<int64_t> groups;
    contexts.clear();
    if (trainPrompts.empty())
      return { prompts, groups };
    const auto batch = options.ppo.batchSize;
    const auto perPrompt = std::clamp<int64_t>(options.ppo.samplesPerPrompt, 1, batch);
    const auto count = (batch + perPrompt - 1) / perPrompt;
    auto drawn =
      torch::randint(int64_t(trainPrompts.contexts.size()), { count }, generator, torch::kLong);
    for (int64_t i = 0; i < batch; ++i) {
      const auto group = i / perPrompt;
      const auto index = size_t(drawn[group].item<int64_t>());
      prompts.push_back(trainPrompts.prompts[index]);
      contexts.push_back(trainPrompts.contexts[index]);
      groups.push_back(group);
    }
    return { prompts, groups };
  }

  std::vector<int> drawSubset(std::mt19937_64& rng) const
  {
    std::vector<int> all(objectives.size());
    std::iota(all.begin(), all.end(), 0);
    const auto m = options.subsetSize;
    if (m <= 0 || m >= int64_t(all.size()))
      return all;
    std::vector<int> chosen;
    std::sample(all.begin(), all.end(), std::back_inserter(chosen), m, rng);
    return chosen;
  }

  double divergence(const std::vector<Expert>& experts,
                    const std::vector<int>& subset,
                    GptImpl& mergedModel,
                    const ParameterSet& base,
                    int64_t round) const
  {
    double largest = 0.0;
    if (options.adaptive.measure == DivergenceMeasure::Parameters) {
      for (int i : subset)
        largest = std::max(largest, relativeDistance(snapshotParameters(*experts[i].model), base));
      return largest;
    }
    // KL(pi_rho || pi_theta_i) per token on a probe batch drawn from rho.
    torch::NoGradGuard noGrad;
    auto generator = makeGenerator(mix(options.seed, 0x9b0beULL + uint64_t(round)));
    const auto drawn = evaluationPrompts.cycled(options.adaptive.probeBatch);
    auto probe = sampleSequences(
      mergedModel, options.adaptive.probeBatch, options.ppo.sampling, generator, drawn.prompts);
    const auto temperature = options.ppo.sampling.temperature;
    auto rho = tokenStatistics(mergedModel, probe.tokens, temperature).logProbs;
    const auto& mask = probe.actionMask;
    for (int i : subset) {
      auto theta = tokenStatistics(*experts[i].model.ptr(), probe.tokens, temperature).logProbs;
      auto kl = sequenceKl(rho, theta, mask).sum() / mask.sum().clamp_min(1.0);
      largest = std::max(largest, kl.item<double>());
    }
    return largest;
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
  std::vector<double> weights;
  for (const auto& objective : d.objectives)
    weights.push_back(objective.weight);
  normalizedWeights(weights); // validates
  if (d.options.totalSteps < 1)
    throw std::invalid_argument("trainer: total_steps must be at least 1");
  if (d.options.mergePeriod < 0)
    throw std::invalid_argument("trainer: merge_period must be 0 (= T) or positive");
  if (d.options.ppo.batchSize < 2)
    throw std::invalid_argument("trainer: batch_size must be at least 2 (RLOO needs a baseline)");
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
  for (auto& p : d.reference->parameters())
    p.requires_grad_(false);
  auto base = snapshotParameters(*d.reference);
  d.rounds[0] = RoundSnapshot{ base, std::vector<ParameterSet>(d.objectives.size(), base), base };
}

IterativeRsTrainer::~IterativeRsTrainer() = default;

uint64_t
IterativeRsTrainer::expertSeed(uint64_t seed, const std::string& objective)
{
  return mix(seed, fnv1a64(objective));
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
  const bool gae = ppo.advantage == AdvantageEstimator::Gae;

  RunResult result;
  ParameterSet rho = snapshotParameters(*d.reference);
  Gpt mergedModel(d.prior.options());
  loadParameters(*mergedModel, rho);
  mergedModel->eval();

  std::vector<double> allWeights;
  for (const auto& objective : d.objectives)
    allWeights.push_back(objective.weight);
  auto evaluationSeed = [&](int64_t round) {
    return mix(options.seed, 0xe7a1ULL + uint64_t(round));
  };

  MergeReport initial;
  initial.lambda = normalizedWeights(allWeights);
  initial.subset.resize(n);
  std::iota(initial.subset.begin(), initial.subset.end(), 0);
  initial.evaluation = d.evaluateModel(*mergedModel, options.evaluationBatch, evaluationSeed(0));
  initial.seconds = secondsSince(started);
  result.initial = initial.evaluation;
  result.final = initial.evaluation;
  const auto resume = std::exchange(d.resume, std::nullopt);
  if (!resume)
    observer.onMerge(initial); // a resumed run reported the prior already

  std::vector<Expert> experts(n);
  for (size_t i = 0; i < n; ++i) {
    auto& expert = experts[i];
    expert.model = Gpt(d.prior.options());
    loadParameters(*expert.model, rho);
    if (gae) {
      expert.valueHead = torch::nn::Linear(d.prior.options().embedDim, 1);
      torch::NoGradGuard noGrad;
      for (auto& p : expert.valueHead->parameters())
        p.zero_(); // deterministic and unbiased: the critic starts at 0
    }
    expert.optimizer = makeOptimizer(expert.trainableParameters(), ppo);
    expert.generator = makeGenerator(expertSeed(options.seed, d.objectives[i].name));
  }

  std::mt19937_64 subsetRng(mix(options.seed, 0x5b5e7ULL));
  auto subset = d.drawSubset(subsetRng);
  int64_t round = 1;
  int64_t stepsInRound = 0;
  int64_t firstStep = 1;

  if (resume) {
    rho = resume->rho;
    loadParameters(*mergedModel, rho);
    for (size_t k = 0; k < n; ++k) {
      auto& expert = experts[k];
      loadParameters(*expert.model, rho);
      expert.generator.set_state(resume->generatorStates[k]);
      if (gae)
        loadParameters(*expert.valueHead, resume->valueHeads[k]);
      expert.optimizer = makeOptimizer(expert.trainableParameters(), ppo);
      if (!resume->optimizerStates.empty()) {
        std::istringstream state(resume->optimizerStates[k]);
        torch::load(*expert.optimizer, state);
      }
    }
    std::istringstream rngState(resume->subsetRngState);
    rngState >> subsetRng;
    subset = resume->nextSubset;
    round = resume->round + 1;
    firstStep = resume->step + 1;
    result.stepsDone = resume->step;
    result.rounds = resume->round;
    d.keepSnapshot(resume->round, RoundSnapshot{ resume->base, resume->experts, resume->rho });
    result.final =
      d.evaluateModel(*mergedModel, options.evaluationBatch, evaluationSeed(resume->round));
  }

  for (int64_t step = firstStep; step <= options.totalSteps; ++step) {
    for (int i : subset) {
      if (stop.stop_requested()) {
        result.cancelled = true;
        break;
      }
      const auto stepStarted = Clock::now();
      auto& expert = experts[i];
      auto* valueHead = gae ? &expert.valueHead : nullptr;
      std::vector<SampleContext> contexts;
      const auto [prompts, groups] = d.rolloutPrompts(expert.generator, contexts);
      auto rollout =
        collectRollout(*expert.model, *d.reference, ppo, expert.generator, prompts, groups);
      const auto texts = decodeBatch(d.prior.tokenizer(), rollout.sequences);
      auto scored = scoreTexts(*d.domain, d.objectives, texts, options.invalidPenalty, contexts);
      std::vector<float> rewards;
      for (const auto& row : scored.transformed)
        rewards.push_back(float(row[i]));
      assignAdvantages(rollout, torch::tensor(rewards), ppo, valueHead);
      auto update =
        ppoUpdate(*expert.model, *expert.optimizer, rollout, ppo, expert.generator, valueHead);

      StepReport report;
      report.step = step;
      report.round = round;
      report.expert = i;
      report.rawMeans = scored.rawMeans;
      report.transformedMeans = scored.transformedMeans;
      report.averageReward = scored.averageReward;
      report.icv = scored.icv;
      report.objectiveBalance = scored.objectiveBalance;
      report.klToPrior = rollout.klPerSequence.mean().item<double>();
      const auto& mask = rollout.sequences.actionMask;
      report.entropy =
        (rollout.entropy.masked_fill(mask == 0, 0.0).sum() / mask.sum().clamp_min(1.0))
          .item<double>();
      report.clipFraction = update.clipFraction;
      report.domainMetrics = d.domain->metrics(texts);
      report.seconds = secondsSince(stepStarted);
      observer.onStep(report);
    }
    if (result.cancelled)
      break;
    result.stepsDone = step;
    ++stepsInRound;

    bool mergeNow = stepsInRound >= period || step == options.totalSteps;
    double divergence = 0.0;
    if (options.adaptive.enabled) {
      divergence = d.divergence(experts, subset, *mergedModel, rho, round);
      mergeNow = mergeNow || divergence >= options.adaptive.threshold;
    }
    if (!mergeNow)
      continue;

    RoundSnapshot snapshot;
    snapshot.base = rho;
    for (auto& expert : experts)
      snapshot.experts.push_back(snapshotParameters(*expert.model));
    std::vector<const ParameterSet*> members;
    std::vector<double> subsetWeights;
    for (int i : subset) {
      members.push_back(&snapshot.experts[i]);
      subsetWeights.push_back(d.objectives[i].weight);
    }
    const auto lambda = normalizedWeights(subsetWeights);
    rho = mergeParameters(members, lambda, rho, options.merge);
    snapshot.merged = rho;
    // The next round's subset is drawn now, so that a checkpoint of this round holds it.
    const auto nextSubset = d.drawSubset(subsetRng);
    loadParameters(*mergedModel, rho);
    for (auto& expert : experts) {
      loadParameters(*expert.model, rho);
      if (options.resetOptimizerAtMerge)
        expert.optimizer = makeOptimizer(expert.trainableParameters(), ppo);
    }
    std::pair<std::string, std::string> checkpoint;
    if (!options.checkpointDirectory.empty())
      checkpoint = d.writeCheckpoint(round, step, rho, snapshot, experts, subsetRng, nextSubset);
    d.keepSnapshot(round, std::move(snapshot));

    MergeReport report;
    report.round = round;
    report.step = step;
    report.lambda.assign(n, 0.0);
    for (size_t k = 0; k < subset.size(); ++k)
      report.lambda[subset[k]] = lambda[k];
    report.subset = subset;
    report.divergence = divergence;
    report.evaluation =
      d.evaluateModel(*mergedModel, options.evaluationBatch, evaluationSeed(round));
    report.seconds = secondsSince(started);
    report.checkpoint = checkpoint.first;
    report.checkpointSha256 = checkpoint.second;
    result.final = report.evaluation;
    result.rounds = round;
    observer.onMerge(report);

    ++round;
    stepsInRound = 0;
    subset = nextSubset;
  }
  return result;
}

void
IterativeRsTrainer::resumeFrom(const std::string& checkpoint)
{
  auto& d = *m_impl;
  auto point = d.readCheckpoint(checkpoint);
  // The round's experts can be re-merged at once, before any further training.
  d.keepSnapshot(point.round, RoundSnapshot{ point.base, point.experts, point.rho });
  d.resume = std::move(point);
}

int64_t
IterativeRsTrainer::loadRound(const std::string& checkpoint)
{
  auto& d = *m_impl;
  const auto point = d.readCheckpoint(checkpoint);
  std::lock_guard lock(d.mutex);
  d.loaded.insert(point.round);
  d.rounds[point.round] = RoundSnapshot{ point.base, point.experts, point.rho };
  return point.round;
}

int64_t
IterativeRsTrainer::latestRound() const
{
  std::lock_guard lock(m_impl->mutex);
  return m_impl->latestRound;
}

std::vector<int64_t>
IterativeRsTrainer::retainedRounds() const
{
  std::lock_guard lock(m_impl->mutex);
  std::vector<int64_t> rounds;
  for (const auto& [round, snapshot] : m_impl->rounds)
    rounds.push_back(round);
  return rounds;
}

Policy
IterativeRsTrainer::mergedPolicy(int64_t round) const
{
  std::lock_guard lock(m_impl->mutex);
  return m_impl->policyFrom(m_impl->snapshot(round).merged);
}

std::vector<Policy>
IterativeRsTrainer::expertPolicies(int64_t round) const
{
  std::lock_guard lock(m_impl->mutex);
  std::vector<Policy> policies;
  for (const auto& parameters : m_impl->snapshot(round).experts)
    policies.push_back(m_impl->policyFrom(parameters));
  return policies;
}

Policy
IterativeRsTrainer::remerge(const std::vector<double>& weights, int64_t round) const
{
  if (weights.size() != m_impl->objectives.size())
    throw std::invalid_argument("remerge: expected " + std::to_string(m_impl->objectives.size()) +
                                " weights, got " + std::to_string(weights.size()));
  const auto lambda = normalizedWeights(weights);
  std::lock_guard lock(m_impl->mutex);
  const auto& snapshot = m_impl->snapshot(round);
  std::vector<const ParameterSet*> members;
  std::vector<double> memberLambda;
  for (size_t i = 0; i < lambda.size(); ++i) {
    if (lambda[i] > 0) {
      members.push_back(&snapshot.experts[i]);
      memberLambda.push_back(lambda[i]);
    }
  }
  return m_impl->policyFrom(
    mergeParameters(members, memberLambda, snapshot.base, m_impl->options.merge));
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
