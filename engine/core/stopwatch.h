// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace paretolab::engine {

/// Seconds of the steady clock since `start`, for the timings that training
/// reports (steps, rounds, epochs).
inline double
secondsSince(std::chrono::steady_clock::time_point start)
{
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace paretolab::engine
