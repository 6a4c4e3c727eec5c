// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "progressbar.h"
#include "taskrunner.h"

#include "core/atomicfile.h"
#include "core/domainregistry.h"
#include "model/checkpoint.h"
#include "model/growth.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

namespace paretolab::cli {

namespace {

struct PretrainArguments
{
  std::string domain;
  std::string corpus;
  std::string out;
  std::string config;
  std::vector<std::string> overrides;
  std::string log;
  std::string heldOut;
  std::string init;
  bool grow = false;
  bool withoutOptimizer = false;
};

/// Appends one CSV row per validation to `path`, so the curve of
/// validation NLL and validity against time survives the run.
class EpochLog
{
public:
  explicit EpochLog(const std::string& path)
  {
    if (path.empty())
      return;
    m_file.open(path, std::ios::app);
    if (!m_file)
      throw std::runtime_error("cannot write the epoch log " + path);
    m_file.seekp(0, std::ios::end);
    if (m_file.tellp() == 0)
      m_file << "epoch,batch,seconds,train_nll,validation_nll,validity\n";
  }

  void record(const engine::PretrainProgress& p)
  {
    if (!m_file.is_open() || !p.validated)
      return;
    m_file << p.epoch << ',' << p.batch << ',' << p.seconds << ',' << p.trainLoss << ','
           << p.validationLoss << ',' << p.validity << std::endl;
  }

private:
  std::ofstream m_file;
};

std::vector<std::string>
readCorpus(const engine::Domain& domain, const std::string& path)
{
  engine::CorpusFileReport report;
  auto texts = engine::readCorpusFile(domain, path, &report);
  std::fprintf(stderr,
               "paretolab-cli: corpus %s: %zu records, kept %zu; dropped %zu unreadable, %zu "
               "invalid, %zu duplicates\n",
               path.c_str(),
               report.records,
               texts.size(),
               report.unreadable,
               report.invalid,
               report.duplicates);
  return texts;
}

/// `prior` grown into the width, depth and heads of `model`, and told on stderr.
engine::Policy
grown(const engine::Policy& prior, const engine::GptOptions& model, uint64_t seed)
{
  auto larger = prior.options();
  larger.embedDim = model.embedDim;
  larger.layers = model.layers;
  larger.heads = model.heads;
  // About 5 % of the weights' initial spread (0.02): enough to set the copies apart.
  constexpr double kNoise = 1e-3;
  auto result = engine::growPolicy(prior, larger, kNoise, seed);
  const auto& from = prior.options();
  std::fprintf(stderr,
               "paretolab-cli: grew the prior from %lld wide x %lld layers (%lld parameters) to "
               "%lld x %lld (%lld parameters)\n",
               (long long)from.embedDim,
               (long long)from.layers,
               (long long)prior.parameterCount(),
               (long long)larger.embedDim,
               (long long)larger.layers,
               (long long)result.parameterCount());
  return result;
}

int
runPretrain(const PretrainArguments& arguments)
{
  if (arguments.grow && (arguments.init.empty() || arguments.config.empty()))
    throw std::runtime_error("--grow needs --init, the prior to grow, and --config, whose "
                             "model section gives the shape to grow it into");
  engine::GptOptions model;
  engine::PretrainOptions options;
  std::string domainName = arguments.domain;
  nlohmann::json domainOptions = nlohmann::json::object();
  bool fitContext = true;
  if (!arguments.config.empty()) {
    const auto task = engine::loadTaskConfig(arguments.config, arguments.overrides);
    model = task.model;
    options = task.pretrain;
    fitContext = !task.source.contains("model") || !task.source["model"].contains("context_length");
    if (domainName.empty())
      domainName = task.domain;
    if (domainName == task.domain)
      domainOptions = task.domainOptions;
  }
  if (domainName.empty())
    throw std::runtime_error("pretrain needs --domain or --config");
  const auto domain = engine::makeDomain(domainName, domainOptions);
  const auto corpus =
    arguments.corpus.empty() ? domain->corpus() : readCorpus(*domain, arguments.corpus);

  std::optional<engine::Policy> initial;
  if (!arguments.init.empty()) {
    initial = engine::loadPolicyCheckpoint(arguments.init).policy;
    if (arguments.grow)
      initial = grown(*initial, model, options.seed);
  } else if (fitContext) {
    // Fit the context to the corpus: BOS + longest text + EOS, read as length - 1 inputs.
    const auto probe = engine::Tokenizer::fit(domain->tokenizer(), corpus);
    size_t longest = 0;
    for (const auto& text : corpus)
      longest = std::max(longest, probe.split(text).size());
    model.contextLength = int64_t((longest + 1 + 7) / 8 * 8);
  }

  PretrainProgressBar progress;
  if (arguments.corpus.empty())
    progress.setCorpusDescription([&domain] { return domain->describeCorpus(); });
  // Killed or stopped, the same command goes on from the last finished epoch or validation.
  options.resumeFile = arguments.out + ".partial";
  EpochLog log(arguments.log);
  auto& stop = interruptSource();
  auto source = engine::pretrainPrior(
    *domain,
    corpus,
    model,
    options,
    [&](const engine::PretrainProgress& p) {
      progress(p);
      log.record(p);
    },
    stop.get_token(),
    initial ? &*initial : nullptr);
  progress.finish();
  if (source.cancelled) {
    std::fprintf(
      stderr, "paretolab-cli: pretraining cancelled; %s not written\n", arguments.out.c_str());
    return 130;
  }
  const auto& r = source.pretraining;
  if (r.resumedAfterEpoch > 0 || r.resumedAtBatch > 0)
    std::fprintf(stderr,
                 "paretolab-cli: went on from %s: epoch %lld, after batch %lld\n",
                 options.resumeFile.c_str(),
                 (long long)r.resumedAfterEpoch + 1,
                 (long long)r.resumedAtBatch);
  auto config = engine::priorRecord(source.policy.options(),
                                    options,
                                    r,
                                    domainName,
                                    domainOptions,
                                    arguments.corpus.empty() ? "domain default" : arguments.corpus);
  if (initial) {
    config["initialised_from"] = std::filesystem::path(arguments.init).filename().string();
    if (arguments.grow)
      config["grown"] = true;
  }
  engine::savePolicyCheckpoint(
    arguments.out, source.policy, config, arguments.withoutOptimizer ? "" : r.optimizerState);
  std::filesystem::remove(options.resumeFile);
  if (!arguments.heldOut.empty()) {
    std::string lines;
    for (const auto& text : r.heldOut)
      lines += text + "\n";
    engine::writeFileAtomically(arguments.heldOut, lines);
  }
  std::printf("prior: %lld parameters, vocabulary %lld, context %lld\n",
              (long long)source.policy.parameterCount(),
              (long long)source.policy.tokenizer().vocabSize(),
              (long long)source.policy.options().contextLength);
  std::printf("texts: %lld train, %lld validation, %lld skipped\n",
              (long long)r.trainTexts,
              (long long)r.validationTexts,
              (long long)r.skippedTexts);
  std::printf("validation NLL %.4f per token (perplexity %.3f) after %lld epochs%s\n",
              r.bestValidationLoss,
              std::exp(r.bestValidationLoss),
              (long long)r.epochsRun,
              r.stoppedEarly ? " (stopped early)" : "");
  if (!std::isnan(r.validity))
    std::printf(
      "valid samples: %.1f %% of %lld\n", 100.0 * r.validity, (long long)options.validitySamples);
  std::printf("saved to %s\n", arguments.out.c_str());
  return 0;
}

} // namespace

void
addPretrainCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<PretrainArguments>();
  auto* command =
    app.add_subcommand("pretrain", "Pretrain a prior by maximum likelihood on a corpus");
  command->add_option("--domain", arguments->domain, "Domain (toy)");
  command
    ->add_option("--corpus",
                 arguments->corpus,
                 "Text file, one sequence per line (default: the domain's corpus)")
    ->check(CLI::ExistingFile);
  command->add_option("--config",
                      arguments->config,
                      "Task JSON file, or a bundled task's name, to take the model and "
                      "pretraining options from");
  command->add_option("--set", arguments->overrides, "Override a task key (with --config)");
  command->add_option("--out", arguments->out, "Where to write the prior checkpoint")->required();
  command->add_option(
    "--log", arguments->log, "CSV file to append each epoch's time, NLL and validity to");
  command->add_option("--held-out",
                      arguments->heldOut,
                      "Text file to write the held-out validation texts to, one per line");
  command
    ->add_option("--init",
                 arguments->init,
                 "Go on training this prior (its model and vocabulary) instead of a fresh one")
    ->check(CLI::ExistingFile);
  command->add_flag("--grow",
                    arguments->grow,
                    "Grow the --init prior into the task's wider or deeper model first, "
                    "computing what it computed");
  command->add_flag("--without-optimizer",
                    arguments->withoutOptimizer,
                    "Leave Adam's state out of the checkpoint (a third of the size)");
  command->callback([arguments, &exitCode] { exitCode = runPretrain(*arguments); });
}

} // namespace paretolab::cli
