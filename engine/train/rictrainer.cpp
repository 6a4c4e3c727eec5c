// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/rictrainer.h"

#include "core/atomicfile.h"
#include "core/errormessage.h"
#include "core/stopwatch.h"
#include "core/torcharchive.h"
#include "model/checkpoint.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"
#include "train/evaluation.h"
#include "train/merge.h"
#include "train/retainedrounds.h"
#include "train/ricdata.h"
#include "train/ricprompts.h"
#include "train/roundcheckpoint.h"
#include "train/seeds.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine {

namespace {

using Clock = std::chrono::steady_clock;

/// What stays in memory of one round, for prompting it with any weights.
struct RoundState
{
  ParameterSet parameters;
  std::vector<int64_t> lowest; ///< per objective: the levels seen in the data so far
  std::vector<int64_t> highest;
};

/// The prior with a row for every reward token: the prior's rows are kept,
/// the new ones drawn from a fixed seed at the spread of the trained rows
/// (GPT-2's 0.02 would leave them too faint for attention to pick out).
ParameterSet
extendedPrior(const Policy& prior, const GptOptions& extended)
{
  Gpt model(extended);
  auto parameters = snapshotParameters(*model);
  const auto priorParameters = snapshotParameters(*prior.state().model);
  auto generator = makeGenerator(0x51cULL);
  for (size_t i = 0; i < parameters.size(); ++i) {
    const auto& old = priorParameters[i];
    if (old.sizes() == parameters[i].sizes()) {
      parameters[i] = old.clone();
      continue;
    }
    // Only the vocabulary's rows differ: the token embedding (and an untied head).
    auto grown = torch::randn(parameters[i].sizes(), generator) * old.std().item<double>();
    grown.narrow(0, 0, old.size(0)).copy_(old);
    parameters[i] = grown;
  }
  return parameters;
}

} // namespace

struct RicTrainer::Impl
{
  explicit Impl(Policy prior)
    : prior(std::move(prior))
  {
  }

  std::shared_ptr<const Domain> domain;
  Policy prior;
  std::vector<ObjectiveConfig> objectives;
  TrainerOptions options;
  std::optional<Tokenizer> tokenizer; ///< the prior's, with the reward tokens
  GptOptions modelOptions;
  Gpt reference{ nullptr }; ///< the extended prior: the KL's reference, which reads the prompt too
  std::shared_ptr<const TextLikelihood> judge; ///< the prior itself, for fluency
  std::optional<RicData> data;
  bool corpusScored = false;
  /// Conditional domains only: what online rounds answer, and what evaluation answers.
  std::vector<SampleContext> trainContexts, evaluationContexts;

  RetainedRounds<RoundState> rounds;
  std::optional<RoundCheckpoint> resume;

  size_t count() const { return objectives.size(); }
  int64_t offlineSteps() const
  {
    const auto steps = options.ric.offlineSteps > 0 ? options.ric.offlineSteps
                                                    : std::max<int64_t>(1, options.totalSteps / 2);
    return std::min(steps, options.totalSteps);
  }
  /// Whether `step` closes a round: the offline stage, then every m steps.
  bool closesRound(int64_t step) const
  {
    const auto offline = offlineSteps();
    if (step == offline || step == options.totalSteps)
      return true;
    return step > offline && options.mergePeriod > 0 && (step - offline) % options.mergePeriod == 0;
  }

  std::vector<double> taskLambda() const
  {
    std::vector<double> weights;
    for (const auto& objective : objectives)
      weights.push_back(objective.weight);
    return normalizedWeights(weights);
  }

  std::string objectiveList() const
  {
    std::string names = "ric:";
    for (const auto& objective : objectives)
      names += objective.name + ",";
    return names;
  }

  /// The reward tokens that `weights` ask for, in the level range [lowest, highest].
  static std::string conditioningFor(const std::vector<double>& weights,
                                     const std::vector<int64_t>& lowest,
                                     const std::vector<int64_t>& highest)
  {
    return rewardPrompt(preferenceToLevels(weights, lowest, highest));
  }

  RoundCheckpoint readCheckpoint(const std::string& path)
  {
    auto point = readRoundCheckpoint(path, 1, 1, false, true);
    if (point.objectives != objectiveList())
      throw CheckpointError("checkpoint " + path + " belongs to a task with objectives " +
                            point.objectives);
    try {
      Gpt probe(modelOptions);
      loadParameters(*probe, point.rho);
    } catch (const std::exception& e) {
      throw CheckpointError("checkpoint " + path + " cannot be resumed: " + firstLineOf(e));
    }
    return point;
  }

  Policy policyOf(const RoundState& state, const std::vector<double>& weights) const
  {
    auto model = std::make_shared<PolicyState>(modelOptions, *tokenizer);
    loadParameters(*model->model, state.parameters);
    model->model->eval();
    return Policy(std::move(model))
      .withConditioning(conditioningFor(weights, state.lowest, state.highest));
  }

