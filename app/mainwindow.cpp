// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "annotatedsamplespage.h"
#include "core/paths.h"
#include "divergenceplot.h"
#include "exportactions.h"
#include "frontmodel.h"
#include "paretoplot.h"
#include "paretoview.h"
#include "picturegrid.h"
#include "plotexport.h"
#include "priordescription.h"
#include "rewardplot.h"
#include "runactions.h"
#include "runlibrary.h"
#include "runpresenter.h"
#include "runsetuppanel.h"
#include "runstatus.h"
#include "runwatcher.h"
#include "samplesview.h"
#include "tasklibrary.h"
#include "weightsliders.h"
#include "weightspanel.h"
#include "windowhelp.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenuBar>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTime>

namespace paretolab::app {

MainWindow::MainWindow(QWidget* parent)
  : QMainWindow(parent)
  , m_controller(new TrainingController(this))
  , m_tasks(std::make_unique<TaskLibrary>(QLocale().name().left(2)))
  , m_cacheDirectory(QString::fromStdString(engine::defaultCacheDirectory()))
{
  setWindowTitle(tr("ParetoLab"));
  setObjectName(QStringLiteral("MainWindow"));
  m_rewardPlot = new widgets::RewardPlot;
  m_paretoView = new widgets::ParetoView;
  widgets::addPlotExportMenu(m_paretoView->plot());
  m_divergencePlot = new widgets::DivergencePlot;
  auto* plots = new QSplitter(Qt::Horizontal, this);
  plots->addWidget(tabbed(
    QStringLiteral("TrainingPlots"),
    { { titled(tr("Reward per objective"), m_rewardPlot, plots, widgets::RewardPlot::lineKey()),
        tr("Rewards") },
      { titled(tr("Expert divergence at each merge"), m_divergencePlot, plots),
        tr("Divergence") } },
    plots));
  plots->addWidget(titled(tr("Pareto front"), m_paretoView, plots));
  setCentralWidget(plots);

  m_actions = new RunActions(m_controller, this);
  m_runs = new RunLibrary(this, [this] { return m_controller->databasePath(); });
  m_watcher = new RunWatcher([this](qint64 id) { return m_runs->record(id); }, this);
  m_front = new FrontModel(m_paretoView->plot(), this);
  m_status = new RunStatus(statusBar(), m_controller);
  createDocks();
  m_presenter = new RunPresenter(
    RunPresenter::Views{ m_rewardPlot, m_front, m_weights, m_samples, m_divergencePlot },
    m_controller,
    m_runs,
    this);
  m_exports = new ExportActions(this, m_presenter, m_front);
  createMenus();
  connectController();
  resize(1400, 860);
  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
}

MainWindow::~MainWindow() = default;

widgets::ParetoPlot*
MainWindow::paretoPlot() const
{
  return m_paretoView->plot();
}

QProgressBar*
MainWindow::progressBar() const
{
  return m_status->progressBar();
}

void
MainWindow::createDocks()
{
  m_runSetup = new widgets::RunSetupPanel;
  QVector<QPair<QString, QString>> bundled;
  for (const auto& task : m_tasks->bundled())
    bundled.append({ task.name, task.title });
  m_runSetup->setBundledTasks(bundled);
  auto* setupScroll = new QScrollArea;
  setupScroll->setWidget(m_runSetup);
  setupScroll->setWidgetResizable(true);
  setupScroll->setFrameShape(QFrame::NoFrame);
  setupScroll->setMinimumWidth(330); // the objectives table needs its three columns
  m_setupDock = dock(tr("Run setup"), QStringLiteral("RunSetupDock"), setupScroll, this);
  addDockWidget(Qt::LeftDockWidgetArea, m_setupDock);
  connect(m_runSetup, &widgets::RunSetupPanel::edited, this, [this] {
    m_actions->setTaskReady(m_runSetup->hasTask() && m_runSetup->validationMessage().isEmpty());
  });
  connect(m_runSetup, &widgets::RunSetupPanel::taskFileChosen, this, &MainWindow::loadTask);
  connect(m_runSetup, &widgets::RunSetupPanel::bundledTaskChosen, this, &MainWindow::loadTask);

  auto* weights = new widgets::WeightsPanel;
  weights->setSweepAction(m_actions->sweep());
  m_weights = weights;
  m_sliders = weights->sliders();
  connect(
    m_sliders, &widgets::WeightSliders::weightsChanged, this, [this](const QVector<double>& w) {
      if (!m_controller->trainer())
        return;
      m_presenter->startRemergeClock();
      m_controller->requestRemerge(w, 64, m_presenter->round());
    });
  m_weightsDock = dock(tr("Weights"), QStringLiteral("WeightsDock"), weights, this);
  addDockWidget(Qt::RightDockWidgetArea, m_weightsDock);

  m_samples = new widgets::SamplesView;
  m_samples->registerPage(QStringLiteral("pictures"), [] { return new widgets::PictureGrid; });
  m_samples->registerPage(QStringLiteral("annotated"),
                          [] { return new widgets::AnnotatedSamplesPage; });
  m_samplesDock = dock(tr("Samples"), QStringLiteral("SamplesDock"), m_samples, this);
  addDockWidget(Qt::BottomDockWidgetArea, m_samplesDock);
}

void
MainWindow::createMenus()
{
  auto* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Open task…"), QKeySequence::Open, this, [this] {
    const QString path =
      QFileDialog::getOpenFileName(this, tr("Open task"), {}, tr("Task files (*.json)"));
    if (!path.isEmpty())
      loadTask(path);
  });
  file->addAction(tr("R&uns…"), QKeySequence(tr("Ctrl+R")), m_runs, &RunLibrary::showBrowser);
  m_recentMenu = file->addMenu(tr("&Recent tasks"));
  updateRecentTasks();
  m_exports->addTo(file, paretoPlot(), m_rewardPlot);
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  m_actions->addToolBar(this);
  auto* run = menuBar()->addMenu(tr("&Run"));
  run->addActions({ m_actions->start(),
                    m_actions->pretrain(),
                    m_actions->pauseResume(),
                    m_actions->stop(),
                    m_actions->sweep() });

  auto* view = menuBar()->addMenu(tr("&View"));
  view->addActions({ m_setupDock->toggleViewAction(),
                     m_weightsDock->toggleViewAction(),
                     m_samplesDock->toggleViewAction() });

  addLanguageMenu(menuBar(), this);
  addHelpMenu(menuBar(), this);
}

