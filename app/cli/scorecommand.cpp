// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "progressbar.h"

#include "core/atomicfile.h"
#include "core/samplescsv.h"
#include "domains/domainregistry.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

namespace paretolab::cli {

namespace {

struct ScoreArguments
{
  std::string domain;
  std::string objectives;
  std::string input;
  std::string output;
  std::string options = "{}";
};

std::vector<std::string>
splitList(const std::string& text)
{
  std::vector<std::string> items;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');)
    if (!item.empty())
      items.push_back(item);
  return items;
}

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
  for (const auto& objective : objectives)
    domain->requireObjective(objective);

  std::ifstream in(arguments.input);
  if (!in)
    throw std::runtime_error("cannot read " + arguments.input);
  std::vector<std::string> samples;
  size_t skipped = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    // A .smi line is "SMILES [name]": the sample is its first field, kept as given.
    const auto sample = line.substr(0, line.find_first_of(" \t"));
    if (sample.empty())
      continue;
    if (domain->isValid(sample))
      samples.push_back(sample);
    else
      ++skipped;
  }

  // Score in chunks so that long inputs (xTB takes ~0.1 s a molecule) show progress.
  constexpr size_t kChunk = 64;
  std::vector<std::vector<double>> scores;
  ProgressBar bar("score", int64_t(samples.size()));
  for (size_t begin = 0; begin < samples.size(); begin += kChunk) {
    std::vector<std::string> chunk(samples.begin() + begin,
                                   samples.begin() + std::min(samples.size(), begin + kChunk));
    for (auto& row : domain->score(chunk, objectives))
      scores.push_back(std::move(row));
    bar.update(int64_t(scores.size()));
  }
  bar.finish();
  engine::writeFileAtomically(
    arguments.output,
    engine::samplesCsv(
      arguments.domain == "molecules" ? "smiles" : "sample", samples, objectives, scores));
  std::fprintf(stderr,
               "paretolab-cli: scored %zu %s; skipped %zu line(s) that do not parse\n",
               samples.size(),
               samples.size() == 1 ? "sample" : "samples",
               skipped);
  return 0;
}

} // namespace

void
addScoreCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<ScoreArguments>();
  auto* command = app.add_subcommand("score", "Write the raw objective values of sequences to CSV");
  command->add_option("--domain", arguments->domain, "Domain (molecules, toy)")->required();
  command->add_option("--objectives", arguments->objectives, "Comma-separated, e.g. qed,sa,logp")
    ->required();
  command->add_option("--input", arguments->input, "One sequence per line (.smi: SMILES [name])")
    ->required()
    ->check(CLI::ExistingFile);
  command->add_option("--output", arguments->output, "CSV to write")->required();
  command
    ->add_option("--domain-options",
                 arguments->options,
                 "Domain options as JSON, as in a task's domain_options")
    ->capture_default_str();
  command->callback([arguments, &exitCode] { exitCode = runScore(*arguments); });
}

} // namespace paretolab::cli
