// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "progressbar.h"
#include "samplefiles.h"

#include "core/domainregistry.h"
#include "model/checkpoint.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <sstream>

namespace paretolab::cli {

namespace {

struct ScoreArguments
{
  std::string domain;
  std::string objectives;
  std::string input;
  std::string format;
  std::string output;
  std::string options = "{}";
  std::string prior; ///< a prior checkpoint, for objectives the prior judges (fluency)
};

int
runScore(const ScoreArguments& arguments)
{
  nlohmann::json options = nlohmann::json::parse(arguments.options, nullptr, false);
  if (options.is_discarded() || !options.is_object())
    throw std::runtime_error("--domain-options must be a JSON object");
  const auto domain = engine::makeDomain(arguments.domain, options);
  const auto objectives = splitList(arguments.objectives);
  if (objectives.empty())
    throw std::runtime_error("--objectives: name at least one objective");
  std::shared_ptr<const engine::TextLikelihood> prior;
  for (const auto& objective : objectives) {
    domain->requireObjective(objective);
    if (domain->needsPrior(objective) && arguments.prior.empty())
      throw std::runtime_error("--objectives: " + objective +
                               " is judged by a prior model: give its checkpoint with --prior");
  }
  if (!arguments.prior.empty()) {
    auto checkpoint = engine::loadPolicyCheckpoint(arguments.prior);
    // A prior of another domain would spell nothing of these samples: every value NaN.
    const auto& config = checkpoint.config;
    const auto made =
      config.is_object() && config.contains("domain") && config["domain"].is_string()
        ? config["domain"].get<std::string>()
        : std::string{};
    if (!made.empty() && made != domain->name())
      throw std::runtime_error("--prior " + arguments.prior + " is a prior of the " + made +
                               " domain, not of " + domain->name());
    prior = engine::likelihoodOf(checkpoint.policy);
  }

  const auto reading = readSampleFile(*domain, arguments.input, arguments.format);
  engine::SampleTable table;
  table.objectiveNames = objectives;
  std::vector<engine::SampleContext> contexts;
  size_t invalid = 0;
  for (const auto& record : reading.records) {
    if (const auto reason = domain->invalidReason(record.text); !reason.empty()) {
      std::fprintf(stderr,
                   "paretolab-cli: %s: line %zu%s: skipped: %s\n",
                   arguments.input.c_str(),
                   record.line,
                   record.id.empty() ? "" : (" (" + record.id + ")").c_str(),
                   reason.c_str());
      ++invalid;
      continue;
    }
    table.samples.push_back(record.text);
    if (reading.recordsHaveIds)
      table.ids.push_back(record.id);
    contexts.push_back(record.context);
  }
  const bool withContexts = std::any_of(
    contexts.begin(), contexts.end(), [](const auto& context) { return !context.empty(); });

  // Score in chunks so that long inputs (xTB takes ~0.1 s a molecule) show progress.
  constexpr size_t kChunk = 64;
  ProgressBar bar("score", int64_t(table.samples.size()));
  for (size_t begin = 0; begin < table.samples.size(); begin += kChunk) {
    const auto end = std::min(table.samples.size(), begin + kChunk);
    std::vector<std::string> chunk(table.samples.begin() + begin, table.samples.begin() + end);
    std::vector<engine::SampleContext> chunkContexts;
    if (withContexts)
      chunkContexts.assign(contexts.begin() + begin, contexts.begin() + end);
    for (auto& row : domain->score(chunk, chunkContexts, objectives, prior.get()))
      table.raw.push_back(std::move(row));
    bar.update(int64_t(table.raw.size()));
  }
  bar.finish();
  // A score table names each row by its record id where the format has one
  // (FASTA, JSONL), else by the sample as given.
  table.writeSamples = !reading.recordsHaveIds;
  writeSampleFile(engine::CsvSampleFormat(), table, arguments.output);
  std::fprintf(stderr,
               "paretolab-cli: scored %s; skipped %s\n",
               countOf(table.raw.size(), "sample").c_str(),
               countOf(reading.problems.size() + invalid, "line").c_str());
  return 0;
}

} // namespace

void
addScoreCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<ScoreArguments>();
  auto* command = app.add_subcommand("score", "Write the raw objective values of sequences to CSV");
  command
    ->add_option(
      "--domain",
      arguments->domain,
      "Domain (" +
        [] {
          std::string names;
          for (const auto& name : engine::availableDomains())
            names += (names.empty() ? "" : ", ") + name;
          return names;
        }() +
        ")")
    ->required();
  command->add_option("--objectives", arguments->objectives, "Comma-separated, e.g. qed,sa,logp")
    ->required();
  command
    ->add_option("--input",
                 arguments->input,
                 "Samples in one of the domain's formats, chosen by extension (.smi, .fa, "
                 ".jsonl with source, summary and reference; otherwise one sample per line)")
    ->required()
    ->check(CLI::ExistingFile);
  command->add_option("--format", arguments->format, "The input format, when its extension is not");
  command->add_option("--output", arguments->output, "CSV to write")->required();
  command
    ->add_option("--prior",
                 arguments->prior,
                 "Prior checkpoint that judges objectives such as fluency (a task's cached prior, "
                 "or one written by pretrain)")
    ->check(CLI::ExistingFile);
  command
    ->add_option("--domain-options",
                 arguments->options,
                 "Domain options as JSON, as in a task's domain_options")
    ->capture_default_str();
  command->callback([arguments, &exitCode] { exitCode = runScore(*arguments); });
}

} // namespace paretolab::cli
