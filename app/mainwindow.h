// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metatypes.h"
#include "trainingcontroller.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;

namespace paretolab::widgets {
class ParetoPlot;
class ParetoView;
class RewardPlot;
class RunSetupPanel;
class SamplesView;
class WeightSliders;
class RunBrowser;
} // namespace paretolab::widgets

namespace paretolab::app {

/// The main window: run setup on the left, reward curves and the Pareto front
/// in the centre, weight sliders on the right, samples below, progress in the
/// status bar. It composes the views and connects them to the
/// TrainingController; it holds no training logic.
class MainWindow : public QMainWindow
{
  Q_OBJECT

public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Loads a bundled task ("molecules", "molecules-qm9", "toy") or a task file.
  bool loadTask(const QString& nameOrPath);
  /// Starts training the task in the run-setup panel, with its edits.
  void startTraining();

  /// The run library (mainwindowruns.cpp): browse, reopen and compare stored
  /// runs, and offer to resume one that was interrupted.
  void showRunBrowser();
  /// Shows stored run `id`; with `loadExperts`, also loads its last merge
  /// round's experts so the sliders re-merge this run.
  bool openStoredRun(qint64 id, bool loadExperts = true);
  void compareRuns(const QVector<qint64>& ids);
  void offerToResume();
  widgets::RunBrowser* runBrowser() const { return m_runBrowser; }
  QWidget* comparison() const { return m_comparison; }
  QMessageBox* resumeOffer() const { return m_resumeOffer; }

  TrainingController* controller() const { return m_controller; }
  widgets::RunSetupPanel* runSetupPanel() const { return m_runSetup; }
  widgets::RewardPlot* rewardPlot() const { return m_rewardPlot; }
  widgets::ParetoPlot* paretoPlot() const;
  widgets::WeightSliders* weightSliders() const { return m_sliders; }
  widgets::SamplesView* samplesView() const { return m_samples; }
  QProgressBar* progressBar() const { return m_progress; }

  /// Cache directory for priors and xTB results (the user's cache by default).
  void setCacheDirectory(const QString& directory) { m_cacheDirectory = directory; }

Q_SIGNALS:
  /// A slider re-merge has been drawn on the front, `seconds` after the request.
  void remergeShown(double seconds);

protected:
  void closeEvent(QCloseEvent* event) override;

private:
  void createDocks();
  void createMenus();
  void createStatusBar();
  void connectController();
  void showAbout();
  void exportSamples();
  void exportPlot(widgets::ParetoPlot* plot);
  void onStateChanged(TrainingController::State state);
  void onReports(const QVector<engine::StepReport>& steps,
                 const QVector<engine::MergeReport>& merges,
                 qint64 done,
                 qint64 total);
  void onRemergeReady(const QVector<double>& weights,
                      const engine::PolicyEvaluation& evaluation,
                      double seconds);
  void showSamples(const engine::PolicyEvaluation& evaluation);
  void addFrontPoint(const engine::PolicyEvaluation& evaluation,
                     const QVector<double>& lambda,
                     int kind);
  bool priorIsCached(const engine::TaskConfig& task) const;
  void refreshRunBrowser();
  void updateRecentTasks();
  void restoreSettings();
  void saveSettings() const;

  TrainingController* m_controller = nullptr;
  widgets::RunSetupPanel* m_runSetup = nullptr;
  widgets::RewardPlot* m_rewardPlot = nullptr;
  widgets::ParetoView* m_paretoView = nullptr;
  widgets::WeightSliders* m_sliders = nullptr;
  widgets::SamplesView* m_samples = nullptr;
  QPushButton* m_sweepButton = nullptr;
  QLabel* m_remergeInfo = nullptr;
  QDockWidget* m_setupDock = nullptr;
  QDockWidget* m_weightsDock = nullptr;
  QDockWidget* m_samplesDock = nullptr;
  QMenu* m_recentMenu = nullptr;
  widgets::RunBrowser* m_runBrowser = nullptr;
  qint64 m_storedRun = 0; ///< the run on screen in the run database; 0: none
  void recordFrontPoint(int pointIndex);
  QPointer<QWidget> m_comparison;
  QPointer<QMessageBox> m_resumeOffer;
  QLabel* m_statusText = nullptr;
  QProgressBar* m_progress = nullptr;
  QElapsedTimer m_runClock;
  QElapsedTimer m_remergeClock;
  QString m_cacheDirectory;
  QString m_taskSource;
  engine::TaskConfig m_runningTask;
  std::vector<engine::PolicyEvaluation> m_evaluations; ///< indexed by FrontPoint::evaluation
  engine::PolicyEvaluation m_shownSamples;
  bool m_hasShownSamples = false;
};

} // namespace paretolab::app