  /// The model's samples for `conditioning`: after each evaluation context's
  /// prompt in a conditional domain, alone otherwise.
  PolicyEvaluation evaluateModel(GptImpl& model,
                                 const std::string& conditioning,
                                 int64_t count,
                                 uint64_t seed) const
  {
    PromptSet prompts;
    if (domain->isConditional()) {
      for (const auto& context : evaluationContexts) {
        prompts.contexts.push_back(context);
        prompts.prompts.push_back(data->encodePrompt(context, conditioning));
      }
    } else {
      prompts.contexts.push_back(
        SampleContext{ .id = "rewards " + conditioning, .prompt = conditioning });
      prompts.prompts.push_back(tokenizer->encodePrompt(conditioning));
    }
    auto generator = makeGenerator(seed);
    return evaluatePolicy(model,
                          *reference.ptr(),
                          *tokenizer,
                          *domain,
                          objectives,
                          count,
                          options.evaluationSampling,
                          options.invalidPenalty,
                          generator,
                          prompts,
                          judge.get());
  }

  /// One fine-tuning step on a batch drawn from the corpus and, once there
  /// are any, the kept online samples.
  StepReport fitStep(GptImpl& model,
                     torch::optim::Optimizer& optimizer,
                     at::Generator& generator,
                     int64_t step,
                     int64_t round) const
  {
    const auto started = Clock::now();
    const auto batchSize = options.ppo.batchSize;
    const auto& online = data->online();
    const auto fromOnline =
      online.empty() ? 0 : int64_t(std::lround(double(batchSize) * options.ric.onlineShare));
    std::vector<const RicExample*> batch;
    const auto draw = [&](const std::vector<RicExample>& pool, int64_t n) {
      if (n <= 0)
        return;
      auto indices = torch::randint(int64_t(pool.size()), { n }, generator, torch::kLong);
      for (int64_t i = 0; i < n; ++i)
        batch.push_back(&pool[size_t(indices[i].item<int64_t>())]);
    };
    draw(data->corpus(), batchSize - fromOnline);
    draw(online, fromOnline);

    std::vector<std::vector<int64_t>> sequences;
    for (const auto* example : batch)
      sequences.push_back(example->ids);
    auto encoded = encodeBatch(sequences);
    // The prompt and the reward tokens are given, not written: the loss counts what follows them.
    auto mask = encoded.actionMask.clone();
    for (size_t row = 0; row < batch.size(); ++row)
      mask[int64_t(row)].narrow(0, 0, batch[row]->given - 1).zero_();
    model.train();
    auto stats = tokenStatistics(model, encoded.tokens, 1.0);
    auto loss = -(stats.logProbs * mask).sum() / mask.sum().clamp_min(1.0);
    optimizer.zero_grad();
    loss.backward();
    if (options.ppo.maxGradNorm > 0)
      torch::nn::utils::clip_grad_norm_(model.parameters(), options.ppo.maxGradNorm);
    optimizer.step();
    model.eval();

    StepReport report;
    report.step = step;
    report.round = round;
    report.rawMeans.assign(count(), 0.0);
    report.transformedMeans.assign(count(), 0.0);
    for (const auto* example : batch)
      for (size_t i = 0; i < count(); ++i) {
        report.rawMeans[i] += example->raw[i] / double(batch.size());
        report.transformedMeans[i] += example->rewards[i] / double(batch.size());
      }
    report.averageReward =
      std::accumulate(report.transformedMeans.begin(), report.transformedMeans.end(), 0.0) /
      double(count());
    report.domainMetrics["nll"] = loss.item<double>();
    report.domainMetrics["online_share"] = double(fromOnline) / double(batch.size());
    report.seconds = secondsSince(started);
    return report;
  }

  /// An online round's new data: samples for weights spread over the simplex
  /// (in a conditional domain, each answering a drawn training context), each
  /// prompted with its mapped rewards; the Pareto-efficient ones not already
  /// kept are fitted from now on, under the rewards they reached.
  void collectOnline(GptImpl& model, at::Generator& generator, int64_t round)
  {
    std::mt19937_64 rng(mixSeed(options.seed, 0x0411eULL + uint64_t(round)));
    const auto spread = spreadOverSimplex(count(), options.ric.targets, rng);
    std::vector<std::vector<int64_t>> prompts;
    std::vector<SampleContext> contexts;
    std::uniform_int_distribution<size_t> anyContext(0,
                                                     std::max<size_t>(trainContexts.size(), 1) - 1);
    for (const auto& weights : spread) {
      const auto conditioning =
        conditioningFor(weights, data->state().lowest, data->state().highest);
      for (int64_t i = 0; i < options.ric.samplesPerTarget; ++i) {
        if (trainContexts.empty()) {
          prompts.push_back(tokenizer->encodePrompt(conditioning));
          continue;
        }
        const auto& context = trainContexts[anyContext(rng)];
        contexts.push_back(context);
        prompts.push_back(data->encodePrompt(context, conditioning));
      }
    }
    torch::NoGradGuard noGrad;
    const auto batch =
      sampleSequences(model, int64_t(prompts.size()), options.ppo.sampling, generator, prompts);
    data->keepEfficient(data->score(decodeBatch(*tokenizer, batch), contexts));
  }
};

