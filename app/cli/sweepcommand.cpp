// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab-cli sweep: the Rewarded-Soups front of a stored run's experts.
// Each weight vector of a simplex grid re-merges the experts of one merge
// round; each merged policy is evaluated; the points go to a CSV, a plot and
// the run database (where the GUI shows them with the run).
#include "commands.h"
#include "csvnumber.h"
#include "frontsweep.h"
#include "offscreengui.h"
#include "taskrunner.h"

#include "core/atomicfile.h"
#include "metrics/simplexgrid.h"
#include "paretoplot.h"
#include "plotexport.h"
#include "store/runsession.h"
#include "store/runstore.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>

namespace paretolab::cli {

namespace {

struct SweepArguments : TaskArguments
{
  std::string db = engine::RunStore::defaultPath();
  int64_t run = 0;
  std::string round = "final";
  int divisions = 10;
  int64_t samples = 0; ///< 0: the task's evaluation batch
  std::string out;
  bool keep = true;
};

/// The merge round to sweep and its checkpoint.
engine::RunStore::MergeCheckpoint
chosenRound(const engine::RunStore& store, int64_t run, const std::string& which)
{
  std::optional<engine::RunStore::MergeCheckpoint> chosen;
  for (const auto& merge : store.merges(run)) {
    if (merge.round == 0 || merge.checkpoint.empty())
      continue;
    if (which == "final" || std::to_string(merge.round) == which)
      chosen = engine::RunStore::MergeCheckpoint{
        merge.round, merge.step, merge.checkpoint, merge.checkpointSha256
      };
  }
  if (!chosen)
    throw std::runtime_error("run " + std::to_string(run) +
                             (which == "final"
                                ? std::string(" has no merge round with a checkpoint to sweep")
                                : " has no checkpoint of merge round " + which));
  return *chosen;
}

int
runSweep(const SweepArguments& arguments)
{
  if (arguments.divisions < 1)
    throw std::runtime_error("--divisions must be at least 1");
  engine::RunStore store(arguments.db);
  const auto record = store.run(arguments.run);
  if (!record)
    throw std::runtime_error("no run " + std::to_string(arguments.run) + " in " + arguments.db);
  const auto task = engine::storedTask(*record);
  if (task.training.method == engine::Method::Morlhf)
    throw std::runtime_error("run " + std::to_string(arguments.run) +
                             " is MORLHF: one policy, no experts to sweep");
  const auto round = chosenRound(store, arguments.run, arguments.round);
  engine::verifyCheckpoint(round, arguments.run);

  auto& stop = interruptSource();
  auto prepared = prepareTask(task, arguments, stop.get_token());
  const auto trainerOwner =
    engine::makeTrainer(prepared.domain, prepared.prior.policy, task.objectives, task.training);
  auto& trainer = *trainerOwner;
  trainer.loadRound(round.path);

  const auto samples = arguments.samples > 0 ? arguments.samples : task.training.evaluationBatch;
  const auto points = engine::simplexGrid(task.objectives.size(), arguments.divisions).size();
  std::fprintf(stderr,
               "paretolab-cli: sweeping the experts of run %lld, round %lld: %zu weight vectors "
               "x %lld samples\n",
               (long long)arguments.run,
               (long long)round.round,
               points,
               (long long)samples);
  const auto front =
    sweepFront(trainer, round.round, arguments.divisions, samples, "sweep", stop.get_token());
  const auto& evaluations = front.evaluations;
  const auto& grid = front.weights;
  const auto& nonDominated = front.nonDominated;

  std::ostringstream csv;
  for (const auto& objective : task.objectives)
    csv << "lambda_" << objective.name << ',';
  for (const auto& objective : task.objectives)
    csv << objective.name << ',';
  for (const auto& objective : task.objectives)
    csv << objective.name << "_raw,";
  csv << "avg_reward,icv,objective_balance,hypervolume,non_dominated\n";
  const auto offscreen = std::make_unique<OffscreenGui>();
  widgets::ParetoPlot plot;
  QStringList names;
  for (const auto& objective : task.objectives)
    names << QString::fromStdString(objective.name);
  plot.setObjectiveNames(names);
  for (size_t i = 0; i < evaluations.size(); ++i) {
    const auto& evaluation = evaluations[i];
    for (double weight : grid[i])
      csv << csvNumber(weight) << ',';
    for (double mean : evaluation.transformedMeans)
      csv << csvNumber(mean) << ',';
    for (double mean : evaluation.rawMeans)
      csv << csvNumber(mean) << ',';
    csv << csvNumber(evaluation.averageReward) << ',' << csvNumber(evaluation.icv) << ','
        << csvNumber(evaluation.objectiveBalance) << ',' << csvNumber(evaluation.hypervolume) << ','
        << (nonDominated[i] ? 1 : 0) << '\n';
    if (arguments.keep)
      store.recordFrontPoint(arguments.run,
                             { .kind = "sweep",
                               .round = round.round,
                               .lambda = grid[i],
                               .means = evaluation.transformedMeans,
                               .rawMeans = evaluation.rawMeans,
                               .nonDominated = nonDominated[i] });
    widgets::FrontPoint point;
    point.objectives =
      QVector<double>(evaluation.transformedMeans.begin(), evaluation.transformedMeans.end());
    point.lambda = QVector<double>(grid[i].begin(), grid[i].end());
    point.kind = widgets::PointKind::Sweep;
    point.icv = evaluation.icv;
    plot.addPoint(point);
  }
  engine::writeFileAtomically(arguments.out, csv.str());
  const auto stem = (std::filesystem::path(arguments.out).parent_path() /
                     std::filesystem::path(arguments.out).stem())
                      .string();
  for (const char* extension : { ".png", ".svg" }) {
    const auto problem = widgets::exportPlot(&plot,
                                             QString::fromStdString(stem + extension),
                                             640,
                                             480,
                                             std::string(extension) == ".png" ? 150 : 96);
    if (!problem.isEmpty())
      std::fprintf(stderr, "paretolab-cli: %s\n", problem.toUtf8().constData());
  }
  std::printf("%zu of %zu points are non-dominated; front hypervolume %.4f\n",
              size_t(std::count(nonDominated.begin(), nonDominated.end(), true)),
              evaluations.size(),
              plot.hypervolume());
  std::printf("front: %s; plot: %s.png, %s.svg%s\n",
              arguments.out.c_str(),
              stem.c_str(),
              stem.c_str(),
              arguments.keep ? "; points kept with the run" : "");
  if (!front.complete) {
    std::fprintf(
      stderr, "paretolab-cli: stopped after %zu of %zu points\n", evaluations.size(), points);
    return 130;
  }
  return 0;
}

} // namespace

void
addSweepCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<SweepArguments>();
  auto* command = app.add_subcommand(
    "sweep", "The Rewarded-Soups front of a stored run's experts over a simplex grid of weights");
  command->add_option("--db", arguments->db, "Run database (SQLite)")->capture_default_str();
  command->add_option("--run", arguments->run, "Run id (paretolab-cli runs lists them)")
    ->required();
  command->add_option("--round", arguments->round, "final, or a merge round's number")
    ->capture_default_str();
  command->add_option("--divisions", arguments->divisions, "Grid steps per weight (1/divisions)")
    ->capture_default_str();
  command->add_option(
    "--samples", arguments->samples, "Samples per point (default: the task's evaluation batch)");
  command->add_option("--prior", arguments->prior, "Use this prior checkpoint, not the cache");
  command->add_option("--cache-dir", arguments->cacheDirectory, "Where priors are cached")
    ->capture_default_str();
  command->add_flag("!--no-keep",
                    arguments->keep,
                    "Do not record the points with the run (the GUI shows recorded ones)");
  command->add_option("--out", arguments->out, "CSV to write; the plot (.png, .svg) goes beside it")
    ->required();
  command->callback([arguments, &exitCode] { exitCode = runSweep(*arguments); });
}

} // namespace paretolab::cli
