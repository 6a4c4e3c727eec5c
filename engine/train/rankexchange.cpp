// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/rankexchange.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace paretolab::engine {

namespace {

using nlohmann::json;

/// JSON has no NaN (an objective without a value): it travels as null.
json
number(double value)
{
  return std::isfinite(value) ? json(value) : json(nullptr);
}

double
number(const json& value)
{
  return value.is_null() ? std::numeric_limits<double>::quiet_NaN() : value.get<double>();
}

json
numbers(const std::vector<double>& values)
{
  auto array = json::array();
  for (double value : values)
    array.push_back(number(value));
  return array;
}

std::vector<double>
numbers(const json& array)
{
  std::vector<double> values;
  for (const auto& value : array)
    values.push_back(number(value));
  return values;
}

json
toJson(const StepReport& report)
{
  json metrics = json::object();
  for (const auto& [name, value] : report.domainMetrics)
    metrics[name] = number(value);
  return { { "step", report.step },
           { "round", report.round },
           { "expert", report.expert },
           { "raw", numbers(report.rawMeans) },
           { "transformed", numbers(report.transformedMeans) },
           { "average", number(report.averageReward) },
           { "icv", number(report.icv) },
           { "balance", number(report.objectiveBalance) },
           { "kl", number(report.klToPrior) },
           { "entropy", number(report.entropy) },
           { "clip", number(report.clipFraction) },
           { "metrics", metrics },
           { "seconds", report.seconds } };
}

StepReport
stepReport(const json& value)
{
  StepReport report;
  report.step = value.at("step").get<int64_t>();
  report.round = value.at("round").get<int64_t>();
  report.expert = value.at("expert").get<int>();
  report.rawMeans = numbers(value.at("raw"));
  report.transformedMeans = numbers(value.at("transformed"));
  report.averageReward = number(value.at("average"));
  report.icv = number(value.at("icv"));
  report.objectiveBalance = number(value.at("balance"));
  report.klToPrior = number(value.at("kl"));
  report.entropy = number(value.at("entropy"));
  report.clipFraction = number(value.at("clip"));
  for (const auto& [name, metric] : value.at("metrics").items())
    report.domainMetrics[name] = number(metric);
  report.seconds = value.at("seconds").get<double>();
  return report;
}

} // namespace

void
exchangeExperts(RankGroup& ranks,
                std::vector<Expert>& experts,
                const std::vector<int>& subset,
                bool withOptimizers)
{
  for (int k : subset) {
    auto& expert = experts[size_t(k)];
    const bool mine = ranks.owns(size_t(k));
    const auto bytes = ranks.broadcast(mine ? packExpert(expert, withOptimizers) : std::string{},
                                       ranks.ownerOf(size_t(k)));
    if (!mine)
      unpackExpert(expert, bytes);
  }
}

std::vector<StepReport>
gatherStepReports(RankGroup& ranks, std::vector<StepReport> mine)
{
  std::vector<StepReport> all;
  if (ranks.isRoot())
    all = std::move(mine);
  for (int sender = 1; sender < ranks.size(); ++sender) {
    std::string bytes;
    if (ranks.rank() == sender) {
      auto array = json::array();
      for (const auto& report : mine)
        array.push_back(toJson(report));
      bytes = array.dump();
    }
    bytes = ranks.broadcast(std::move(bytes), sender);
    if (ranks.isRoot())
      for (const auto& value : json::parse(bytes))
        all.push_back(stepReport(value));
  }
  return all;
}

std::vector<double>
broadcastFromRoot(RankGroup& ranks, const std::vector<double>& values)
{
  return numbers(json::parse(ranks.broadcast(ranks.isRoot() ? numbers(values).dump() : "", 0)));
}

std::vector<int>
broadcastFromRoot(RankGroup& ranks, const std::vector<int>& values)
{
  return json::parse(ranks.broadcast(ranks.isRoot() ? json(values).dump() : "", 0))
    .get<std::vector<int>>();
}

void
requireSameRun(RankGroup& ranks, const std::string& description)
{
  const auto root = ranks.broadcast(description, 0);
  if (root != description)
    throw DistributedError("rank " + std::to_string(ranks.rank()) +
                           " is not set up as rank 0 is: rank 0 has " + root + ", this rank " +
                           description);
}

} // namespace paretolab::engine
