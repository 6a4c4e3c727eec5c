// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <condition_variable>
#include <mutex>
#include <stop_token>

namespace paretolab::app {

/// Stop and pause for one run, shared by the GUI thread (which asks) and the
/// worker thread (which obeys between training steps). Thread-safe.
class RunControl
{
public:
  void requestStop()
  {
    // Under the lock: a waiter between checking its predicate and sleeping
    // would otherwise miss this notification and sleep on while paused.
    std::lock_guard lock(m_mutex);
    m_stop.request_stop();
    m_changed.notify_all();
  }

  void setPaused(bool paused)
  {
    {
      std::lock_guard lock(m_mutex);
      m_paused = paused;
    }
    m_changed.notify_all();
  }

  bool isPaused() const
  {
    std::lock_guard lock(m_mutex);
    return m_paused;
  }

  std::stop_token token() const { return m_stop.get_token(); }

  /// Blocks the calling (worker) thread while paused; returns early on stop.
  void waitWhilePaused()
  {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_paused || m_stop.stop_requested(); });
  }

private:
  std::stop_source m_stop;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  bool m_paused = false;
};

} // namespace paretolab::app
