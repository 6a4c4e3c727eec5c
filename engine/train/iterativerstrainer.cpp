// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/iterativerstrainer.h"

#include "core/atomicfile.h"
#include "metrics/pareto.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"
#include "train/evaluation.h"
#include "train/merge.h"
#include "train/ppo.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <numeric>
#include <random>
#include <stdexcept>

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

  mutable std::mutex mutex; // guards rounds and latestRound
  std::map<int64_t, RoundSnapshot> rounds;
  int64_t latestRound = 0;

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
      const bool keep =
        it->first == round || it->first == 0 || options.pinnedRounds.count(it->first) > 0;
      it = keep ? std::next(it) : rounds.erase(it);
    }
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
                          generator);
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
    auto probe =
      sampleSequences(mergedModel, options.adaptive.probeBatch, options.ppo.sampling, generator);
    const auto temperature = options.ppo.sampling.temperature;
    auto rho = tokenStatistics(mergedModel, probe.tokens, temperature).logProbs;
    const auto& mask = probe.actionMask;
    for (int i : subset) {
      auto theta = tokenStatistics(*experts[i].model.ptr(), probe.tokens, temperature).logProbs;
      auto kl = ((rho - theta) * mask).sum() / mask.sum().clamp_min(1.0);
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
  observer.onMerge(initial);

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

  for (int64_t step = 1; step <= options.totalSteps; ++step) {
    for (int i : subset) {
      if (stop.stop_requested()) {
        result.cancelled = true;
        break;
      }
      const auto stepStarted = Clock::now();
      auto& expert = experts[i];
      auto* valueHead = gae ? &expert.valueHead : nullptr;
      auto rollout = collectRollout(*expert.model, *d.reference, ppo, expert.generator);
      const auto texts = decodeBatch(d.prior.tokenizer(), rollout.sequences.tokens);
      auto scored = scoreTexts(*d.domain, d.objectives, texts, options.invalidPenalty);
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
      report.averageReward =
        std::accumulate(scored.transformedMeans.begin(), scored.transformedMeans.end(), 0.0) /
        double(n);
      report.icv = inverseCoefficientOfVariation(scored.transformedMeans);
      report.klToPrior = rollout.klPerSequence.mean().item<double>();
      const auto& mask = rollout.sequences.actionMask;
      report.entropy = ((rollout.entropy * mask).sum() / mask.sum()).item<double>();
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
    d.keepSnapshot(round, std::move(snapshot));

    loadParameters(*mergedModel, rho);
    for (auto& expert : experts) {
      loadParameters(*expert.model, rho);
      if (options.resetOptimizerAtMerge)
        expert.optimizer = makeOptimizer(expert.trainableParameters(), ppo);
    }

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
    result.final = report.evaluation;
    result.rounds = round;
    observer.onMerge(report);

    ++round;
    stepsInRound = 0;
    subset = d.drawSubset(subsetRng);
  }
  return result;
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