void
MainWindow::connectController()
{
  connect(m_actions, &RunActions::startRequested, this, &MainWindow::startTraining);
  connect(m_actions, &RunActions::pretrainRequested, this, [this] {
    if (m_runSetup->hasTask())
      m_controller->pretrain(m_runSetup->task(), m_cacheDirectory);
  });
  connect(
    m_runSetup, &widgets::RunSetupPanel::priorCorpusChosen, this, [this](const QString& path) {
      if (!m_runSetup->hasTask() || m_controller->isActive())
        return;
      m_priorCorpus = path;
      m_controller->pretrainOnFile(m_runSetup->task(), path, m_cacheDirectory);
    });
  connect(m_controller, &TrainingController::priorReady, this, [this](const QString& path) {
    if (m_priorCorpus.isEmpty())
      return;
    // The prior trained on the user's file is the one Start uses from now on.
    m_runSetup->usePrior(path);
    m_runSetup->setPriorDescription(
      tr("Trained on %1 (cached)").arg(QFileInfo(m_priorCorpus).fileName()),
      tr("%1\nPretrained on %2").arg(path, m_priorCorpus));
    m_priorCorpus.clear();
  });
  connect(m_controller, &TrainingController::stateChanged, this, [this] {
    if (!m_controller->isActive())
      m_priorCorpus.clear(); // stopped or failed: the panel keeps the task's own prior
  });
  connect(m_actions, &RunActions::sweepRequested, this, [this] {
    m_controller->requestSweep(
      m_presenter->task().objectives.size() <= 2 ? 10 : 4, 64, m_presenter->round());
  });
  connect(m_controller, &TrainingController::stateChanged, this, [this] {
    m_runSetup->setRunning(m_controller->isActive());
    if (m_controller->isActive())
      m_watcher->stop(); // the window shows its own run now
  });
  connect(m_watcher, &RunWatcher::changed, this, &MainWindow::showWatchedRun);
  connect(m_controller, &TrainingController::runFailed, this, [this](const QString& message) {
    warn(this, tr("The run failed"), message);
  });
  connect(m_controller, &TrainingController::runStored, this, [this](qint64 id) {
    m_runs->refresh();
    m_runSetup->setSource(
      tr("run %1 (%2)").arg(id).arg(QString::fromStdString(m_presenter->task().name)));
  });
  connect(m_controller, &TrainingController::storeWarning, this, [this](const QString& message) {
    warn(this, tr("The run is not recorded"), message);
  });
  connect(m_presenter, &RunPresenter::remergeShown, this, &MainWindow::remergeShown);
  connect(
    m_presenter, &RunPresenter::expertsReady, this, [this] { m_actions->setExpertsReady(true); });
  connect(m_runs, &RunLibrary::failed, m_status, &RunStatus::showMessage);
  connect(m_runs, &RunLibrary::openRequested, this, [this](qint64 id) { openStoredRun(id); });
  connect(m_runs, &RunLibrary::resumeRequested, this, [this](qint64 id) {
    if (openStoredRun(id, /*loadExperts=*/false))
      m_controller->resumeRun(id, m_cacheDirectory);
  });
  connect(m_exports, &ExportActions::message, m_status, &RunStatus::showMessage);
}

