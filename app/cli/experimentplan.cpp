// SPDX-License-Identifier: GPL-3.0-or-later
#include "experimentplan.h"

#include "samplefiles.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace paretolab::cli {

namespace {

std::vector<std::string>
parseChoices(const std::string& text,
             const std::vector<std::string>& allowed,
             const std::string& option)
{
  auto items = splitList(text);
  for (const auto& item : items)
    if (std::find(allowed.begin(), allowed.end(), item) == allowed.end()) {
      std::string list;
      for (const auto& choice : allowed)
        list += (list.empty() ? "" : ", ") + choice;
      throw std::runtime_error(option + ": \"" + item + "\" is not one of " + list);
    }
  return items;
}

} // namespace

std::string
ExperimentCell::name() const
{
  std::string name = method;
  if (method == "iterativers")
    name += "-m" + periodLabel();
  if (!optimizer.empty())
    name += "-" + optimizer;
  return name + "-seed" + std::to_string(seed);
}

std::string
ExperimentCell::methodTitle() const
{
  if (method == "morlhf")
    return "MORLHF";
  if (method == "clp")
    return "CLP";
  if (method == "ric")
    return "RiC";
  return method == "rs" ? "RS" : "IterativeRS";
}

std::string
ExperimentCell::periodLabel() const
{
  if (method == "morlhf" || method == "clp" || method == "ric")
    return "-";
  return period == 0 ? "T" : std::to_string(period);
}

std::vector<std::string>
ExperimentCell::overrides() const
{
  std::vector<std::string> assignments{ "method=" + method,
                                        "training.seed=" + std::to_string(seed) };
  if (method == "iterativers")
    assignments.push_back("training.merge_period=" +
                          (period == 0 ? std::string("\"T\"") : std::to_string(period)));
  if (!optimizer.empty())
    assignments.push_back("training.optimizer_at_merge=" + optimizer);
  return assignments;
}

std::vector<std::string>
parseMethods(const std::string& text)
{
  auto methods = parseChoices(text, { "morlhf", "iterativers", "rs", "clp", "ric" }, "--methods");
  if (methods.empty())
    throw std::runtime_error("--methods: give at least one of morlhf, iterativers, rs, clp, ric");
  return methods;
}

std::vector<int64_t>
parsePeriods(const std::string& text)
{
  std::vector<int64_t> periods;
  for (const auto& item : splitList(text)) {
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
    throw std::runtime_error("--m: give at least one merge period, e.g. 1,4,16");
  return periods;
}

std::vector<std::string>
parseOptimizers(const std::string& text)
{
  return parseChoices(text, { "reset", "keep", "merge" }, "--optimizer-at-merge");
}

std::vector<ExperimentCell>
planExperiment(const ExperimentFactors& factors)
{
  const std::vector<std::string> taskOwn{ "" };
  const auto& optimizers = factors.optimizers.empty() ? taskOwn : factors.optimizers;
  std::vector<ExperimentCell> cells;
  const auto addSeeds = [&](ExperimentCell cell) {
    for (int s = 0; s < factors.seeds; ++s) {
      cell.seed = factors.firstSeed + uint64_t(s);
      cells.push_back(cell);
    }
  };
  for (const auto& method : factors.methods) {
    if (method == "iterativers") {
      for (int64_t period : factors.periods)
        for (const auto& optimizer : optimizers)
          addSeeds({ method, period, optimizer, 0 });
    } else {
      // One policy that never merges (MORLHF, CLP), or experts merged once at
      // the end: the optimizer's state at a merge plays no part, so it is not a factor.
      addSeeds({ method, 0, "", 0 });
    }
  }
  return cells;
}

} // namespace paretolab::cli
