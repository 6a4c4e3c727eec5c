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
  , m_enabled(stderrIsTerminal())
  , m_started(std::chrono::steady_clock::now())
{
}

ProgressBar::~ProgressBar()
{
  finish();
}

void
ProgressBar::update(int64_t done, const std::string& status)
{
  if (!m_enabled)
    return;
  const auto now = std::chrono::steady_clock::now();
  if (m_drawn && done < m_total && now - m_lastDraw < std::chrono::milliseconds(100))
    return;
  m_lastDraw = now;
  m_drawn = true;
  constexpr int kWidth = 28;
  const double fraction = std::clamp(double(done) / double(m_total), 0.0, 1.0);
  const int filled = int(fraction * kWidth);
  const double elapsed = std::chrono::duration<double>(now - m_started).count();
  const std::string eta =
    done > 0 ? formatDuration(elapsed * (double(m_total - done) / double(done))) : "?";
  std::fprintf(stderr,
               "\r\033[K%s [%s%s] %lld/%lld  %s  ETA %s",
               m_label.c_str(),
               std::string(filled, '#').c_str(),
               std::string(kWidth - filled, '.').c_str(),
               (long long)done,
               (long long)m_total,
               status.c_str(),
               eta.c_str());
  std::fflush(stderr);
}

void
ProgressBar::finish()
{
  if (m_enabled && m_drawn) {
    std::fputc('\n', stderr);
    m_drawn = false;
  }
}

} // namespace paretolab::cli