bool
MainWindow::loadTask(const QString& nameOrPath)
{
  if (m_controller->isActive())
    return false;
  try {
    const auto task = m_tasks->load(nameOrPath);
    m_watcher->stop();
    m_presenter->showTask(task);
    m_runSetup->setTask(task, nameOrPath, m_presenter->domain()->objectives());
    const bool cached = m_tasks->priorIsCached(task, *m_presenter->domain(), m_cacheDirectory);
    m_actions->setPriorCached(cached);
    const auto prior = describePrior(task, cached);
    m_runSetup->setPriorDescription(prior.line, prior.details);
    m_runSetup->setCorpusFileFilter(corpusFileFilter(*m_presenter->domain()));
    m_actions->setExpertsReady(false);
    setWindowTitle(tr("ParetoLab — %1").arg(QString::fromStdString(task.name)));
    m_status->showMessage(tr("Loaded %1. Press Start (F5) to train.").arg(nameOrPath));
    m_tasks->remember(nameOrPath);
    updateRecentTasks();
    return true;
  } catch (const std::exception& e) {
    m_status->showMessage(tr("Cannot load the task: %1").arg(QString::fromUtf8(e.what())));
    warn(this, tr("Cannot load the task"), QString::fromUtf8(e.what()));
    return false;
  }
}

void
MainWindow::startTraining()
{
  if (m_controller->isActive() || !m_runSetup->hasTask())
    return;
  if (const QString problem = m_runSetup->validationMessage(); !problem.isEmpty()) {
    m_status->showMessage(problem);
    return;
  }
  const auto task = m_runSetup->task();
  m_presenter->showTask(task);
  m_actions->setExpertsReady(false);
  m_controller->start(task, m_cacheDirectory);
}

bool
MainWindow::openStoredRun(qint64 id, bool loadExperts)
{
  if (m_controller->isActive())
    return false;
  const auto run = m_runs->load(id);
  if (!run)
    return false;
  try {
    m_presenter->showStoredRun(*run);
  } catch (const std::exception& e) {
    m_status->showMessage(tr("Cannot open run %1: %2").arg(id).arg(QString::fromUtf8(e.what())));
    return false;
  }
  m_runSetup->setTask(run->task, tr("run %1").arg(id), m_presenter->domain()->objectives());
  m_actions->setExpertsReady(false);
  // Its experts, so that the sliders and Sweep re-merge this run and no other.
  if (loadExperts && run->hasCheckpoint)
    m_controller->openRun(id, m_cacheDirectory);
  m_status->showMessage(tr("Opened run %1 (%2, %3 steps).")
                          .arg(id)
                          .arg(QString::fromStdString(run->record.status))
                          .arg(run->record.steps));
  m_status->showStoredRun(id,
                          run->record.steps,
                          run->task.training.totalSteps,
                          QString::fromStdString(run->record.status));
  setWindowTitle(
    tr("ParetoLab — run %1: %2").arg(id).arg(QString::fromStdString(run->record.name)));
  // A run another process is training (or one that was killed) is followed
  // while it says "running".
  m_watcher->watch(run->record);
  return true;
}

void
MainWindow::showWatchedRun(qint64 id)
{
  if (m_controller->isActive())
    return;
  const auto run = m_runs->load(id);
  if (!run)
    return;
  try {
    m_presenter->showStoredRun(*run);
  } catch (const std::exception& e) {
    m_watcher->stop();
    m_status->showMessage(tr("Cannot show run %1: %2").arg(id).arg(QString::fromUtf8(e.what())));
    return;
  }
  const auto& record = run->record;
  m_status->showStoredRun(
    id, record.steps, run->task.training.totalSteps, QString::fromStdString(record.status));
  if (record.status == "running") {
    m_status->showMessage(tr("Run %1 is training in another process: step %2 of %3, read at %4.")
                            .arg(id)
                            .arg(record.steps)
                            .arg(run->task.training.totalSteps)
                            .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    return;
  }
  m_status->showMessage(
    tr("Run %1 has ended (%2).").arg(id).arg(QString::fromStdString(record.status)));
  if (run->hasCheckpoint) // its last experts, for the sliders
    m_controller->openRun(id, m_cacheDirectory);
}

void
MainWindow::updateRecentTasks()
{
  m_recentMenu->clear();
  const auto recent = m_tasks->recent();
  for (const auto& task : recent)
    m_recentMenu->addAction(task, this, [this, task] { loadTask(task); });
  m_recentMenu->setEnabled(!recent.isEmpty());
}

void
MainWindow::closeEvent(QCloseEvent* event)
{
  QSettings settings;
  settings.setValue(QStringLiteral("geometry"), saveGeometry());
  settings.setValue(QStringLiteral("windowState"), saveState());
  m_runs->closeWindows();
  // The controller's destructor joins its threads; asking now lets the run
  // stop while the window closes.
  m_controller->stop();
  event->accept();
}

} // namespace paretolab::app
