// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What trainer tests watch a run with: a recorder of its reports, a stop at a
// given step (a kill in the middle of a round), and parameter comparisons.

#include "model/parameters.h"
#include "model/policy.h"
#include "model/policystate.h"
#include "train/reports.h"

#include <algorithm>
#include <stop_token>
#include <vector>

namespace paretolab::engine::testing {

class Recorder : public TrainingObserver
{
public:
  void onStep(const StepReport& report) override { steps.push_back(report); }
  void onMerge(const MergeReport& report) override { merges.push_back(report); }
  std::vector<StepReport> steps;
  std::vector<MergeReport> merges;
};

/// Requests a stop once step `step` has been reported.
class StopAfter : public TrainingObserver
{
public:
  StopAfter(std::stop_source& source, int64_t step)
    : m_source(source)
    , m_step(step)
  {
  }
  void onStep(const StepReport& report) override
  {
    if (report.step == m_step)
      m_source.request_stop();
  }

private:
  std::stop_source& m_source;
  int64_t m_step;
};

/// The largest absolute difference over all entries of two parameter sets.
inline double
maxDifference(const ParameterSet& a, const ParameterSet& b)
{
  double largest = 0.0;
  for (size_t i = 0; i < a.size(); ++i)
    largest = std::max(largest, (a[i] - b[i]).abs().max().item<double>());
  return largest;
}

/// The weight vector that asks for objective `index` alone.
inline std::vector<double>
oneHot(size_t size, size_t index)
{
  std::vector<double> w(size, 0.0);
  w[index] = 1.0;
  return w;
}

inline ParameterSet
parametersOf(const Policy& policy)
{
  return snapshotParameters(*policy.state().model);
}

} // namespace paretolab::engine::testing
