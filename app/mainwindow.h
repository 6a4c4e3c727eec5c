// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metatypes.h"
#include "trainingcontroller.h"

#include <QMainWindow>
#include <QString>

class QDockWidget;
class QLabel;
class QMenu;
class QMessageBox;
class QProgressBar;
class QPushButton;

namespace paretolab::widgets {
class ParetoPlot;
class ParetoView;
class DivergencePlot;
class RewardPlot;
class RunBrowser;
class RunSetupPanel;
class SamplesView;
class WeightSliders;
class WeightsPanel;
} // namespace paretolab::widgets

namespace paretolab::app {

class ExportActions;
class FrontModel;
class RunActions;
class RunLibrary;
class RunPresenter;
class RunStatus;
class RunWatcher;
class TaskLibrary;

/// The main window: run setup on the left, reward curves and the Pareto front
/// in the centre, weight sliders on the right, samples below, progress in the
/// status bar. It only composes: the task library, the run library, the
/// presenter of the run on screen, the run and export actions, and the
/// controller that trains off the GUI thread.
class MainWindow : public QMainWindow
{
  Q_OBJECT

public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  /// Loads a bundled task (by name) or a task file (by path).
  bool loadTask(const QString& nameOrPath);
  /// Starts training the task in the run-setup panel, with its edits.
  void startTraining();
  /// Shows stored run `id`; with `loadExperts`, also loads its last merge
  /// round's experts so the sliders re-merge this run.
  bool openStoredRun(qint64 id, bool loadExperts = true);

  TrainingController* controller() const { return m_controller; }
  TaskLibrary* taskLibrary() const { return m_tasks.get(); }
  /// The run database: browse, reopen, compare, resume.
  RunLibrary* runLibrary() const { return m_runs; }
  /// Follows an opened run that another process is training.
  RunWatcher* runWatcher() const { return m_watcher; }
  widgets::RunSetupPanel* runSetupPanel() const { return m_runSetup; }
  widgets::RewardPlot* rewardPlot() const { return m_rewardPlot; }
  widgets::DivergencePlot* divergencePlot() const { return m_divergencePlot; }
  widgets::ParetoPlot* paretoPlot() const;
  widgets::WeightSliders* weightSliders() const { return m_sliders; }
  widgets::WeightsPanel* weightsPanel() const { return m_weights; }
  widgets::SamplesView* samplesView() const { return m_samples; }
  QProgressBar* progressBar() const;
  ExportActions* exportActions() const { return m_exports; }
  RunActions* runActions() const { return m_actions; }
  RunPresenter* presenter() const { return m_presenter; }

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
  void connectController();
  void updateRecentTasks();
  /// Shows the followed run `id` again, as it now is in the store.
  void showWatchedRun(qint64 id);

  TrainingController* m_controller = nullptr;
  std::unique_ptr<TaskLibrary> m_tasks;
  RunLibrary* m_runs = nullptr;
  RunWatcher* m_watcher = nullptr;
  RunPresenter* m_presenter = nullptr;
  FrontModel* m_front = nullptr;
  RunActions* m_actions = nullptr;
  ExportActions* m_exports = nullptr;
  RunStatus* m_status = nullptr;
  widgets::RunSetupPanel* m_runSetup = nullptr;
  widgets::RewardPlot* m_rewardPlot = nullptr;
  widgets::DivergencePlot* m_divergencePlot = nullptr;
  widgets::ParetoView* m_paretoView = nullptr;
  widgets::WeightSliders* m_sliders = nullptr;
  widgets::SamplesView* m_samples = nullptr;
  widgets::WeightsPanel* m_weights = nullptr;
  QDockWidget* m_setupDock = nullptr;
  QDockWidget* m_weightsDock = nullptr;
  QDockWidget* m_samplesDock = nullptr;
  QMenu* m_recentMenu = nullptr;
  QString m_cacheDirectory;
  QString m_priorCorpus; ///< the file a prior is being pretrained on, while it is
};

} // namespace paretolab::app
