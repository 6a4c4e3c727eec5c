// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/runstore.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace paretolab::app {

/// Follows a stored run that another process trains: `paretolab-cli train`,
/// or rank 0 of a run on several ranks. While the run's status is
/// "running", it reads the run's record from the store every interval and
/// says when the run has grown or ended, for the window to show it again.
class RunWatcher : public QObject
{
  Q_OBJECT

public:
  using ReadRecord = std::function<std::optional<engine::RunRecord>(qint64 id)>;

  RunWatcher(ReadRecord readRecord, QObject* parent = nullptr);

  /// Follows `record`'s run if it is running; stops following any other.
  void watch(const engine::RunRecord& record);
  void stop();
  bool isWatching() const { return m_timer.isActive(); }
  qint64 watchedRun() const { return m_last.id; }
  void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }

Q_SIGNALS:
  /// The run recorded more steps or merges, or is no longer running.
  void changed(qint64 id);

private:
  void poll();

  ReadRecord m_readRecord;
  QTimer m_timer;
  engine::RunRecord m_last;
};

} // namespace paretolab::app
