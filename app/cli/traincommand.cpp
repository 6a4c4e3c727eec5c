// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "frontsweep.h"
#include "ranks.h"
#include "samplefiles.h"
#include "taskrunner.h"

#include "core/atomicfile.h"
#include "core/sha256.h"
#include "store/runsession.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace paretolab::cli {

namespace {

struct TrainArguments : TaskArguments
{
  std::string summary;
  std::string db = engine::RunStore::defaultPath();
  std::string resume; ///< "latest" or a run id
  int sweep = 0;      ///< simplex divisions of the front in the summary; 0: none
  int ranks = 0;      ///< train --ranks: this process and ranks - 1 workers on this machine
  RankOptions worker; ///< worker: this process's place among ranks started by hand
};

/// Joins the ranks the arguments ask for, if any: as rank 0 of local workers
/// it starts, or as a hand-started rank.
std::shared_ptr<engine::RankGroup>
joinRequestedRanks(const TrainArguments& arguments, std::unique_ptr<LocalRanks>& local)
{
  if (arguments.ranks > 1) {
    local = std::make_unique<LocalRanks>(
      arguments.ranks, arguments.worker.timeoutSeconds, arguments.cacheDirectory);
    return local->group();
  }
  if (arguments.worker.world > 1)
    return engine::joinRanks(arguments.worker.address());
  return nullptr;
}

void
printComparison(const engine::RunResult& result,
                const std::vector<engine::ObjectiveConfig>& objectives)
{
  std::printf("%-22s %12s %12s\n", "", "prior", "trained");
  for (size_t i = 0; i < objectives.size(); ++i)
    std::printf("%-22s %12.4f %12.4f\n",
                objectives[i].name.c_str(),
                result.initial.transformedMeans[i],
                result.final.transformedMeans[i]);
  std::printf("%-22s %12.4f %12.4f\n",
              "average reward",
              result.initial.averageReward,
              result.final.averageReward);
  std::printf("%-22s %12.4f %12.4f\n", "ICV (samples)", result.initial.icv, result.final.icv);
  std::printf("%-22s %12.4f %12.4f\n",
              "objective balance",
              result.initial.objectiveBalance,
              result.final.objectiveBalance);
  std::printf(
    "%-22s %12.4f %12.4f\n", "hypervolume", result.initial.hypervolume, result.final.hypervolume);
  std::printf(
    "%-22s %12.4f %12.4f\n", "KL to prior", result.initial.klToPrior, result.final.klToPrior);
  std::printf("over the valid, unique samples only:\n");
  std::printf("%-22s %12lld %12lld\n",
              "  samples",
              (long long)result.initial.validUnique.count,
              (long long)result.final.validUnique.count);
  std::printf("%-22s %12.4f %12.4f\n",
              "  average reward",
              result.initial.validUnique.averageReward,
              result.final.validUnique.averageReward);
  std::printf("%-22s %12.4f %12.4f\n",
              "  ICV (samples)",
              result.initial.validUnique.icv,
              result.final.validUnique.icv);
}

int
runTrain(const TrainArguments& arguments)
{
  if (arguments.worker.world > 1 && arguments.worker.rank > 0) {
    try {
      return runWorkerRank(engine::joinRanks(arguments.worker.address()), arguments.cacheDirectory);
    } catch (const engine::DistributedError& error) {
      std::fprintf(stderr, "paretolab-cli: error: %s\n", error.what());
      return 3;
    }
  }
  auto& stop = interruptSource();
  engine::RunSession session(arguments.db);
  if (!arguments.resume.empty())
    session.resume(session.resolve(arguments.resume));
  else if (arguments.config.empty())
    throw std::runtime_error("train needs --config TASK.json, or --resume latest|RUN_ID");
  const auto& resumeFrom = session.resumePoint();
  auto prepared = resumeFrom ? prepareTask(session.task(), arguments, stop.get_token())
                             : prepareTask(arguments, stop.get_token());
  if (!resumeFrom)
    session.create(prepared.task, prepared.prior.path);
  const auto& task = session.task();
  const auto runId = session.runId();
  const std::string resumedNote = resumeFrom ? ", resumed after merge round " +
                                                 std::to_string(resumeFrom->round) + " (step " +
                                                 std::to_string(resumeFrom->step) + ")"
                                             : std::string{};
  std::fprintf(stderr,
               "paretolab-cli: run %lld in %s%s\n",
               (long long)runId,
               arguments.db.c_str(),
               resumedNote.c_str());
  std::fprintf(stderr,
               "paretolab-cli: %s: %zu objectives, T = %lld, m = %s, prior %s (%lld parameters)\n",
               task.name.c_str(),
               task.objectives.size(),
               (long long)task.training.totalSteps,
               task.training.mergePeriod == 0 ? "T"
                                              : std::to_string(task.training.mergePeriod).c_str(),
               prepared.prior.path.c_str(),
               (long long)prepared.prior.policy.parameterCount());

  const auto trainerOwner =
    engine::makeTrainer(prepared.domain, prepared.prior.policy, task.objectives, task.training);
  auto& trainer = *trainerOwner;
  if (resumeFrom)
    trainer.resumeFrom(resumeFrom->path);
  std::unique_ptr<LocalRanks> local;
  const auto ranks = joinRequestedRanks(arguments, local);
  uint64_t setupBytes = 0; // the task, the prior and the checkpoint, sent once
  if (ranks) {
    trainer.distributeOver(ranks);
    shareRun(*ranks, task, prepared.prior.path, resumeFrom ? resumeFrom->path : std::string{});
    setupBytes = ranks->bytesMoved();
  }
  const auto recorder = session.recorder();
  const auto started = std::chrono::steady_clock::now();
  engine::RunResult result;
  try {
    result = trainWithProgress(trainer, "train", stop.get_token(), recorder.get());
    if (local && !result.cancelled)
      local->waitForWorkers();
  } catch (const std::exception& error) {
    // A lost rank, a full disk, a failed write: what was recorded up to the
    // last merge stays, and the user is told how to go on from it.
    const bool lostRank = dynamic_cast<const engine::DistributedError*>(&error) != nullptr;
    if (ranks)
      ranks->leave(); // the workers still waiting on rank 0 notice, and end
    std::fprintf(stderr,
                 "paretolab-cli: error: %s%s\nparetolab-cli: run %lld can go on from its last "
                 "merge: paretolab-cli train --resume %lld --db %s%s\n",
                 error.what(),
                 lostRank && local ? local->describeFailures().c_str() : "",
                 (long long)runId,
                 (long long)runId,
                 arguments.db.c_str(),
                 ranks ? " [--ranks N]" : "");
    return lostRank ? 3 : 2;
  }
  if (ranks)
    std::fprintf(stderr,
                 "paretolab-cli: %d ranks; rank 0 moved %llu bytes in %lld merges, after %llu "
                 "bytes to set up the ranks\n",
                 ranks->size(),
                 (unsigned long long)(ranks->bytesMoved() - setupBytes),
                 (long long)(result.rounds - (resumeFrom ? resumeFrom->round : 0)),
                 (unsigned long long)setupBytes);
  const double seconds =
    std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  session.finish(result);
  printComparison(result, task.objectives);
  if (result.cancelled)
    std::fprintf(stderr,
                 "paretolab-cli: stopped after %lld of %lld steps\n",
                 (long long)result.stepsDone,
                 (long long)task.training.totalSteps);

  if (!arguments.summary.empty()) {
    auto summary = evaluationJson(result.final, task.objectives);
    summary["task"] = task.name;
    summary["run"] = runId;
    summary["domain"] = task.domain;
    summary["steps"] = result.stepsDone;
    summary["rounds"] = result.rounds;
    summary["cancelled"] = result.cancelled;
    summary["seconds"] = seconds; // training and its evaluations; this process's run only
    if (arguments.sweep > 0 && !result.cancelled && result.rounds > 0) {
      const auto front = sweepFront(
        trainer, -1, arguments.sweep, task.training.evaluationBatch, "front", stop.get_token());
      auto& json = summary["front"];
      json["divisions"] = arguments.sweep;
      json["hypervolume"] = front.hypervolume;
      json["complete"] = front.complete;
      for (size_t i = 0; i < front.evaluations.size(); ++i)
        json["points"].push_back({ { "weights", front.weights[i] },
                                   { "per_objective", front.evaluations[i].transformedMeans },
                                   { "avg_reward", front.evaluations[i].averageReward },
                                   { "non_dominated", bool(front.nonDominated[i]) } });
    }
    summary["prior"] = prepared.prior.path;
    summary["config"] = task.source;
    summary["samples"] = result.final.samples;
    summary["initial"] = evaluationJson(result.initial, task.objectives);
    // The generative-model metrics of the prior's and the final policy's samples, against the
    // prior's held-out set where it ships with one, and what was measured of the prior itself.
    const auto companions = engine::priorCompanions(prepared.prior.path);
    std::vector<std::string> heldOut;
    if (!companions.heldOutPath.empty())
      for (auto& record : readSampleFile(*prepared.domain, companions.heldOutPath).records)
        heldOut.push_back(std::move(record.text));
    // Stopped during the sweep: the summary says so at once, without the
    // generative metrics, which can take minutes against a large corpus.
    if (stop.stop_requested())
      summary["cancelled"] = true;
    if (!prepared.domain->isConditional() && !stop.stop_requested()) {
      // completions are no corpus texts to compare with
      const auto corpus = prepared.domain->corpus();
      std::fprintf(stderr,
                   "paretolab-cli: generative metrics of the prior's and the final samples "
                   "against %zu corpus texts (Ctrl+C skips them)\n",
                   corpus.size());
      for (const auto& [key, evaluation] :
           { std::pair{ "initial", &result.initial }, { "final", &result.final } }) {
        auto metrics = prepared.domain->generativeMetrics(
          evaluation->samples, heldOut, corpus, stop.get_token());
        if (stop.stop_requested()) {
          summary.erase("generative_metrics");
          summary["cancelled"] = true;
          break;
        }
        summary["generative_metrics"][key] = std::move(metrics);
      }
    }
    if (companions.metrics.is_object())
      summary["prior_metrics"] = companions.metrics;
    engine::writeFileAtomically(arguments.summary, summary.dump(2) + "\n");
  }
  return result.cancelled || stop.stop_requested() ? 130 : 0;
}

void
addRunOptions(CLI::App* command, TrainArguments& arguments)
{
  addTaskOptions(command, arguments, /*configRequired=*/false);
  command->add_option("--db", arguments.db, "Run database (SQLite)")->capture_default_str();
  command->add_option(
    "--resume", arguments.resume, "Continue a run after its last merge round: latest or a run id");
  command->add_option("--summary", arguments.summary, "Write the final metrics as JSON here");
  command->add_option("--sweep",
                      arguments.sweep,
                      "With --summary: add the front over a simplex grid of this many divisions "
                      "(re-merged experts; CLP composed; MORLHF its one policy)");
  command
    ->add_option("--timeout",
                 arguments.worker.timeoutSeconds,
                 "With ranks: seconds a rank may wait for another before the run stops")
    ->capture_default_str()
    ->check(CLI::Range(1, 86400));
}

} // namespace

