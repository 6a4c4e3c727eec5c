// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace paretolab::cli {

/// A one-line progress bar with ETA on stderr, redrawn at most ten times a
/// second. On a non-terminal it prints nothing, so logs and pipes stay clean.
class ProgressBar
{
public:
  explicit ProgressBar(std::string label, int64_t total);
  ~ProgressBar();

  void update(int64_t done, const std::string& status = {});
  /// Ends the line so that later output starts on a fresh one.
  void finish();

  static bool stderrIsTerminal();

private:
  std::string m_label;
  int64_t m_total;
  bool m_enabled;
  bool m_drawn = false;
  std::chrono::steady_clock::time_point m_started;
  std::chrono::steady_clock::time_point m_lastDraw;
};

std::string
formatDuration(double seconds);

} // namespace paretolab::cli
