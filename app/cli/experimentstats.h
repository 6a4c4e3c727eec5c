// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The figures of an experiment's cells, grouped over seeds: a mean with its
// 95 % confidence interval, as a Markdown table.

#include "experimentplan.h"

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace paretolab::cli {

/// One finished cell: its final evaluation as `train --summary` wrote it.
struct CellResult
{
  ExperimentCell cell;
  double averageReward = 0.0;
  double icv = 0.0;
  double objectiveBalance = 0.0;
  std::vector<double> perObjective; ///< mean transformed reward, in the task's order
  double validUniqueAverageReward = 0.0;
  double validUniqueIcv = 0.0;
  double frontHypervolume = std::nan(""); ///< of the swept front; NaN when not swept
  double seconds = std::nan("");          ///< wall time of the training process
};

struct Estimate
{
  double mean = 0.0;
  double halfWidth = 0.0; ///< of the 95 % interval; 0 for one seed
  size_t count = 0;
};

/// Mean and the half-width of its two-sided 95 % Student-t interval,
/// t(0.975, n - 1) * s / sqrt(n) with s the sample standard deviation.
/// Infinite values (an ICV of samples all equal) are left out.
Estimate
estimate(const std::vector<double>& values);

/// The CSV: method,m,seed,avg_reward,icv,objective_balance, one column per
/// objective, then optimizer_at_merge,valid_unique_avg_reward,valid_unique_icv,
/// front_hypervolume,seconds.
std::string
resultsCsv(const std::vector<CellResult>& results, const std::vector<std::string>& objectives);

/// Mean ± 95 % CI over seeds of each method, m and optimizer, in plan order.
std::string
resultsMarkdown(const std::vector<CellResult>& results, const std::vector<std::string>& objectives);

/// The rows of resultsMarkdown, in plan order: one per (method, m, optimizer).
struct GroupedResult
{
  ExperimentCell cell; ///< its seed is the first seed's
  Estimate averageReward, icv, objectiveBalance, validUniqueAverageReward, frontHypervolume,
    seconds;
  std::vector<Estimate> perObjective;
};
std::vector<GroupedResult>
groupResults(const std::vector<CellResult>& results);

} // namespace paretolab::cli
