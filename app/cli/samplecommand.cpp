// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab-cli sample: draws sequences from a prior, a stored run's merged
// policy, or that run's experts re-merged with given weights, and writes them
// in one of the domain's formats, scored when objectives are named.
#include "commands.h"
#include "progressbar.h"
#include "samplefiles.h"
#include "taskrunner.h"

#include "core/domainregistry.h"
#include "model/checkpoint.h"
#include "store/runsession.h"
#include "store/runstore.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

namespace paretolab::cli {

namespace {

struct SampleArguments : TaskArguments
{
  std::string db = engine::RunStore::defaultPath();
  int64_t run = 0;
  std::string weights;
  int64_t count = 1000;
  std::string out;
  std::string format;
  std::string objectives;
  uint64_t seed = 1;
  std::optional<double> temperature; ///< unset: the source's own sampling
};

/// What to sample from, with the domain that reads its samples and how the
/// app samples it: a task's (or stored run's) evaluation sampling, which its
/// previews and exports use; a bare prior file's own distribution.
struct SampleSource
{
  std::shared_ptr<engine::Domain> domain;
  std::optional<engine::Policy> policy;
  std::string description;
  engine::SamplingOptions sampling;
};

/// The domain a prior checkpoint was made for, as its config records it.
std::shared_ptr<engine::Domain>
domainOfPrior(const engine::PolicyCheckpoint& checkpoint, const std::string& path)
{
  const auto& config = checkpoint.config;
  if (!config.is_object() || !config.contains("domain") || !config["domain"].is_string())
    throw std::runtime_error(path + " does not record its domain: give the task with --config");
  const auto options = config.contains("domain_options") && config["domain_options"].is_object()
                         ? config["domain_options"]
                         : nlohmann::json::object();
  return engine::makeDomain(config["domain"].get<std::string>(), options);
}

SampleSource
storedRunSource(const SampleArguments& arguments, std::stop_token stop)
{
  engine::RunStore store(arguments.db);
  const auto record = store.run(arguments.run);
  if (!record)
    throw std::runtime_error("no run " + std::to_string(arguments.run) + " in " + arguments.db);
  const auto round = store.lastCheckpoint(arguments.run);
  if (!round)
    throw std::runtime_error("run " + std::to_string(arguments.run) +
                             " has no merge checkpoint to sample from");
  engine::verifyCheckpoint(*round, arguments.run);
  const auto task = engine::storedTask(*record);
  auto prepared = prepareTask(task, arguments, stop);
  const auto trainerOwner =
    engine::makeTrainer(prepared.domain, prepared.prior.policy, task.objectives, task.training);
  auto& trainer = *trainerOwner;
  trainer.loadRound(round->path);
  SampleSource source{ prepared.domain, std::nullopt, {}, task.training.evaluationSampling };
  const auto roundName =
    "run " + std::to_string(arguments.run) + ", round " + std::to_string(round->round);
  if (arguments.weights.empty()) {
    source.policy = trainer.mergedPolicy();
    source.description = "the merged policy of " + roundName;
    return source;
  }
  if (task.training.method == engine::Method::Morlhf)
    throw std::runtime_error("--weights: run " + std::to_string(arguments.run) +
                             " is MORLHF, one policy with no experts to re-merge");
  std::vector<double> weights;
  for (const auto& item : splitList(arguments.weights)) {
    try {
      weights.push_back(std::stod(item));
    } catch (const std::exception&) {
      throw std::runtime_error("--weights: \"" + item + "\" is not a number");
    }
  }
  if (weights.size() != task.objectives.size())
    throw std::runtime_error("--weights: " + std::to_string(weights.size()) +
                             " given, the run has " + std::to_string(task.objectives.size()) +
                             " objectives");
  source.policy = trainer.remerge(weights, round->round);
  source.description =
    "the experts of " + roundName + " re-merged with weights " + arguments.weights;
  return source;
}

SampleSource
chooseSource(const SampleArguments& arguments, std::stop_token stop)
{
  if (arguments.run > 0)
    return storedRunSource(arguments, stop);
  if (!arguments.config.empty()) {
    auto prepared = prepareTask(arguments, stop);
    return { prepared.domain,
             prepared.prior.policy,
             "the prior " + prepared.prior.path,
             prepared.task.training.evaluationSampling };
  }
  if (arguments.prior.empty())
    throw std::runtime_error("name what to sample: --config, --prior or --run");
  auto checkpoint = engine::loadPolicyCheckpoint(arguments.prior);
  return { domainOfPrior(checkpoint, arguments.prior),
           checkpoint.policy,
           "the prior " + arguments.prior,
           engine::SamplingOptions{} };
}

int
runSample(const SampleArguments& arguments)
{
  if (arguments.count < 1)
    throw std::runtime_error("--count must be at least 1");
  if (!arguments.weights.empty() && arguments.run <= 0)
    throw std::runtime_error("--weights re-merges a stored run's experts: give --run too");
  auto& stop = interruptSource();
  auto source = chooseSource(arguments, stop.get_token());
  if (arguments.temperature)
    source.sampling.temperature = *arguments.temperature;
  const auto& domain = *source.domain;
  const auto objectives = splitList(arguments.objectives);
  for (const auto& objective : objectives)
    domain.requireObjective(objective);
  // Without --out the samples go to stdout, one per line, in no domain format.
  std::shared_ptr<const engine::SampleFormat> format;
  if (!arguments.out.empty()) {
    format = domain.sampleFormat(!arguments.format.empty() ? arguments.format : arguments.out);
    if (!format->canWrite())
      throw std::runtime_error("the " + format->name() + " format cannot be written");
  }

  // A conditional domain continues the prompts of its test contexts, in turn.
  std::vector<engine::SampleContext> contexts;
  if (domain.isConditional()) {
    const auto pool = domain.contexts(engine::DataSplit::Test);
    if (pool.empty())
      throw std::runtime_error("the " + domain.name() +
                               " domain has no test contexts to prompt with");
    for (int64_t i = 0; i < arguments.count; ++i)
      contexts.push_back(pool[size_t(i) % pool.size()]);
  }
  std::fprintf(stderr,
               "paretolab-cli: sampling %lld from %s at temperature %g, top-p %g\n",
               (long long)arguments.count,
               source.description.c_str(),
               source.sampling.temperature,
               source.sampling.topP);
  engine::SampleTable table;
  table.objectiveNames = objectives;
  constexpr int64_t kChunk = 500;
  ProgressBar bar("sample", arguments.count);
  for (int64_t begin = 0; begin < arguments.count && !stop.stop_requested(); begin += kChunk) {
    const auto size = std::min(kChunk, arguments.count - begin);
    std::vector<std::string> prompts;
    for (int64_t i = begin; i < begin + size && !contexts.empty(); ++i)
      prompts.push_back(contexts[size_t(i)].prompt);
    // One seed per chunk: the same command gives the same samples.
    auto chunk =
      source.policy->sample(size, source.sampling, arguments.seed + uint64_t(begin), prompts);
    table.samples.insert(table.samples.end(), chunk.begin(), chunk.end());
    bar.update(int64_t(table.samples.size()));
  }
  bar.finish();
  if (stop.stop_requested()) {
    std::fprintf(stderr, "paretolab-cli: sampling cancelled; nothing written\n");
    return 130;
  }
  if (!contexts.empty())
    table.contexts = contexts;
  table.raw.assign(table.samples.size(), {}); // no objectives: rows with no values
  if (!objectives.empty()) {
    std::shared_ptr<const engine::TextLikelihood> judge;
    if (std::any_of(objectives.begin(), objectives.end(), [&](const auto& objective) {
          return domain.needsPrior(objective);
        }))
      judge = engine::likelihoodOf(*source.policy);
    table.raw = domain.score(table.samples, table.contexts, objectives, judge.get());
  }
  if (arguments.out.empty()) {
    for (const auto& sample : table.samples)
      std::printf("%s\n", sample.c_str());
    return 0;
  }
  const auto written = writeSampleFile(*format, table, arguments.out);
  std::fprintf(stderr,
               "paretolab-cli: wrote %s to %s\n",
               countOf(written, "sample").c_str(),
               arguments.out.c_str());
  return 0;
}

} // namespace

void
addSampleCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<SampleArguments>();
  auto* command = app.add_subcommand(
    "sample",
    "Draw sequences from a task's prior, a prior file, or a stored run (re-merged with --weights)");
  addTaskOptions(command, *arguments, /*configRequired=*/false);
  command->add_option("--db", arguments->db, "Run database (with --run)")->capture_default_str();
  command->add_option(
    "--run", arguments->run, "Sample the merged policy of this stored run's last merge round");
  command->add_option("--weights",
                      arguments->weights,
                      "With --run: re-merge its experts with these weights, e.g. 0.5,0.3,0.2");
  command->add_option("--count", arguments->count, "How many sequences")->capture_default_str();
  command->add_option("--out",
                      arguments->out,
                      "File to write, in the format its extension names (.smi, .csv, .fa, .jsonl); "
                      "default: one sample per line on stdout");
  command->add_option("--format", arguments->format, "The output format, when the extension is not")
    ->needs("--out");
  command->add_option(
    "--objectives", arguments->objectives, "Score the samples: comma-separated objectives");
  command->add_option("--seed", arguments->seed, "Sampling seed")->capture_default_str();
  command
    ->add_option(
      "--temperature",
      arguments->temperature,
      "Sampling temperature; default: the task's (training.evaluation), or 1 with --prior")
    ->check(CLI::Range(0.05, 10.0));
  command->callback([arguments, &exitCode] { exitCode = runSample(*arguments); });
}

} // namespace paretolab::cli
