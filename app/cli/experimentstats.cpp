// SPDX-License-Identifier: GPL-3.0-or-later
#include "experimentstats.h"
#include "csvnumber.h"

#include <boost/math/distributions/students_t.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace paretolab::cli {

namespace {

std::string
plusMinus(const Estimate& estimate, int decimals)
{
  if (estimate.count == 0)
    return "–";
  char text[64];
  if (estimate.count == 1)
    std::snprintf(text, sizeof text, "%.*f", decimals, estimate.mean);
  else
    std::snprintf(
      text, sizeof text, "%.*f ± %.*f", decimals, estimate.mean, decimals, estimate.halfWidth);
  return text;
}

std::string
groupKey(const ExperimentCell& cell)
{
  return cell.method + "/" + cell.periodLabel() + "/" + cell.optimizer;
}

} // namespace

Estimate
estimate(const std::vector<double>& values)
{
  Estimate result;
  std::vector<double> finite;
  for (double value : values)
    if (std::isfinite(value))
      finite.push_back(value);
  result.count = finite.size();
  if (finite.empty())
    return result;
  for (double value : finite)
    result.mean += value;
  result.mean /= double(finite.size());
  if (finite.size() < 2)
    return result;
  double squares = 0.0;
  for (double value : finite)
    squares += (value - result.mean) * (value - result.mean);
  const double n = double(finite.size());
  const boost::math::students_t t(n - 1.0);
  result.halfWidth = boost::math::quantile(t, 0.975) * std::sqrt(squares / (n - 1.0) / n);
  return result;
}

std::vector<GroupedResult>
groupResults(const std::vector<CellResult>& results)
{
  std::vector<GroupedResult> groups;
  std::vector<std::string> keys;
  std::vector<std::vector<const CellResult*>> members;
  for (const auto& result : results) {
    const auto key = groupKey(result.cell);
    auto found = std::find(keys.begin(), keys.end(), key);
    if (found == keys.end()) {
      keys.push_back(key);
      members.emplace_back();
      found = keys.end() - 1;
    }
    members[size_t(found - keys.begin())].push_back(&result);
  }
  for (const auto& group : members) {
    GroupedResult grouped;
    grouped.cell = group.front()->cell;
    const auto over = [&](auto field) {
      std::vector<double> values;
      for (const auto* result : group)
        values.push_back(field(*result));
      return estimate(values);
    };
    grouped.averageReward = over([](const CellResult& r) { return r.averageReward; });
    grouped.icv = over([](const CellResult& r) { return r.icv; });
    grouped.objectiveBalance = over([](const CellResult& r) { return r.objectiveBalance; });
    grouped.validUniqueAverageReward =
      over([](const CellResult& r) { return r.validUniqueAverageReward; });
    grouped.frontHypervolume = over([](const CellResult& r) { return r.frontHypervolume; });
    grouped.seconds = over([](const CellResult& r) { return r.seconds; });
    for (size_t j = 0; j < group.front()->perObjective.size(); ++j)
      grouped.perObjective.push_back(over([j](const CellResult& r) { return r.perObjective[j]; }));
    groups.push_back(std::move(grouped));
  }
  return groups;
}

std::string
resultsCsv(const std::vector<CellResult>& results, const std::vector<std::string>& objectives)
{
  std::ostringstream csv;
  csv << "method,m,seed,avg_reward,icv,objective_balance";
  for (const auto& objective : objectives)
    csv << ',' << objective;
  csv << ",optimizer_at_merge,valid_unique_avg_reward,valid_unique_icv,front_hypervolume,seconds\n";
  for (const auto& result : results) {
    csv << result.cell.methodTitle() << ',' << result.cell.periodLabel() << ',' << result.cell.seed
        << ',' << csvNumber(result.averageReward) << ',' << csvNumber(result.icv) << ','
        << csvNumber(result.objectiveBalance);
    for (double mean : result.perObjective)
      csv << ',' << csvNumber(mean);
    csv << ',' << result.cell.optimizer << ',' << csvNumber(result.validUniqueAverageReward) << ','
        << csvNumber(result.validUniqueIcv) << ',' << csvNumber(result.frontHypervolume) << ','
        << csvNumber(result.seconds) << '\n';
  }
  return csv.str();
}

std::string
resultsMarkdown(const std::vector<CellResult>& results, const std::vector<std::string>& objectives)
{
  const auto groups = groupResults(results);
  const bool withOptimizer = std::any_of(
    groups.begin(), groups.end(), [](const auto& group) { return !group.cell.optimizer.empty(); });
  const bool withFront = std::any_of(groups.begin(), groups.end(), [](const auto& group) {
    return group.frontHypervolume.count > 0;
  });
  std::ostringstream md;
  md << "| method | m |" << (withOptimizer ? " optimizer at merge |" : "")
     << " seeds | average reward | ICV (samples) | objective balance |";
  for (const auto& objective : objectives)
    md << ' ' << objective << " |";
  md << " average reward, valid unique |" << (withFront ? " front hypervolume |" : "")
     << " seconds |\n|---|---|" << (withOptimizer ? "---|" : "") << "---|";
  for (size_t i = 0; i < objectives.size() + 5 + (withFront ? 1 : 0); ++i)
    md << "---|";
  md << '\n';
  for (const auto& group : groups) {
    md << "| " << group.cell.methodTitle() << " | " << group.cell.periodLabel() << " | ";
    if (withOptimizer)
      md << (group.cell.optimizer.empty() ? "–" : group.cell.optimizer) << " | ";
    md << group.averageReward.count << " | " << plusMinus(group.averageReward, 3) << " | "
       << plusMinus(group.icv, 2) << " | " << plusMinus(group.objectiveBalance, 2) << " |";
    for (const auto& objective : group.perObjective)
      md << ' ' << plusMinus(objective, 3) << " |";
    md << ' ' << plusMinus(group.validUniqueAverageReward, 3) << " |";
    if (withFront)
      md << ' ' << plusMinus(group.frontHypervolume, 3) << " |";
    md << ' ' << plusMinus(group.seconds, 0) << " |\n";
  }
  md << "\nMean ± half-width of the two-sided 95 % Student-t interval over seeds. The figures "
        "are over every sample of the final evaluation batch (the task's weights), the valid-"
        "unique column over its valid, unique samples only.";
  if (withFront)
    md << " The front hypervolume is that of the transformed mean rewards of a simplex sweep of "
          "the weights (reference point 0); MORLHF, which the weights cannot steer, has one "
          "point.";
  md << " Seconds are the training process's wall time.\n";
  return md.str();
}

} // namespace paretolab::cli
