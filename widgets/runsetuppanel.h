// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/taskconfig.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace paretolab::widgets {

/// The run-setup form: task and domain, objectives with weight and transform,
/// and the IterativeRS hyperparameters (m, M, T, learning rate, batch, beta,
/// seed). It shows a task and returns it with the user's edits applied; it
/// checks the values and explains what is wrong inline. A view: it starts
/// nothing itself, it asks through signals.
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

  /// Enables the buttons for the run's state.
  void setRunState(bool active, bool paused);
  /// Whether the task's prior is already cached; the Pretrain button is offered when not.
  void setPriorCached(bool cached);

Q_SIGNALS:
  void startRequested();
  void pretrainRequested();
  void pauseRequested();
  void resumeRequested();
  void stopRequested();
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
  QPushButton* m_pretrain = nullptr;
  QPushButton* m_start = nullptr;
  QPushButton* m_pause = nullptr;
  QPushButton* m_stop = nullptr;

  engine::TaskConfig m_task;
  bool m_hasTask = false;
  bool m_active = false;
  bool m_paused = false;
  bool m_priorCached = false;
};

} // namespace paretolab::widgets
