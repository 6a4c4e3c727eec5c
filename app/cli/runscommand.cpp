// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "csvnumber.h"

#include "samplefiles.h"

#include "core/atomicfile.h"
#include "core/domainregistry.h"
#include "metrics/pareto.h"
#include "store/runsession.h"
#include "store/runstore.h"
#include "train/taskconfig.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace paretolab::cli {

namespace {

struct RunsArguments
{
  std::string db = engine::RunStore::defaultPath();
  bool json = false;
};

struct ExportArguments
{
  std::string db = engine::RunStore::defaultPath();
  int64_t run = 0;
  std::string what;
  std::string format;
  std::string out;
  std::string round = "all";
};

int
runRuns(const RunsArguments& arguments)
{
  const engine::RunStore store(arguments.db);
  const auto runs = store.runs();
  if (arguments.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& run : runs)
      list.push_back({ { "id", run.id },
                       { "name", run.name },
                       { "status", run.status },
                       { "seed", run.seed },
                       { "started_at", run.startedAt },
                       { "finished_at", run.finishedAt },
                       { "steps", run.steps },
                       { "merges", run.merges },
                       { "prior", run.priorVersion },
                       { "engine_version", run.engineVersion } });
    std::cout << list.dump(2) << '\n';
    return 0;
  }
  std::printf(
    "%5s  %-10s  %-20s  %7s  %6s  %s\n", "id", "status", "started", "steps", "merges", "name");
  for (const auto& run : runs)
    std::printf("%5lld  %-10s  %-20s  %7lld  %6lld  %s\n",
                (long long)run.id,
                run.status.c_str(),
                run.startedAt.c_str(),
                (long long)run.steps,
                (long long)run.merges,
                run.name.c_str());
  if (runs.empty())
    std::printf("(no runs in %s)\n", arguments.db.c_str());
  return 0;
}

double
valueOf(const std::map<std::string, double>& values, const std::string& name)
{
  const auto found = values.find(name);
  return found == values.end() ? std::nan("") : found->second;
}

int64_t
parseRound(const std::string& text)
{
  try {
    size_t used = 0;
    const auto round = std::stoll(text, &used);
    if (used == text.size() && round >= 0)
      return round;
  } catch (const std::exception&) {
  }
  throw std::runtime_error("--round must be all, final or a round number, not \"" + text + "\"");
}

