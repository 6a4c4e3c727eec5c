// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trainingcontroller.h"

#include <QObject>

class QAction;
class QMainWindow;

namespace paretolab::app {

/// The run controls as actions, for the Run menu and the toolbar alike:
/// Start, Pretrain, Pause/Resume, Stop and Sweep, each enabled only when it
/// can act in the controller's state. The window decides what Start and
/// Sweep mean (they need the task and the objectives); the others act on the
/// controller directly. GUI thread only.
class RunActions : public QObject
{
  Q_OBJECT

public:
  RunActions(TrainingController* controller, QObject* parent);

  QAction* start() const { return m_start; }
  QAction* pretrain() const { return m_pretrain; }
  QAction* pauseResume() const { return m_pauseResume; }
  QAction* stop() const { return m_stop; }
  QAction* sweep() const { return m_sweep; }

  /// Adds the Run toolbar to `window`: Start, Pause, Stop, then Pretrain and Sweep.
  void addToolBar(QMainWindow* window);

  /// Whether a task is loaded and valid: Start and Pretrain need one.
  void setTaskReady(bool ready);
  /// Whether there are experts to re-merge: Sweep needs them.
  void setExpertsReady(bool ready);
  /// Whether the task's prior is cached: Pretrain has nothing to do then.
  void setPriorCached(bool cached);

Q_SIGNALS:
  void startRequested();
  void pretrainRequested();
  void sweepRequested();

private:
  void update();

  TrainingController* m_controller;
  QAction* m_start = nullptr;
  QAction* m_pretrain = nullptr;
  QAction* m_pauseResume = nullptr;
  QAction* m_stop = nullptr;
  QAction* m_sweep = nullptr;
  bool m_taskReady = false;
  bool m_expertsReady = false;
  bool m_priorCached = false;
};

} // namespace paretolab::app
