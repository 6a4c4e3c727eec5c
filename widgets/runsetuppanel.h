// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace paretolab::widgets {

/// The run-setup form: domain and task file, objectives with weight and
/// transform, and the IterativeRS hyperparameters (m, M, T, learning rate,
/// batch, beta, seed), with Start, Pause and Stop. A view only: it holds no
/// training logic and reports the user's requests through signals.
class RunSetupPanel : public QWidget
{
  Q_OBJECT

public:
  explicit RunSetupPanel(QWidget* parent = nullptr);

  /// Merge period m; 0 stands for "T", a single merge at the end (Rewarded Soups).
  int mergePeriod() const;
  int totalSteps() const;

Q_SIGNALS:
  void startRequested();
  void pauseRequested();
  void stopRequested();
  void taskFileChosen(const QString& path);

private:
  void chooseTaskFile();

  QComboBox* m_domain = nullptr;
  QLineEdit* m_taskFile = nullptr;
  QTableWidget* m_objectives = nullptr;
  QSpinBox* m_mergePeriod = nullptr;
  QSpinBox* m_subsetSize = nullptr;
  QSpinBox* m_totalSteps = nullptr;
  QDoubleSpinBox* m_learningRate = nullptr;
  QSpinBox* m_batchSize = nullptr;
  QDoubleSpinBox* m_klBeta = nullptr;
  QSpinBox* m_seed = nullptr;
  QPushButton* m_start = nullptr;
  QPushButton* m_pause = nullptr;
  QPushButton* m_stop = nullptr;
};

} // namespace paretolab::widgets
