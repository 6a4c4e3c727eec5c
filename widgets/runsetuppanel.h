// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "train/taskconfig.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace paretolab::widgets {

class ObjectivesEditor;

/// The run-setup form: task and domain, objectives with weight and transform,
/// the method (IterativeRS, MORLHF, RS, CLP) and its hyperparameters (m, M,
/// T, learning rate, batch, β, seed). It shows a task and returns it with the user's edits applied.
/// It never changes what the user typed: a value that is not valid is marked and explained inline,
/// and validationMessage() says what to fix. A view: the run controls live on the window's toolbar.
class RunSetupPanel : public QWidget
{
  Q_OBJECT

public:
  explicit RunSetupPanel(QWidget* parent = nullptr);

  /// The bundled tasks offered in the task box: (name, title) pairs.
  void setBundledTasks(const QVector<QPair<QString, QString>>& tasks);
  /// Shows `task`, read from `source` (a path, or the name of a bundled task);
  /// `available` are its domain's objectives, for adding more.
  void setTask(const engine::TaskConfig& task,
               const QString& source,
               const std::vector<engine::ObjectiveInfo>& available = {});
  bool hasTask() const { return m_hasTask; }
  /// The task shown, with the form's values applied; meaningful when
  /// validationMessage() is empty.
  engine::TaskConfig task() const;
  /// Empty when the form is valid, else what to fix (also shown in the panel).
  QString validationMessage() const;

  /// What the prior is, in a line (e.g. "chembl.plckpt: 96 % valid, …"), and
  /// more in its tooltip.
  void setPriorDescription(const QString& line, const QString& details = {});
  QString priorDescription() const;
  QString priorDetails() const;
  /// Makes task() use the prior checkpoint at `path` (one pretrained on a file).
  void usePrior(const QString& path);
  /// The file dialog's filter for a corpus to pretrain a prior on, e.g. "SMILES (*.smi)".
  void setCorpusFileFilter(const QString& filter);

  /// Says where the task on show comes from now, e.g. "run 2 (from toy)".
  void setSource(const QString& source);
  QString source() const;

  /// The fields, by name: "m", "M", "T", "learning_rate", "batch", "beta", "seed".
  QLineEdit* field(const QString& name) const;
  /// The method chooser; its items' data are the task file's names ("clp").
  QComboBox* methodChooser() const { return m_method; }
  ObjectivesEditor* objectivesEditor() const { return m_objectives; }
  void setTotalSteps(int steps);

  /// Locks the form while a run is active: its values are the run's.
  void setRunning(bool running);

Q_SIGNALS:
  /// A value changed; validationMessage() tells whether the form can run.
  void edited();
  void taskFileChosen(const QString& path);
  void bundledTaskChosen(const QString& name);
  /// The user chose a file of their own sequences to pretrain a prior on.
  void priorCorpusChosen(const QString& path);

private:
  struct Parsed;
  void chooseTaskFile();
  void choosePriorCorpus();
  void revalidate();
  /// Enables the fields the chosen method reads, and says what m means for it.
  void methodChanged();
  /// The values of the form, and the first problem with them.
  QString parse(Parsed& parsed) const;

  QComboBox* m_bundled = nullptr;
  QLabel* m_domain = nullptr;
  QLabel* m_prior = nullptr;
  QToolButton* m_priorFile = nullptr;
  QString m_corpusFilter;
  QLineEdit* m_taskFile = nullptr;
  ObjectivesEditor* m_objectives = nullptr;
  QComboBox* m_method = nullptr;
  QLabel* m_methodNote = nullptr;
  QLineEdit* m_mergePeriod = nullptr;
  QLineEdit* m_subsetSize = nullptr;
  QLineEdit* m_totalSteps = nullptr;
  QLineEdit* m_learningRate = nullptr;
  QLineEdit* m_batchSize = nullptr;
  QLineEdit* m_klBeta = nullptr;
  QLineEdit* m_seed = nullptr;
  QLabel* m_message = nullptr;

  engine::TaskConfig m_task;
  bool m_hasTask = false;
  bool m_running = false;
};

} // namespace paretolab::widgets
