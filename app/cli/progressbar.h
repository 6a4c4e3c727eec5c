// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace paretolab::cli {

/// Progress with an ETA on stderr. On a terminal, a one-line bar redrawn at
/// most ten times a second; in a pipe or a log, a plain line every few seconds
/// (and one at the end), so that long work is never silent and logs stay readable.
class ProgressBar
{
public:
  explicit ProgressBar(std::string label, int64_t total);
  ~ProgressBar();

  void update(int64_t done, const std::string& status = {});
  /// Ends the line so that later output starts on a fresh one.
  void finish();

  static bool stderrIsTerminal();
  /// Seconds between plain lines when stderr is not a terminal.
  static constexpr double kLogInterval = 5.0;

private:
  std::string line(int64_t done, const std::string& status, double elapsed) const;

  std::string m_label;
  int64_t m_total;
  bool m_terminal;
  bool m_drawn = false;
  int64_t m_lastDone = -1;
  std::string m_lastStatus;
  bool m_loggedLast = false;
  std::chrono::steady_clock::time_point m_started;
  std::chrono::steady_clock::time_point m_lastDraw;
};

std::string
formatDuration(double seconds);

} // namespace paretolab::cli
