// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/taskconfig.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace paretolab::widgets {

/// The run-setup form: task and domain, objectives with weight and transform,
/// and the IterativeRS hyperparameters (m, M, T, learning rate, batch, beta,
/// seed). It shows a task and returns it with the user's edits applied; it
/// checks the values and explains what is wrong inline. A view: the run
/// controls live on the window's toolbar, and the panel only says when its
/// values change.
class RunSetupPanel : public QWidget
{
  Q_OBJECT

public:
  explicit RunSetupPanel(QWidget* parent = nullptr);

  /// The bundled tasks offered in the task box: (name, title) pairs.
  void setBundledTasks(const QVector<QPair<QString, QString>>& tasks);
  /// Shows `task`, read from `source` (a path, or the name of a bundled task).
  void setTask(const engine::TaskConfig& task, const QString& source);
  bool hasTask() const { return m_hasTask; }
  /// The task shown, with the form's values applied.
  engine::TaskConfig task() const;
  /// Empty when the form is valid, else what to fix (also shown in the panel).
  QString validationMessage() const;

  /// Merge period m; 0 stands for "T", a single merge at the end (Rewarded Soups).
  int mergePeriod() const;
  int totalSteps() const;
  void setTotalSteps(int steps);

  /// Locks the form while a run is active: its values are the run's.
  void setRunning(bool running);

Q_SIGNALS:
  /// A value changed; validationMessage() tells whether the form can run.
  void edited();
  void taskFileChosen(const QString& path);
  void bundledTaskChosen(const QString& name);

private:
  void chooseTaskFile();
  void revalidate();
  void fillObjectives(const engine::TaskConfig& task);

  QComboBox* m_bundled = nullptr;
  QLabel* m_domain = nullptr;
  QLineEdit* m_taskFile = nullptr;
  QTableWidget* m_objectives = nullptr;
  QSpinBox* m_mergePeriod = nullptr;
  QSpinBox* m_subsetSize = nullptr;
  QSpinBox* m_totalSteps = nullptr;
  QDoubleSpinBox* m_learningRate = nullptr;
  QSpinBox* m_batchSize = nullptr;
  QDoubleSpinBox* m_klBeta = nullptr;
  QSpinBox* m_seed = nullptr;
  QLabel* m_message = nullptr;

  engine::TaskConfig m_task;
  bool m_hasTask = false;
};

} // namespace paretolab::widgets