int
runExport(const ExportArguments& arguments)
{
  const engine::RunStore store(arguments.db);
  const auto run = store.run(arguments.run);
  if (!run)
    throw std::runtime_error("no run " + std::to_string(arguments.run) + " in " + arguments.db);
  const auto task = engine::storedTask(*run);
  std::vector<std::string> names;
  for (const auto& objective : task.objectives)
    names.push_back(objective.name);
  const auto& format = arguments.format;
  std::ostringstream out;
  size_t count = 0;

  if (arguments.what == "samples") {
    const auto domain = engine::makeDomain(task.domain, task.domainOptions);
    const auto writer = domain->sampleFormat(format);
    if (!writer->canWrite())
      throw std::runtime_error(writer->title() + " files cannot be written");
    engine::SampleTable table;
    table.objectiveNames = names;
    auto rows = store.samples(arguments.run);
    if (arguments.round != "all") {
      const auto merges = store.merges(arguments.run);
      if (merges.empty())
        throw std::runtime_error("run " + std::to_string(arguments.run) + " has no evaluations");
      const auto round =
        arguments.round == "final" ? merges.back().round : parseRound(arguments.round);
      const auto policy = "merged:" + std::to_string(round);
      std::erase_if(rows, [&](const auto& row) { return row.policy != policy; });
      if (rows.empty())
        throw std::runtime_error("run " + std::to_string(arguments.run) +
                                 " has no samples of round " + std::to_string(round));
    }
    const bool conditional =
      std::any_of(rows.begin(), rows.end(), [](const auto& row) { return !row.context.empty(); });
    for (size_t i = 0; i < rows.size(); ++i) {
      table.samples.push_back(rows[i].sample);
      table.raw.push_back(rows[i].raw);
      table.ids.push_back("run" + std::to_string(arguments.run) + "_step" +
                          std::to_string(rows[i].step) + "_" + rows[i].policy + "_" +
                          std::to_string(i));
      if (conditional)
        table.contexts.push_back(rows[i].context);
    }
    // The trainer's own rewards, where the database has them (schema v4 on).
    if (std::all_of(rows.begin(), rows.end(), [&](const auto& row) {
          return row.rewards.size() == names.size();
        }))
      for (const auto& row : rows)
        table.rewards.push_back(row.rewards);
    count = writeSampleFile(*writer, table, arguments.out);
    std::fprintf(stderr,
                 "paretolab-cli: wrote %s to %s\n",
                 countOf(count, "sample").c_str(),
                 arguments.out.c_str());
    return 0;
  }
  if (arguments.what == "metrics" || arguments.what == "front") {
    auto rows = store.steps(arguments.run, names);
    std::vector<bool> nonDominated(rows.size(), false);
    if (arguments.what == "front") {
      // The evaluated merged policies, one per round, and which are non-dominated.
      std::erase_if(rows, [](const auto& row) { return !row.isEvaluation(); });
      std::vector<engine::ObjectivePoint> points;
      for (const auto& row : rows) {
        engine::ObjectivePoint point;
        for (const auto& name : names)
          point.push_back(valueOf(row.transformedMeans, name));
        points.push_back(point);
      }
      nonDominated.assign(rows.size(), false);
      for (auto index : engine::nonDominatedIndices(points))
        nonDominated[index] = true;
    }
    count = rows.size();
    if (format == "jsonl") {
      for (size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        nlohmann::json line = { { "policy", row.policy },
                                { "step", row.step },
                                { "round", row.round },
                                { "raw_means", row.rawMeans },
                                { "transformed_means", row.transformedMeans },
                                { "average_reward", row.averageReward },
                                { "icv", row.icv },
                                { "objective_balance", row.objectiveBalance },
                                { "kl", row.kl },
                                { "entropy", row.entropy },
                                { "metrics", row.metrics },
                                { "seconds", row.seconds } };
        if (arguments.what == "front")
          line["non_dominated"] = bool(nonDominated[i]);
        out << line.dump() << '\n';
      }
    } else if (format == "csv") {
      out << "policy,step,round,average_reward,icv,objective_balance,kl,entropy";
      for (const auto& name : names)
        out << ',' << engine::csvField(name);
      if (arguments.what == "front")
        out << ",non_dominated";
      out << '\n';
      for (size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        out << row.policy << ',' << row.step << ',' << row.round;
        for (double value :
             { row.averageReward, row.icv, row.objectiveBalance, row.kl, row.entropy })
          out << ',' << csvNumber(value);
        for (const auto& name : names)
          out << ',' << csvNumber(valueOf(row.transformedMeans, name));
        if (arguments.what == "front")
          out << ',' << (nonDominated[i] ? 1 : 0);
        out << '\n';
      }
    } else {
      throw std::runtime_error(arguments.what + " export as csv or jsonl, not " + format);
    }
  } else {
    throw std::runtime_error("--what must be samples, metrics or front");
  }
  engine::writeFileAtomically(arguments.out, out.str());
  std::fprintf(stderr, "paretolab-cli: wrote %zu rows to %s\n", count, arguments.out.c_str());
  return 0;
}

} // namespace

void
addRunsCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<RunsArguments>();
  auto* command = app.add_subcommand("runs", "List the runs in the run database");
  command->add_option("--db", arguments->db, "Run database (SQLite)")->capture_default_str();
  command->add_flag("--json", arguments->json, "Print JSON instead of a table");
  command->callback([arguments, &exitCode] { exitCode = runRuns(*arguments); });
}

void
addExportCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<ExportArguments>();
  auto* command =
    app.add_subcommand("export", "Export a stored run's samples, metrics or Pareto front");
  command->add_option("--db", arguments->db, "Run database (SQLite)")->capture_default_str();
  command->add_option("--run", arguments->run, "Run id (paretolab-cli runs lists them)")
    ->required();
  command->add_option("--what", arguments->what, "samples, metrics or front")
    ->required()
    ->check(CLI::IsMember({ "samples", "metrics", "front" }));
  command
    ->add_option("--format",
                 arguments->format,
                 "Samples: any format of the run's domain (csv, txt; smi and sdf for molecules, "
                 "fasta for DNA, jsonl for text). Metrics and front: csv or jsonl")
    ->required();
  command->add_option("--out", arguments->out, "File to write")->required();
  command
    ->add_option("--round",
                 arguments->round,
                 "Samples: all, final (the last evaluation batch) or a merge round's number")
    ->capture_default_str();
  command->callback([arguments, &exitCode] { exitCode = runExport(*arguments); });
}

} // namespace paretolab::cli