void
addTrainCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<TrainArguments>();
  auto* command = app.add_subcommand("train",
                                     "Fine-tune on a task's objectives with IterativeRS "
                                     "(m = T is Rewarded Soups), or with the task's "
                                     "method (morlhf: one policy; clp: one steerable policy)");
  addRunOptions(command, *arguments);
  command
    ->add_option("--ranks",
                 arguments->ranks,
                 "Train the experts on this many processes of this machine, merged over "
                 "c10d/Gloo (IterativeRS and RS; the same result as one process)")
    ->check(CLI::Range(1, 64));
  command->callback([arguments, &exitCode] { exitCode = runTrain(*arguments); });

  auto worker = std::make_shared<TrainArguments>();
  auto* workerCommand =
    app.add_subcommand("worker",
                       "One rank of a distributed run, started by hand or by a scheduler on "
                       "each machine: rank 0 takes train's options and records the run; the "
                       "other ranks receive the task and the prior from it");
  addRunOptions(workerCommand, *worker);
  workerCommand->add_option("--rank", worker->worker.rank, "This process's rank, 0 .. world - 1")
    ->required();
  workerCommand->add_option("--world", worker->worker.world, "How many ranks the run has")
    ->required()
    ->check(CLI::Range(1, 64));
  workerCommand->add_option("--master", worker->worker.master, "Rank 0's HOST:PORT")->required();
  workerCommand->add_option(
    "--bind", worker->worker.bind, "The address to bind (default: the route to the master)");
  workerCommand->callback([worker, &exitCode] { exitCode = runTrain(*worker); });
}

} // namespace paretolab::cli
