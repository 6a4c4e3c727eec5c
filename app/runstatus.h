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
  /// Restarts the clock the ETA is measured from.
  void restartClock() { m_clock.start(); }

private:
  void onStateChanged(TrainingController::State state);
  void onPretrainProgress(qint64 done, qint64 total, double validationLoss);
  void onProgress(qint64 done, qint64 total);
  QString eta(qint64 done, qint64 total) const;

  TrainingController* m_controller;
  QLabel* m_text = nullptr;
  QProgressBar* m_progress = nullptr;
  QElapsedTimer m_clock;
};

} // namespace paretolab::app
