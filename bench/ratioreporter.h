// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Prints Google Benchmark's usual table, then the ratios of the pairs asked
// for, measured side by side in the same run (docs/benchmarks.md).

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace paretolab::bench {

class RatioReporter : public benchmark::ConsoleReporter
{
public:
  /// Each pair is (slower, faster) benchmark-name prefixes; the ratio is slower / faster.
  explicit RatioReporter(std::vector<std::pair<std::string, std::string>> pairs)
    : m_pairs(std::move(pairs))
  {
  }

  void ReportRuns(const std::vector<Run>& runs) override
  {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs)
      if (run.run_type == Run::RT_Iteration && run.iterations > 0)
        m_seconds[run.benchmark_name()] = run.GetAdjustedRealTime();
  }

  void Finalize() override
  {
    ConsoleReporter::Finalize();
    for (const auto& [slower, faster] : m_pairs) {
      const double a = find(slower), b = find(faster);
      if (a > 0 && b > 0)
        std::printf("ratio %s / %s = %.2fx\n", slower.c_str(), faster.c_str(), a / b);
    }
  }

private:
  double find(const std::string& prefix) const
  {
    for (const auto& [name, time] : m_seconds)
      if (name.rfind(prefix, 0) == 0)
        return time;
    return 0.0;
  }

  std::vector<std::pair<std::string, std::string>> m_pairs;
  std::map<std::string, double> m_seconds;
};

/// A benchmark program's main after its own set-up: runs the benchmarks the
/// command line selects and prints the ratios of `pairs` (slower, faster).
inline int
runWithRatios(int argc, char** argv, std::vector<std::pair<std::string, std::string>> pairs)
{
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter(std::move(pairs));
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}

} // namespace paretolab::bench
