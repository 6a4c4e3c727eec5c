// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "taskrunner.h"

#include "core/atomicfile.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <memory>

namespace paretolab::cli {

namespace {

struct TrainArguments : TaskArguments
{
  std::string summary;
};

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
  std::printf("%-22s %12.4f %12.4f\n", "ICV", result.initial.icv, result.final.icv);
  std::printf(
    "%-22s %12.4f %12.4f\n", "hypervolume", result.initial.hypervolume, result.final.hypervolume);
  std::printf(
    "%-22s %12.4f %12.4f\n", "KL to prior", result.initial.klToPrior, result.final.klToPrior);
}

int
runTrain(const TrainArguments& arguments)
{
  auto& stop = interruptSource();
  auto prepared = prepareTask(arguments, stop.get_token());
  const auto& task = prepared.task;
  std::fprintf(stderr,
               "paretolab-cli: %s: %zu objectives, T = %lld, m = %s, prior %s\n",
               task.name.c_str(),
               task.objectives.size(),
               (long long)task.training.totalSteps,
               task.training.mergePeriod == 0 ? "T"
                                              : std::to_string(task.training.mergePeriod).c_str(),
               prepared.prior.path.c_str());

  engine::IterativeRsTrainer trainer(
    prepared.domain, prepared.prior.policy, task.objectives, task.training);
  const auto result = trainWithProgress(trainer, "train", stop.get_token());
  printComparison(result, task.objectives);
  if (result.cancelled)
    std::fprintf(stderr,
                 "paretolab-cli: stopped after %lld of %lld steps\n",
                 (long long)result.stepsDone,
                 (long long)task.training.totalSteps);

  if (!arguments.summary.empty()) {
    auto summary = evaluationJson(result.final, task.objectives);
    summary["task"] = task.name;
    summary["domain"] = task.domain;
    summary["steps"] = result.stepsDone;
    summary["rounds"] = result.rounds;
    summary["cancelled"] = result.cancelled;
    summary["prior"] = prepared.prior.path;
    summary["config"] = task.source;
    summary["samples"] = result.final.samples;
    summary["initial"] = evaluationJson(result.initial, task.objectives);
    engine::writeFileAtomically(arguments.summary, summary.dump(2) + "\n");
  }
  return result.cancelled ? 130 : 0;
}

} // namespace

void
addTrainCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<TrainArguments>();
  auto* command = app.add_subcommand("train",
                                     "Fine-tune on a task's objectives with IterativeRS "
                                     "(m = 1 is MORLHF, m = T is Rewarded Soups)");
  addTaskOptions(command, *arguments);
  command->add_option("--summary", arguments->summary, "Write the final metrics as JSON here");
  command->callback([arguments, &exitCode] { exitCode = runTrain(*arguments); });
}

} // namespace paretolab::cli