RicTrainer::RicTrainer(std::shared_ptr<const Domain> domain,
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
    throw std::invalid_argument("trainer: merge_period must be 0 (one online round) or positive");
  if (d.options.ppo.batchSize < 1)
    throw std::invalid_argument("trainer: batch_size must be at least 1");
  if (d.options.ric.levels < 2)
    throw std::invalid_argument("RiC: levels must be at least 2");
  d.tokenizer =
    d.prior.tokenizer().withControlTokens(rewardTokens(d.objectives.size(), d.options.ric.levels));
  d.modelOptions = d.prior.options();
  d.modelOptions.vocabSize = d.tokenizer->vocabSize();
  if (d.domain->isConditional()) {
    // Contexts the reward tokens' vocabulary cannot spell are left out, as for the other methods.
    d.trainContexts = encodePrompts(*d.tokenizer, d.domain->contexts(DataSplit::Train)).contexts;
    d.evaluationContexts =
      encodePrompts(*d.tokenizer, d.domain->contexts(DataSplit::Validation)).contexts;
    if (d.trainContexts.empty() || d.evaluationContexts.empty())
      throw std::invalid_argument(
        "RiC: the " + d.domain->name() +
        " domain has no training or validation context the prior can read");
  }
  d.judge = likelihoodOf(d.prior);
  d.data.emplace(
    d.domain, d.objectives, *d.tokenizer, d.modelOptions.contextLength, d.options, d.judge);
  d.reference = Gpt(d.modelOptions);
  const auto start = extendedPrior(d.prior, d.modelOptions);
  loadParameters(*d.reference, start);
  d.reference->eval();
  for (auto& p : d.reference->parameters())
    p.requires_grad_(false);
  d.rounds.pin(d.options.pinnedRounds);
  d.rounds.keep(0, RoundState{ start, d.data->state().lowest, d.data->state().highest });
}

RicTrainer::~RicTrainer() = default;

