// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QProgressBar;

namespace paretolab::widgets {
class ParetoPlot;
class RewardPlot;
class RunSetupPanel;
class SamplesView;
} // namespace paretolab::widgets

namespace paretolab::app {

/// The main window: run setup on the left, reward curves and the Pareto front
/// in the centre, samples below, and progress in the status bar. It only
/// composes views; training runs elsewhere.
class MainWindow : public QMainWindow
{
  Q_OBJECT

public:
  explicit MainWindow(QWidget* parent = nullptr);

  widgets::RunSetupPanel* runSetupPanel() const { return m_runSetup; }
  widgets::RewardPlot* rewardPlot() const { return m_rewardPlot; }
  widgets::ParetoPlot* paretoPlot() const { return m_paretoPlot; }
  widgets::SamplesView* samplesView() const { return m_samples; }
  QProgressBar* progressBar() const { return m_progress; }

private:
  void createMenus();
  void createStatusBar();
  void showAbout();

  widgets::RunSetupPanel* m_runSetup = nullptr;
  widgets::RewardPlot* m_rewardPlot = nullptr;
  widgets::ParetoPlot* m_paretoPlot = nullptr;
  widgets::SamplesView* m_samples = nullptr;
  QDockWidget* m_setupDock = nullptr;
  QDockWidget* m_samplesDock = nullptr;
  QLabel* m_statusText = nullptr;
  QProgressBar* m_progress = nullptr;
};

} // namespace paretolab::app
