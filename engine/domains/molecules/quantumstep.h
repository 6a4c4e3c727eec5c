// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the molecule domain: what the steps of a GFN2-xTB calculation share.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

namespace paretolab::engine::quantum {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A wall-clock budget for one molecule, checked between steps.
class Deadline
{
public:
  using Clock = std::chrono::steady_clock;

  explicit Deadline(double seconds)
    : m_seconds(seconds)
    , m_end(Clock::now() + std::chrono::duration_cast<Clock::duration>(
                             std::chrono::duration<double>(boundedSeconds(seconds))))
  {
  }

  bool passed() const { return Clock::now() >= m_end; }
  Clock::duration remaining() const { return std::max(m_end - Clock::now(), Clock::duration{}); }
  std::string describe(const std::string& step) const
  {
    std::ostringstream text;
    text << "timeout: the per-molecule budget of " << m_seconds << " s ran out " << step;
    return text.str();
  }

private:
  // NaN means no time at all; beyond 30 years means no limit, without overflowing the clock.
  static double boundedSeconds(double seconds)
  {
    return std::isnan(seconds) ? 0.0 : std::clamp(seconds, 0.0, 1e9);
  }

  double m_seconds;
  Clock::time_point m_end;
};

/// A molecule with hydrogens at its MMFF94 geometry, as xTB reads it.
struct Geometry
{
  std::vector<int> numbers;
  std::vector<double> positions; // Ångström, [atom][3]
  int charge = 0;
  int unpaired = 0;
  int heavyAtoms = 0;
};

// A step's outcome: empty `failure` means success. `cacheable` is false when the
// failure says more about this machine or this moment than about the molecule.
struct StepFailure
{
  std::string failure;
  bool cacheable = true;

  explicit operator bool() const { return !failure.empty(); }
};

/// `text` without leading and trailing white space.
std::string
trimmed(std::string text);

} // namespace paretolab::engine::quantum