RunResult
RicTrainer::run(TrainingObserver& observer, std::stop_token stop)
{
  auto& d = *m_impl;
  const auto& options = d.options;
  const auto started = Clock::now();
  const auto evaluationSeed = [&](int64_t round) {
    return mixSeed(options.seed, 0xe7a1ULL + uint64_t(round));
  };
  const auto taskPrompt = [&] {
    return d.conditioningFor(d.taskLambda(), d.data->state().lowest, d.data->state().highest);
  };

  RunResult result;
  // Round 0 is the prior itself, without reward tokens, as every method reports it.
  MergeReport initial;
  initial.lambda = d.taskLambda();
  initial.subset.resize(d.count());
  std::iota(initial.subset.begin(), initial.subset.end(), 0);
  {
    auto generator = makeGenerator(evaluationSeed(0));
    auto& priorModel = *d.prior.state().model;
    initial.evaluation = evaluatePolicy(priorModel,
                                        priorModel,
                                        d.prior.tokenizer(),
                                        *d.domain,
                                        d.objectives,
                                        options.evaluationBatch,
                                        options.evaluationSampling,
                                        options.invalidPenalty,
                                        generator,
                                        encodePrompts(d.prior.tokenizer(), d.evaluationContexts),
                                        d.judge.get());
  }
  initial.seconds = secondsSince(started);
  result.initial = initial.evaluation;
  result.final = initial.evaluation;
  const auto resume = std::exchange(d.resume, std::nullopt);
  if (!resume)
    observer.onMerge(initial);

  if (!d.corpusScored) {
    d.data->scoreCorpus();
    d.corpusScored = true;
  }
  if (!resume) {
    // A fresh run asks for the levels its data holds: the corpus's, then the kept samples'.
    d.data->restart();
    d.rounds.with(0, [&](RoundState& prior) {
      prior.lowest = d.data->state().lowest;
      prior.highest = d.data->state().highest;
    });
  }

  Gpt model(d.modelOptions);
  d.rounds.with(0, [&](const RoundState& prior) { loadParameters(*model, prior.parameters); });
  model->eval();
  torch::optim::Adam optimizer(model->parameters(),
                               torch::optim::AdamOptions(options.ric.learningRate));
  auto generator = makeGenerator(mixSeed(options.seed, fnv1a64("ric")));
  int64_t round = 1;
  int64_t firstStep = 1;
  if (resume) {
    loadParameters(*model, resume->rho);
    checkTorchArchive(resume->optimizerStates.at(0));
    std::istringstream state(resume->optimizerStates.at(0));
    torch::load(optimizer, state);
    generator.set_state(resume->generatorStates.at(0));
    round = resume->round + 1;
    firstStep = resume->step + 1;
    result.stepsDone = resume->step;
    result.rounds = resume->round;
    result.final =
      d.evaluateModel(*model, taskPrompt(), options.evaluationBatch, evaluationSeed(resume->round));
  }

  bool roundOpen = false;
  for (int64_t step = firstStep; step <= options.totalSteps; ++step) {
    if (stop.stop_requested()) {
      result.cancelled = true;
      break;
    }
    if (!roundOpen && step > d.offlineSteps())
      d.collectOnline(*model, generator, round);
    roundOpen = true;
    observer.onStep(d.fitStep(*model, optimizer, generator, step, round));
    result.stepsDone = step;
    if (!d.closesRound(step))
      continue;

    RoundState state{ snapshotParameters(*model), d.data->state().lowest, d.data->state().highest };
    std::pair<std::string, std::string> checkpoint;
    if (!options.checkpointDirectory.empty()) {
      RoundCheckpoint point{ .objectives = d.objectiveList(),
                             .round = round,
                             .step = step,
                             .rho = state.parameters,
                             .base = state.parameters,
                             .experts = { state.parameters },
                             .methodState = d.data->stateJson() };
      point.generatorStates.push_back(generator.get_state());
      std::ostringstream optimizerState;
      torch::save(optimizer, optimizerState);
      point.optimizerStates.push_back(optimizerState.str());
      checkpoint =
        writeRoundCheckpoint(options.checkpointDirectory, point, options.keepCheckpoints);
    }
    d.rounds.keep(round, state);

    MergeReport report;
    report.round = round;
    report.step = step;
    report.lambda = d.taskLambda();
    report.subset = initial.subset;
    report.evaluation =
      d.evaluateModel(*model, taskPrompt(), options.evaluationBatch, evaluationSeed(round));
    report.seconds = secondsSince(started);
    report.checkpoint = checkpoint.first;
    report.checkpointSha256 = checkpoint.second;
    result.final = report.evaluation;
    result.rounds = round;
    observer.onMerge(report);
    ++round;
    roundOpen = false;
  }
  return result;
}

void
RicTrainer::resumeFrom(const std::string& checkpoint)
{
  auto& d = *m_impl;
  auto point = d.readCheckpoint(checkpoint);
  d.data->restore(d.data->parseState(point.methodState, checkpoint));
  // The round can be prompted with any weights at once, before any further training.
  const auto& state = d.data->state();
  d.rounds.keep(point.round, RoundState{ point.rho, state.lowest, state.highest });
  d.resume = std::move(point);
}

int64_t
RicTrainer::loadRound(const std::string& checkpoint)
{
  auto& d = *m_impl;
  const auto point = d.readCheckpoint(checkpoint);
  const auto saved = d.data->parseState(point.methodState, checkpoint);
  d.rounds.load(point.round, RoundState{ point.rho, saved.lowest, saved.highest });
  return point.round;
}

int64_t
RicTrainer::latestRound() const
{
  return m_impl->rounds.latest();
}

std::vector<int64_t>
RicTrainer::retainedRounds() const
{
  return m_impl->rounds.rounds();
}

Policy
RicTrainer::mergedPolicy(int64_t round) const
{
  const auto& d = *m_impl;
  return d.rounds.with(round,
                       [&](const RoundState& state) { return d.policyOf(state, d.taskLambda()); });
}

std::vector<Policy>
RicTrainer::expertPolicies(int64_t round) const
{
  return { mergedPolicy(round) };
}

Policy
RicTrainer::remerge(const std::vector<double>& weights, int64_t round) const
{
  if (weights.size() != m_impl->count())
    throw std::invalid_argument("remerge: expected " + std::to_string(m_impl->count()) +
                                " weights, got " + std::to_string(weights.size()));
  const auto& d = *m_impl;
  return d.rounds.with(round, [&](const RoundState& state) { return d.policyOf(state, weights); });
}

PolicyEvaluation
RicTrainer::evaluate(const Policy& policy, int64_t count, uint64_t seed) const
{
  return m_impl->evaluateModel(*policy.state().model, policy.conditioning(), count, seed);
}

const std::vector<ObjectiveConfig>&
RicTrainer::objectives() const
{
  return m_impl->objectives;
}

const TrainerOptions&
RicTrainer::options() const
{
  return m_impl->options;
}

} // namespace paretolab::engine
