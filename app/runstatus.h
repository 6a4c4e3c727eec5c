// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trainingcontroller.h"

#include <QElapsedTimer>
#include <QObject>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace paretolab::app {

/// The status bar: one line of text, and a progress bar with the ETA, for
/// pretraining and training alike, following the controller. GUI thread only.
class RunStatus : public QObject
{
  Q_OBJECT

public:
  RunStatus(QStatusBar* bar, TrainingController* controller);

  void showMessage(const QString& text);
  QString message() const;
  QProgressBar* progressBar() const { return m_progress; }
  /// Seconds left at the rate since the first report (`firstDone` work done
  /// then, `workingSeconds` of unpaused time since); negative when unknown.
  static double secondsLeft(qint64 done, qint64 total, qint64 firstDone, double workingSeconds);

  /// Shows a stored run's progress: `steps` of `total`, and its status.
  void showStoredRun(qint64 id, qint64 steps, qint64 total, const QString& status);

private:
  void onStateChanged(TrainingController::State state);
  void onPretrainProgress(qint64 done, qint64 total, double validationLoss, double validity);
  void onProgress(qint64 done, qint64 total);
  /// The time left at the rate since the first report, paused time excluded.
  QString eta(qint64 done, qint64 total);

  TrainingController* m_controller;
  QLabel* m_text = nullptr;
  QProgressBar* m_progress = nullptr;
  QElapsedTimer m_clock;       ///< runs since the first progress report
  qint64 m_pausedMs = 0;       ///< time spent paused since then
  QElapsedTimer m_pausedSince; ///< valid while paused
  qint64 m_firstDone = -1;     ///< progress at the first report
  bool m_pretraining = false;
};

} // namespace paretolab::app
