// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "core/atomicfile.h"
#include "core/samplescsv.h"
#include "domains/molecules/moleculeexport.h"
#include "metrics/pareto.h"
#include "store/runstore.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

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

std::vector<std::string>
objectiveNames(const engine::RunRecord& run)
{
  std::vector<std::string> names;
  // Keep the parsed task alive: a range-for over a member of a temporary dangles before C++23.
  const auto task = nlohmann::json::parse(run.taskJson);
  for (const auto& objective : task.at("objectives"))
    names.push_back(objective.at("name").get<std::string>());
  return names;
}

double
number(const nlohmann::json& value)
{
  return value.is_number() ? value.get<double>() : std::nan("");
}

int
runExport(const ExportArguments& arguments)
{
  const engine::RunStore store(arguments.db);
  const auto run = store.run(arguments.run);
  if (!run)
    throw std::runtime_error("no run " + std::to_string(arguments.run) + " in " + arguments.db);
  const auto names = objectiveNames(*run);
  const auto& format = arguments.format;
  std::ostringstream out;
  size_t count = 0;

  auto rowsOf = [&](const std::vector<std::string>& rows) {
    std::vector<nlohmann::json> parsed;
    for (const auto& row : rows)
      parsed.push_back(nlohmann::json::parse(row));
    return parsed;
  };

  if (arguments.what == "samples") {
    const auto rows = rowsOf(store.sampleRowsJson(arguments.run));
    std::vector<std::string> sequences;
    std::vector<std::vector<double>> values;
    for (const auto& row : rows) {
      sequences.push_back(row["sequence"]);
      std::vector<double> raw;
      for (const auto& value : row["raw_values"])
        raw.push_back(number(value));
      values.push_back(raw);
    }
    count = rows.size();
    if (format == "sdf") {
      count = engine::writeMoleculeSdf(arguments.out, sequences, names, values);
      std::fprintf(
        stderr, "paretolab-cli: wrote %zu molecules to %s\n", count, arguments.out.c_str());
      return 0;
    }
    if (format == "csv")
      out << engine::samplesCsv("sequence", sequences, names, values);
    else if (format == "fasta")
      for (size_t i = 0; i < rows.size(); ++i)
        out << ">run" << arguments.run << "_step" << rows[i]["step"].get<int64_t>() << '_'
            << rows[i]["policy"].get<std::string>() << '_' << i << '\n'
            << sequences[i] << '\n';
    else if (format == "jsonl")
      for (const auto& row : rows)
        out << row.dump() << '\n';
    else
      throw std::runtime_error("samples export as csv, sdf, fasta or jsonl, not " + format);
  } else if (arguments.what == "metrics" || arguments.what == "front") {
    auto rows = rowsOf(store.stepRowsJson(arguments.run));
    if (arguments.what == "front") {
      // The evaluated merged policies, one per round, and which are non-dominated.
      std::vector<nlohmann::json> merged;
      std::vector<engine::ObjectivePoint> points;
      for (const auto& row : rows)
        if (row["policy"] == "merged") {
          merged.push_back(row);
          engine::ObjectivePoint point;
          for (const auto& name : names)
            point.push_back(number(row["transformed_means"][name]));
          points.push_back(point);
        }
      std::vector<bool> front(points.size(), false);
      for (auto index : engine::nonDominatedIndices(points))
        front[index] = true;
      for (size_t i = 0; i < merged.size(); ++i)
        merged[i]["non_dominated"] = bool(front[i]);
      rows = merged;
    }
    count = rows.size();
    if (format == "jsonl") {
      for (const auto& row : rows)
        out << row.dump() << '\n';
    } else if (format == "csv") {
      out << "policy,step,round,average_reward,icv,kl,entropy";
      for (const auto& name : names)
        out << ',' << engine::csvField(name);
      if (arguments.what == "front")
        out << ",non_dominated";
      out << '\n';
      for (const auto& row : rows) {
        out << row["policy"].get<std::string>() << ',' << row["step"] << ',' << row["round"];
        for (const char* key : { "average_reward", "icv", "kl", "entropy" })
          out << ',' << (row[key].is_null() ? std::string{} : row[key].dump());
        for (const auto& name : names) {
          const auto& value = row["transformed_means"][name];
          out << ',' << (value.is_null() ? std::string{} : value.dump());
        }
        if (arguments.what == "front")
          out << ',' << (row["non_dominated"].get<bool>() ? 1 : 0);
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
  command->add_option("--format", arguments->format, "csv, sdf, fasta or jsonl")
    ->required()
    ->check(CLI::IsMember({ "csv", "sdf", "fasta", "jsonl" }));
  command->add_option("--out", arguments->out, "File to write")->required();
  command->callback([arguments, &exitCode] { exitCode = runExport(*arguments); });
}

} // namespace paretolab::cli
