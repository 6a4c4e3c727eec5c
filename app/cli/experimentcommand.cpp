// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab-cli experiment: methods x m x optimizer choices x seeds, each cell
// a `train` of its own in a child process, cells side by side where there are
// cores. A cell's summary is its result; cells that have one are not run
// again, and a cell killed midway resumes from its last merge, so an
// interrupted experiment continues where it stopped.
#include "ablationplot.h"
#include "childprocess.h"
#include "commands.h"
#include "experimentplan.h"
#include "experimentstats.h"
#include "taskrunner.h"

#include "core/atomicfile.h"
#include "store/runstore.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>

namespace paretolab::cli {

namespace {

namespace fs = std::filesystem;

struct ExperimentArguments : TaskArguments
{
  std::string methods = "morlhf,iterativers,rs";
  std::string periods = "1,4,16";
  std::string optimizers;
  int seeds = 5;
  int jobs = 0;
  int sweep = 0; ///< simplex divisions of each cell's front; 0: none
  std::string out;
};

/// Where one cell keeps its summary, run database and log.
struct CellFiles
{
  fs::path summary, database, log;
};

/// A folder per cell: its run database keeps its checkpoints beside it.
CellFiles
filesOf(const fs::path& directory, const ExperimentCell& cell)
{
  const auto folder = directory / cell.name();
  return { folder / "summary.json", folder / "runs.sqlite", folder / "train.log" };
}

std::optional<CellResult>
readResult(const ExperimentCell& cell, const fs::path& summary, const engine::TaskConfig& task)
{
  std::ifstream in(summary);
  if (!in)
    return std::nullopt;
  const auto json = nlohmann::json::parse(in, nullptr, false);
  if (!json.is_object() || json.value("cancelled", true))
    return std::nullopt;
  const auto number = [](const nlohmann::json& value) {
    return value.is_number() ? value.get<double>() : std::nan("");
  };
  CellResult result;
  result.cell = cell;
  result.averageReward = number(json["avg_reward"]);
  result.icv = number(json["icv"]);
  result.objectiveBalance = number(json["objective_balance"]);
  for (const auto& objective : task.objectives)
    result.perObjective.push_back(number(json["per_objective"][objective.name]));
  const auto& validUnique = json["valid_unique"];
  result.validUniqueAverageReward = number(validUnique["avg_reward"]);
  result.validUniqueIcv = number(validUnique["icv"]);
  // Summaries of cells trained without --sweep, or by an older version, lack these.
  const auto front = json.find("front");
  if (front != json.end() && front->is_object())
    result.frontHypervolume = number(front->value("hypervolume", nlohmann::json()));
  result.seconds = number(json.value("seconds", nlohmann::json()));
  return result;
}

/// The run in a cell's database that can be continued, if any.
std::optional<int64_t>
resumableRun(const fs::path& database)
{
  if (!fs::exists(database))
    return std::nullopt;
  try {
    const engine::RunStore store(database.string());
    const auto runs = store.runs();
    if (!runs.empty() && runs.back().status != "finished" && store.lastCheckpoint(runs.back().id))
      return runs.back().id;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

/// Steps a running cell has done, read from its database (0 while it starts).
int64_t
stepsDone(const fs::path& database)
{
  try {
    const engine::RunStore store(database.string());
    const auto runs = store.runs();
    return runs.empty() ? 0 : runs.back().steps;
  } catch (const std::exception&) {
    return 0; // not created yet, or busy: the next poll reads it
  }
}

std::vector<std::string>
childArguments(const ExperimentArguments& arguments,
               const ExperimentCell& cell,
               const CellFiles& files,
               const std::string& priorPath,
               int threads)
{
  std::vector<std::string> child{ "paretolab-cli", "--threads", std::to_string(threads), "train" };
  if (const auto run = resumableRun(files.database)) {
    child.insert(child.end(), { "--resume", std::to_string(*run) });
  } else {
    fs::remove(files.database);
    fs::remove_all(files.database.parent_path() / "checkpoints");
    child.insert(child.end(),
                 { "--config", fs::absolute(engine::locateTaskFile(arguments.config)).string() });
    for (const auto& assignment : arguments.overrides)
      child.insert(child.end(), { "--set", assignment });
    for (const auto& assignment : cell.overrides())
      child.insert(child.end(), { "--set", assignment });
  }
  if (arguments.sweep > 0)
    child.insert(child.end(), { "--sweep", std::to_string(arguments.sweep) });
  child.insert(child.end(),
               { "--summary",
                 files.summary.string(),
                 "--db",
                 files.database.string(),
                 "--cache-dir",
                 arguments.cacheDirectory,
                 "--prior",
                 priorPath });
  return child;
}

/// The last line of a log, to say why a cell failed.
std::string
lastLine(const fs::path& log)
{
  std::ifstream in(log);
  std::string line, last;
  while (std::getline(in, line))
    if (!line.empty())
      last = line;
  return last;
}

struct RunningCell
{
  size_t index;
  std::unique_ptr<ChildProcess> process;
  std::chrono::steady_clock::time_point started;
};

int
runExperiment(const ExperimentArguments& arguments)
{
  ExperimentFactors factors;
  factors.methods = parseMethods(arguments.methods);
  factors.periods = parsePeriods(arguments.periods);
  factors.optimizers = parseOptimizers(arguments.optimizers);
  factors.seeds = arguments.seeds;
  if (arguments.seeds < 1)
    throw std::runtime_error("--seeds must be at least 1");
  auto& stop = interruptSource();
  // The prior once, here, so that the cells share it rather than race to pretrain it.
  auto prepared = prepareTask(arguments, stop.get_token());
  const auto& task = prepared.task;
  factors.firstSeed = task.training.seed;
  const auto cells = planExperiment(factors);
  // Every cell's task is checked before anything runs: a bad combination
  // fails now, not an hour in.
  for (const auto& cell : cells) {
    auto overrides = arguments.overrides;
    for (const auto& assignment : cell.overrides())
      overrides.push_back(assignment);
    engine::loadTaskConfig(arguments.config, overrides);
  }

  const fs::path out(arguments.out);
  const fs::path directory = out.parent_path() / (out.stem().string() + ".cells");
  fs::create_directories(directory);
  std::vector<std::optional<CellResult>> results(cells.size());
  std::deque<size_t> queue;
  for (size_t i = 0; i < cells.size(); ++i) {
    results[i] = readResult(cells[i], filesOf(directory, cells[i]).summary, task);
    if (!results[i])
      queue.push_back(i);
  }
  const int cores = int(std::max(1U, std::thread::hardware_concurrency()));
  const int jobs = std::max(1,
                            std::min<int>(arguments.jobs > 0 ? arguments.jobs : cores,
                                          int(std::max<size_t>(queue.size(), 1))));
  const int threads = std::max(1, cores / jobs);
  std::fprintf(stderr,
               "paretolab-cli: %zu cells (%zu done before), %d at a time with %d thread%s each; "
               "logs in %s\n",
               cells.size(),
               cells.size() - queue.size(),
               jobs,
               threads,
               threads == 1 ? "" : "s",
               directory.c_str());

  const int64_t stepsPerCell = task.training.totalSteps;
  ProgressBar bar("experiment", int64_t(cells.size()) * stepsPerCell);
  std::vector<RunningCell> running;
  std::vector<std::string> failures;
  bool cancelled = false;
  while (!queue.empty() || !running.empty()) {
    if (stop.stop_requested() && !cancelled) {
      cancelled = true;
      queue.clear();
      for (auto& cell : running)
        cell.process->interrupt(); // each stops after its step, its last merge kept
    }
    while (!cancelled && !queue.empty() && int(running.size()) < jobs) {
      const auto index = queue.front();
      queue.pop_front();
      const auto files = filesOf(directory, cells[index]);
      fs::create_directories(files.log.parent_path());
      running.push_back(
        { index,
          std::make_unique<ChildProcess>(
            childArguments(arguments, cells[index], files, prepared.prior.path, threads),
            files.log.string()),
          std::chrono::steady_clock::now() });
    }
    for (auto it = running.begin(); it != running.end();) {
      const auto code = it->process->poll();
      if (!code) {
        ++it;
        continue;
      }
      const auto& cell = cells[it->index];
      const auto files = filesOf(directory, cell);
      results[it->index] = readResult(cell, files.summary, task);
      const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - it->started).count();
      if (results[it->index]) {
        bar.finish();
        std::fprintf(stderr,
                     "paretolab-cli: %s: average reward %.4f, ICV %.3f (%s)\n",
                     cell.name().c_str(),
                     results[it->index]->averageReward,
                     results[it->index]->icv,
                     formatDuration(seconds).c_str());
      } else if (!cancelled) {
        failures.push_back(cell.name() + " (exit " + std::to_string(*code) +
                           "): " + lastLine(files.log) + " [log: " + files.log.string() + "]");
      }
      it = running.erase(it);
    }
    int64_t done = 0;
    for (const auto& result : results)
      done += result ? stepsPerCell : 0;
    for (const auto& cell : running)
      done += stepsDone(filesOf(directory, cells[cell.index]).database);
    bar.update(done,
               std::to_string(std::count_if(
                 results.begin(), results.end(), [](const auto& r) { return r.has_value(); })) +
                 "/" + std::to_string(cells.size()) + " cells");
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  bar.finish();

  std::vector<CellResult> finished;
  for (const auto& result : results)
    if (result)
      finished.push_back(*result);
  std::vector<std::string> names;
  for (const auto& objective : task.objectives)
    names.push_back(objective.name);
  if (!finished.empty()) {
    engine::writeFileAtomically(arguments.out, resultsCsv(finished, names));
    const auto stem = (out.parent_path() / out.stem()).string();
    const auto markdown = resultsMarkdown(finished, names);
    engine::writeFileAtomically(stem + ".md", markdown);
    const auto problem = writeAblationPlot(groupResults(finished), task.name, stem);
    std::printf("%s\n", markdown.c_str());
    std::printf("table: %s, %s.md; plot: %s.png, %s.svg\n",
                arguments.out.c_str(),
                stem.c_str(),
                stem.c_str(),
                stem.c_str());
    if (!problem.empty())
      std::fprintf(stderr, "paretolab-cli: the plot was not written: %s\n", problem.c_str());
  }
  for (const auto& failure : failures)
    std::fprintf(stderr, "paretolab-cli: cell %s\n", failure.c_str());
  if (cancelled) {
    std::fprintf(stderr,
                 "paretolab-cli: interrupted with %zu of %zu cells done; run the same command "
                 "again to continue\n",
                 finished.size(),
                 cells.size());
    return 130;
  }
  return failures.empty() ? 0 : 1;
}

} // namespace

void
addExperimentCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<ExperimentArguments>();
  auto* command = app.add_subcommand("experiment",
                                     "Compare MORLHF, IterativeRS over merge periods m, RS (m = "
                                     "T), CLP and RiC over seeds: a CSV, a "
                                     "Markdown table with 95 % CIs and a plot");
  addTaskOptions(command, *arguments);
  command->add_option("--methods", arguments->methods, "Of morlhf, iterativers, rs, clp, ric")
    ->capture_default_str();
  command->add_option("--m", arguments->periods, "IterativeRS's merge periods (T: at the end)")
    ->capture_default_str();
  command
    ->add_option("--optimizer-at-merge",
                 arguments->optimizers,
                 "Also vary the optimizer at merges: of reset, keep, merge (default: the task's)")
    ->capture_default_str();
  command->add_option("--seeds", arguments->seeds, "Seeds per cell, from the task's seed on")
    ->capture_default_str();
  command->add_option("--jobs", arguments->jobs, "Cells at once (default: one per core)");
  command->add_option("--sweep",
                      arguments->sweep,
                      "Also sweep each cell's front over a simplex grid of this many divisions, "
                      "for its hypervolume (0: no sweep)");
  command
    ->add_option("--out",
                 arguments->out,
                 "CSV to write; the Markdown table, plot and the cells' files go beside it")
    ->required();
  command->callback([arguments, &exitCode] { exitCode = runExperiment(*arguments); });
}

} // namespace paretolab::cli
