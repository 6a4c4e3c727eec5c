// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"
#include "taskrunner.h"

#include "core/atomicfile.h"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

namespace paretolab::cli {

namespace {

struct ExperimentArguments : TaskArguments
{
  std::string periods = "1,2,4,T";
  int seeds = 3;
  std::string out;
};

/// "1,2,4,T" -> {1, 2, 4, 0}; 0 stands for T.
std::vector<int64_t>
parsePeriods(const std::string& text)
{
  std::vector<int64_t> periods;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');) {
    if (item == "T") {
      periods.push_back(0);
      continue;
    }
    size_t used = 0;
    int64_t value = 0;
    try {
      value = std::stoll(item, &used);
    } catch (const std::exception&) {
    }
    if (used != item.size() || value < 1)
      throw std::runtime_error("--m: \"" + item + "\" is not a positive integer or T");
    periods.push_back(value);
  }
  if (periods.empty())
    throw std::runtime_error("--m: give at least one merge period, e.g. 1,2,4,T");
  return periods;
}

std::string
methodName(int64_t period, int64_t totalSteps)
{
  if (period == 1)
    return "MORLHF";
  if (period == 0 || period >= totalSteps)
    return "RS";
  return "IterativeRS";
}

std::string
periodLabel(int64_t period)
{
  return period == 0 ? "T" : std::to_string(period);
}

std::pair<double, double>
meanAndStd(const std::vector<double>& values)
{
  double mean = 0.0;
  for (double v : values)
    mean += v;
  mean /= double(values.size());
  double variance = 0.0;
  for (double v : values)
    variance += (v - mean) * (v - mean);
  // Sample standard deviation across seeds, as papers report it.
  return { mean, values.size() > 1 ? std::sqrt(variance / double(values.size() - 1)) : 0.0 };
}

int
runExperiment(const ExperimentArguments& arguments)
{
  const auto periods = parsePeriods(arguments.periods);
  if (arguments.seeds < 1)
    throw std::runtime_error("--seeds must be at least 1");
  auto& stop = interruptSource();
  auto prepared = prepareTask(arguments, stop.get_token());
  const auto& task = prepared.task;

  std::ostringstream csv;
  csv << "method,m,seed,avg_reward,icv";
  for (const auto& objective : task.objectives)
    csv << ',' << objective.name;
  csv << '\n';

  std::map<int64_t, std::vector<double>> averages, icvs;
  bool cancelled = false;
  for (int64_t period : periods) {
    for (int s = 0; s < arguments.seeds && !cancelled; ++s) {
      auto options = task.training;
      options.mergePeriod = period;
      options.seed = task.training.seed + uint64_t(s);
      engine::IterativeRsTrainer trainer(
        prepared.domain, prepared.prior.policy, task.objectives, options);
      const auto label = "m=" + periodLabel(period) + " seed " + std::to_string(options.seed);
      const auto result = trainWithProgress(trainer, label, stop.get_token());
      if (result.cancelled) {
        cancelled = true;
        break;
      }
      const auto& final = result.final;
      csv << methodName(period, options.totalSteps) << ',' << periodLabel(period) << ','
          << options.seed << ',' << final.averageReward << ',' << final.icv;
      for (double mean : final.transformedMeans)
        csv << ',' << mean;
      csv << '\n';
      averages[period].push_back(final.averageReward);
      icvs[period].push_back(final.icv);
    }
  }
  engine::writeFileAtomically(arguments.out, csv.str());

  std::printf("%-12s %4s %6s   %-18s %-18s\n", "method", "m", "seeds", "avg reward", "ICV");
  for (int64_t period : periods) {
    if (!averages.count(period))
      continue;
    const auto [averageMean, averageStd] = meanAndStd(averages[period]);
    const auto [icvMean, icvStd] = meanAndStd(icvs[period]);
    std::printf("%-12s %4s %6zu   %.4f ± %-9.4f %.3f ± %.3f\n",
                methodName(period, task.training.totalSteps).c_str(),
                periodLabel(period).c_str(),
                averages[period].size(),
                averageMean,
                averageStd,
                icvMean,
                icvStd);
  }
  std::printf("table written to %s\n", arguments.out.c_str());
  return cancelled ? 130 : 0;
}

} // namespace

void
addExperimentCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<ExperimentArguments>();
  auto* command = app.add_subcommand(
    "experiment", "The m-ablation of the paper: train for each merge period and seed, tabulate");
  addTaskOptions(command, *arguments);
  command->add_option("--m", arguments->periods, "Merge periods, T for Rewarded Soups")
    ->capture_default_str();
  command->add_option("--seeds", arguments->seeds, "Seeds per merge period")->capture_default_str();
  command->add_option("--out", arguments->out, "CSV table to write")->required();
  command->callback([arguments, &exitCode] { exitCode = runExperiment(*arguments); });
}

} // namespace paretolab::cli
