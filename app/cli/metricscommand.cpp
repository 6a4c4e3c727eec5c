// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab-cli metrics: a generator's samples judged as the generative-model
// benchmarks judge them (Domain::generativeMetrics; MOSES for molecules).
#include "commands.h"
#include "samplefiles.h"
#include "taskrunner.h"

#include "core/atomicfile.h"
#include "core/domainregistry.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <unordered_set>

namespace paretolab::cli {

namespace {

struct MetricsArguments
{
  std::string input;
  std::string config;
  std::vector<std::string> overrides;
  std::string domain;
  std::string options = "{}";
  std::string test;
  std::string train;
  bool noTrain = false;
  std::string out;
};

std::vector<std::string>
readTexts(const engine::Domain& domain, const std::string& path)
{
  std::vector<std::string> texts;
  for (auto& record : readSampleFile(domain, path).records)
    texts.push_back(std::move(record.text));
  return texts;
}

/// The domain's corpus without the test texts: what a prior trained on the
/// corpus with the test texts held out has seen (MOSES's train split).
std::vector<std::string>
corpusLessTest(const engine::Domain& domain, const std::vector<std::string>& test)
{
  std::unordered_set<std::string> held;
  for (const auto& text : test)
    held.insert(domain.canonical(text));
  auto corpus = domain.corpus();
  std::erase_if(corpus, [&](const std::string& text) { return held.count(text) > 0; });
  return corpus;
}

std::shared_ptr<engine::Domain>
chooseDomain(const MetricsArguments& arguments)
{
  if (!arguments.config.empty()) {
    const auto task = engine::loadTaskConfig(arguments.config, arguments.overrides);
    return engine::makeDomain(task.domain, task.domainOptions);
  }
  if (arguments.domain.empty())
    throw std::runtime_error("name the domain: --config or --domain");
  const auto options = nlohmann::json::parse(arguments.options, nullptr, false);
  if (options.is_discarded() || !options.is_object())
    throw std::runtime_error("--domain-options must be a JSON object");
  return engine::makeDomain(arguments.domain, options);
}

int
runMetrics(const MetricsArguments& arguments)
{
  const auto domain = chooseDomain(arguments);
  const auto samples = readTexts(*domain, arguments.input);
  if (samples.empty())
    throw std::runtime_error(arguments.input + " has no samples");
  const auto test =
    arguments.test.empty() ? std::vector<std::string>{} : readTexts(*domain, arguments.test);
  std::vector<std::string> train;
  if (!arguments.train.empty())
    train = readTexts(*domain, arguments.train);
  else if (!arguments.noTrain)
    train = corpusLessTest(*domain, test);
  std::fprintf(stderr,
               "paretolab-cli: %s against %s and %s\n",
               countOf(samples.size(), "sample").c_str(),
               test.empty() ? "no test set" : countOf(test.size(), "test text").c_str(),
               train.empty() ? "no training set" : countOf(train.size(), "training text").c_str());

  const auto metrics = domain->generativeMetrics(samples, test, train);
  nlohmann::json json = nlohmann::json::object();
  json["samples"] = samples.size();
  json["test"] = test.size();
  json["train"] = train.size();
  for (const auto& [name, value] : metrics) {
    json[name] = value;
    std::printf("%-12s %.6f\n", name.c_str(), value);
  }
  if (!arguments.out.empty())
    engine::writeFileAtomically(arguments.out, json.dump(2) + "\n");
  return 0;
}

} // namespace

void
addMetricsCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<MetricsArguments>();
  auto* command = app.add_subcommand(
    "metrics",
    "Validity, uniqueness, novelty and the domain's comparisons with a held-out test set (MOSES "
    "for molecules)");
  command->add_option("--input", arguments->input, "Samples, e.g. written by sample")
    ->required()
    ->check(CLI::ExistingFile);
  command->add_option(
    "--config", arguments->config, "Task JSON file naming the domain, or a bundled task's name");
  command->add_option("--set", arguments->overrides, "Override a task key (with --config)");
  command->add_option("--domain", arguments->domain, "Domain, without --config");
  command->add_option("--domain-options", arguments->options, "Domain options as JSON")
    ->capture_default_str();
  command->add_option("--test", arguments->test, "Held-out texts to compare with (SNN, Frag, Scaf)")
    ->check(CLI::ExistingFile);
  command
    ->add_option(
      "--train",
      arguments->train,
      "The generator's training texts, for novelty (default: the corpus less the test texts)")
    ->check(CLI::ExistingFile);
  command->add_flag("--no-train", arguments->noTrain, "Leave novelty out");
  command->add_option("--out", arguments->out, "JSON file to write the metrics to");
  command->callback([arguments, &exitCode] { exitCode = runMetrics(*arguments); });
}

} // namespace paretolab::cli
