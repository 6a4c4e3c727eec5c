// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressbar.h"

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace paretolab::cli {

std::string
formatDuration(double seconds)
{
  const auto total = int64_t(seconds + 0.5);
  char text[32];
  if (total >= 3600)
    std::snprintf(text,
                  sizeof text,
                  "%lld:%02lld:%02lld",
                  (long long)(total / 3600),
                  (long long)(total / 60 % 60),
                  (long long)(total % 60));
  else
    std::snprintf(
      text, sizeof text, "%lld:%02lld", (long long)(total / 60), (long long)(total % 60));
  return text;
}

bool
ProgressBar::stderrIsTerminal()
{
  return ::isatty(STDERR_FILENO) == 1;
}

ProgressBar::ProgressBar(std::string label, int64_t total)
  : m_label(std::move(label))
  , m_total(std::max<int64_t>(1, total))
  , m_terminal(stderrIsTerminal())
  , m_started(std::chrono::steady_clock::now())
{
}

ProgressBar::~ProgressBar()
{
  finish();
}

std::string
ProgressBar::line(int64_t done, const std::string& status, double elapsed) const
{
  const std::string eta =
    done > 0 ? formatDuration(elapsed * (double(m_total - done) / double(done))) : "?";
  char text[96];
  std::snprintf(text, sizeof text, "%lld/%lld", (long long)done, (long long)m_total);
  return std::string(text) + "  " + status + (status.empty() ? "" : "  ") + "ETA " + eta;
}

void
ProgressBar::update(int64_t done, const std::string& status)
{
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - m_started).count();
  m_lastDone = done;
  m_lastStatus = status;
  if (!m_terminal) {
    // The first report, then one every kLogInterval, and the one that completes the work.
    const bool due = !m_drawn || now - m_lastDraw >= std::chrono::duration<double>(kLogInterval);
    const bool complete = done >= m_total && !m_loggedLast;
    if (!due && !complete)
      return;
    m_loggedLast = done >= m_total;
    m_lastDraw = now;
    m_drawn = true;
    std::fprintf(stderr,
                 "%s: %s (%s elapsed)\n",
                 m_label.c_str(),
                 line(done, status, elapsed).c_str(),
                 formatDuration(elapsed).c_str());
    std::fflush(stderr);
    return;
  }
  if (m_drawn && done < m_total && now - m_lastDraw < std::chrono::milliseconds(100))
    return;
  m_lastDraw = now;
  m_drawn = true;
  constexpr int kWidth = 28;
  const double fraction = std::clamp(double(done) / double(m_total), 0.0, 1.0);
  const int filled = int(fraction * kWidth);
  std::fprintf(stderr,
               "\r\033[K%s [%s%s] %s",
               m_label.c_str(),
               std::string(filled, '#').c_str(),
               std::string(kWidth - filled, '.').c_str(),
               line(done, status, elapsed).c_str());
  std::fflush(stderr);
}

void
ProgressBar::finish()
{
  if (m_terminal && m_drawn) {
    std::fputc('\n', stderr);
    m_drawn = false;
  } else if (!m_terminal && m_drawn && !m_loggedLast && m_lastDone >= 0) {
    // A log ends with where the work stopped, even between two interval lines.
    const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    std::fprintf(stderr,
                 "%s: %s (%s elapsed)\n",
                 m_label.c_str(),
                 line(m_lastDone, m_lastStatus, elapsed).c_str(),
                 formatDuration(elapsed).c_str());
    m_loggedLast = true;
  }
}

} // namespace paretolab::cli
