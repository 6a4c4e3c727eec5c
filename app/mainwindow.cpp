// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "core/runtime.h"
#include "core/samplescsv.h"
#include "domains/domainregistry.h"
#include "domains/molecules/moleculeexport.h"
#include "paretoplot.h"
#include "paretoview.h"
#include "plotexport.h"
#include "rewardplot.h"
#include "runsetuppanel.h"
#include "samplesview.h"
#include "store/runstore.h"
#include "train/priorcache.h"
#include "weightsliders.h"

#include "core/atomicfile.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

#include <cmath>

namespace paretolab::app {

namespace {

QWidget*
titled(const QString& title, QWidget* content, QWidget* parent)
{
  auto* box = new QGroupBox(title, parent);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(content);
  return box;
}

// Window-modal but not blocking: a blocked event loop would stall training
// updates, tests and the screenshot mode.
void
warn(QWidget* parent, const QString& title, const QString& text)
{
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

QString
formatEta(double seconds)
{
  const auto total = qint64(std::llround(seconds));
  return total >= 3600
           ? QStringLiteral("%1:%2:%3")
               .arg(total / 3600)
               .arg(total / 60 % 60, 2, 10, QLatin1Char('0'))
               .arg(total % 60, 2, 10, QLatin1Char('0'))
           : QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

QStringList
toStringList(const std::vector<std::string>& texts)
{
  QStringList list;
  for (const auto& text : texts)
    list << QString::fromStdString(text);
  return list;
}

QVector<QVector<double>>
toMatrix(const std::vector<std::vector<double>>& rows)
{
  QVector<QVector<double>> matrix;
  for (const auto& row : rows)
    matrix << QVector<double>(row.begin(), row.end());
  return matrix;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
  : QMainWindow(parent)
  , m_controller(new TrainingController(this))
  , m_cacheDirectory(QString::fromStdString(engine::defaultCacheDirectory()))
{
  setWindowTitle(tr("ParetoLab"));
  setObjectName(QStringLiteral("MainWindow"));

  m_rewardPlot = new widgets::RewardPlot;
  m_paretoView = new widgets::ParetoView;
  widgets::addPlotExportMenu(m_rewardPlot);
  widgets::addPlotExportMenu(m_paretoView->plot());
  auto* plots = new QSplitter(Qt::Horizontal, this);
  plots->addWidget(titled(tr("Reward per objective"), m_rewardPlot, plots));
  plots->addWidget(titled(tr("Pareto front"), m_paretoView, plots));
  setCentralWidget(plots);

  createDocks();
  createMenus();
  createStatusBar();
  connectController();
  resize(1400, 860);
  restoreSettings();
}

MainWindow::~MainWindow() = default;

bool
MainWindow::priorIsCached(const engine::TaskConfig& task) const
{
  if (!task.priorPath.empty())
    return QFileInfo::exists(QString::fromStdString(task.priorPath));
  try {
    const auto domain = engine::makeDomain(task.domain, task.domainOptions);
    return QFileInfo::exists(QString::fromStdString(
      engine::priorCachePath(task, *domain, m_cacheDirectory.toStdString())));
  } catch (const std::exception&) {
    return false;
  }
}

widgets::ParetoPlot*
MainWindow::paretoPlot() const
{
  return m_paretoView->plot();
}

void
MainWindow::createDocks()
{
  m_runSetup = new widgets::RunSetupPanel;
  auto* setupScroll = new QScrollArea;
  setupScroll->setWidget(m_runSetup);
  setupScroll->setWidgetResizable(true);
  setupScroll->setFrameShape(QFrame::NoFrame);
  m_setupDock = new QDockWidget(tr("Run setup"), this);
  m_setupDock->setObjectName(QStringLiteral("RunSetupDock"));
  m_setupDock->setWidget(setupScroll);
  addDockWidget(Qt::LeftDockWidgetArea, m_setupDock);
  connect(m_runSetup, &widgets::RunSetupPanel::startRequested, this, &MainWindow::startTraining);
  connect(m_runSetup, &widgets::RunSetupPanel::pretrainRequested, this, [this] {
    if (!m_runSetup->hasTask() || m_controller->isActive())
      return;
    m_runClock.start();
    m_controller->pretrain(m_runSetup->task(), m_cacheDirectory);
  });
  connect(
    m_runSetup, &widgets::RunSetupPanel::pauseRequested, m_controller, &TrainingController::pause);
  connect(m_runSetup,
          &widgets::RunSetupPanel::resumeRequested,
          m_controller,
          &TrainingController::resume);
  connect(
    m_runSetup, &widgets::RunSetupPanel::stopRequested, m_controller, &TrainingController::stop);
  connect(m_runSetup, &widgets::RunSetupPanel::taskFileChosen, this, &MainWindow::loadTask);
  connect(m_runSetup, &widgets::RunSetupPanel::bundledTaskChosen, this, &MainWindow::loadTask);

  auto* weights = new QWidget;
  auto* weightsLayout = new QVBoxLayout(weights);
  m_sliders = new widgets::WeightSliders(weights);
  weightsLayout->addWidget(m_sliders);
  m_sweepButton = new QPushButton(tr("S&weep the simplex"), weights);
  m_sweepButton->setToolTip(tr("Evaluate a grid of weights over the simplex from the latest "
                               "experts: the Rewarded-Soups front of this run."));
  m_sweepButton->setEnabled(false);
  weightsLayout->addWidget(m_sweepButton);
  m_remergeInfo =
    new QLabel(tr("Drag a slider after the first merge to re-merge the experts."), weights);
  m_remergeInfo->setWordWrap(true);
  weightsLayout->addWidget(m_remergeInfo);
  weightsLayout->addStretch(1);
  m_weightsDock = new QDockWidget(tr("Weights"), this);
  m_weightsDock->setObjectName(QStringLiteral("WeightsDock"));
  m_weightsDock->setWidget(weights);
  addDockWidget(Qt::RightDockWidgetArea, m_weightsDock);
  connect(
    m_sliders, &widgets::WeightSliders::weightsChanged, this, [this](const QVector<double>& w) {
      if (!m_controller->trainer())
        return;
      m_remergeClock.start();
      m_controller->requestRemerge(w, 64);
    });
  connect(m_sweepButton, &QPushButton::clicked, this, [this] {
    paretoPlot()->removeKind(widgets::PointKind::Sweep);
    const int objectives = int(m_runningTask.objectives.size());
    m_controller->requestSweep(objectives <= 2 ? 10 : 4, 64);
  });

  m_samples = new widgets::SamplesView;
  m_samplesDock = new QDockWidget(tr("Samples"), this);
  m_samplesDock->setObjectName(QStringLiteral("SamplesDock"));
  m_samplesDock->setWidget(m_samples);
  addDockWidget(Qt::BottomDockWidgetArea, m_samplesDock);

  connect(paretoPlot(), &widgets::ParetoPlot::pointClicked, this, [this](int index) {
    const auto& point = paretoPlot()->point(index);
    if (point.evaluation >= 0 && point.evaluation < int(m_evaluations.size()))
      showSamples(m_evaluations[size_t(point.evaluation)]);
  });
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
  file->addAction(tr("R&uns…"), QKeySequence(tr("Ctrl+R")), this, &MainWindow::showRunBrowser);
  m_recentMenu = file->addMenu(tr("&Recent tasks"));
  updateRecentTasks();
  file->addAction(
    tr("&Export samples…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::exportSamples);
  file->addAction(tr("Export &Pareto plot…"), this, [this] { exportPlot(paretoPlot()); });
  file->addAction(tr("Export &reward plot…"), this, [this] {
    const QString path = QFileDialog::getSaveFileName(
      this, tr("Export plot"), QStringLiteral("rewards.png"), tr("Images (*.png *.svg *.pdf)"));
    if (path.isEmpty())
      return;
    const QString error = widgets::exportPlot(m_rewardPlot, path);
    if (!error.isEmpty())
      warn(this, tr("Export plot"), error);
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  auto* run = menuBar()->addMenu(tr("&Run"));
  run->addAction(tr("&Start"), QKeySequence(Qt::Key_F5), this, &MainWindow::startTraining);
  run->addAction(tr("&Pause / resume"), QKeySequence(Qt::Key_F6), this, [this] {
    if (m_controller->state() == TrainingController::State::Paused)
      m_controller->resume();
    else
      m_controller->pause();
  });
  run->addAction(
    tr("S&top"), QKeySequence(Qt::SHIFT | Qt::Key_F5), m_controller, &TrainingController::stop);

  auto* view = menuBar()->addMenu(tr("&View"));
  view->addAction(m_setupDock->toggleViewAction());
  view->addAction(m_weightsDock->toggleViewAction());
  view->addAction(m_samplesDock->toggleViewAction());

  auto* settings = menuBar()->addMenu(tr("&Settings"));
  auto* language = settings->addMenu(tr("&Language"));
  const QString current =
    QSettings().value(QStringLiteral("language"), QStringLiteral("en")).toString();
  for (const auto& [code, name] :
       { std::pair{ QStringLiteral("en"), QStringLiteral("English") },
         std::pair{ QStringLiteral("de"), QStringLiteral("Deutsch") } }) {
    auto* action = language->addAction(name, this, [this, code = code] {
      QSettings().setValue(QStringLiteral("language"), code);
      QMessageBox::information(
        this, tr("Language"), tr("The language changes when ParetoLab is started again."));
    });
    action->setCheckable(true);
    action->setChecked(code == current);
  }

  auto* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About ParetoLab"), this, &MainWindow::showAbout);
}

void
MainWindow::createStatusBar()
{
  m_statusText = new QLabel(tr("Ready"));
  m_progress = new QProgressBar;
  m_progress->setRange(0, 100);
  m_progress->setValue(0);
  m_progress->setTextVisible(true);
  m_progress->setFormat(tr("Idle"));
  m_progress->setMinimumWidth(320);
  statusBar()->addWidget(m_statusText, 1);
  statusBar()->addPermanentWidget(m_progress);
}

void
MainWindow::connectController()
{
  connect(m_controller, &TrainingController::stateChanged, this, &MainWindow::onStateChanged);
  connect(
    m_controller,
    &TrainingController::pretrainProgress,
    this,
    [this](qint64 done, qint64 total, double validationLoss) {
      m_progress->setRange(0, int(total));
      m_progress->setValue(int(done));
      const double elapsed = double(m_runClock.elapsed()) / 1000.0;
      const QString eta =
        done > 0 ? formatEta(elapsed * double(total - done) / double(done)) : QStringLiteral("?");
      m_progress->setFormat(tr("Pretraining the prior %p% · ETA %1").arg(eta));
      if (!std::isnan(validationLoss))
        m_statusText->setText(
          tr("Pretraining the prior: validation NLL %1 per token").arg(validationLoss, 0, 'f', 4));
    });
  connect(m_controller, &TrainingController::reportsReady, this, &MainWindow::onReports);
  connect(m_controller,
          &TrainingController::priorReady,
          this,
          [this](const QString& path, bool pretrained) {
            m_runSetup->setPriorCached(true);
            m_statusText->setText(pretrained ? tr("Prior pretrained and cached in %1").arg(path)
                                             : tr("Prior loaded from %1").arg(path));
          });
  connect(
    m_controller, &TrainingController::runFinished, this, [this](const engine::RunResult& result) {
      m_statusText->setText(
        (result.cancelled ? tr("Stopped after %1 steps.") : tr("Finished %1 steps."))
          .arg(result.stepsDone) +
        QLatin1Char(' ') +
        tr("Average reward %1 → %2.")
          .arg(result.initial.averageReward, 0, 'f', 3)
          .arg(result.final.averageReward, 0, 'f', 3));
    });
  connect(m_controller, &TrainingController::runFailed, this, [this](const QString& message) {
    m_statusText->setText(tr("The run failed: %1").arg(message));
    warn(this, tr("The run failed"), message);
  });
  connect(m_controller, &TrainingController::remergeReady, this, &MainWindow::onRemergeReady);
  connect(m_controller, &TrainingController::runStored, this, [this](qint64 id) {
    m_storedRun = id;
    m_statusText->setText(tr("Training; recorded as run %1.").arg(id));
    refreshRunBrowser();
  });
  connect(m_controller, &TrainingController::storeWarning, this, [this](const QString& message) {
    warn(this, tr("The run is not recorded"), message);
  });
  connect(m_controller, &TrainingController::remergeFailed, this, [this](const QString& message) {
    m_remergeInfo->setText(message);
  });
  connect(m_controller,
          &TrainingController::sweepPoint,
          this,
          [this](const QVector<double>& weights,
                 const engine::PolicyEvaluation& evaluation,
                 int index,
                 int count) {
            addFrontPoint(evaluation, weights, int(widgets::PointKind::Sweep));
            recordFrontPoint(paretoPlot()->pointCount() - 1);
            m_remergeInfo->setText(tr("Sweep: %1 of %2 weight vectors").arg(index + 1).arg(count));
          });
}

bool
MainWindow::loadTask(const QString& nameOrPath)
{
  if (m_controller->isActive())
    return false;
  try {
    engine::TaskConfig task;
    QFile bundled(QStringLiteral(":/tasks/%1.json").arg(nameOrPath));
    if (!nameOrPath.contains(QLatin1Char('/')) && bundled.open(QIODevice::ReadOnly))
      task =
        engine::parseTaskText(bundled.readAll().toStdString(), nameOrPath.toStdString() + ".json");
    else
      task = engine::loadTaskConfig(nameOrPath.toStdString());
    m_taskSource = nameOrPath;
    m_runSetup->setTask(task, nameOrPath);
    m_runSetup->setPriorCached(priorIsCached(task));
    m_runningTask = task;
    QStringList names;
    QVector<double> weights;
    for (const auto& objective : task.objectives) {
      names << QString::fromStdString(objective.name);
      weights << objective.weight;
    }
    m_sliders->setObjectives(names, weights);
    paretoPlot()->setObjectiveNames(names);
    paretoPlot()->clearPoints();
    m_evaluations.clear();
    m_rewardPlot->setSeries(names);
    m_sweepButton->setEnabled(false);
    setWindowTitle(tr("ParetoLab — %1").arg(QString::fromStdString(task.name)));
    m_statusText->setText(tr("Loaded %1. Press Start (F5) to train.").arg(nameOrPath));
    QSettings settings;
    settings.setValue(QStringLiteral("lastTask"), nameOrPath);
    auto recent = settings.value(QStringLiteral("recentTasks")).toStringList();
    recent.removeAll(nameOrPath);
    recent.prepend(nameOrPath);
    settings.setValue(QStringLiteral("recentTasks"), QStringList(recent.mid(0, 8)));
    updateRecentTasks();
    return true;
  } catch (const std::exception& e) {
    m_statusText->setText(tr("Cannot load the task: %1").arg(QString::fromUtf8(e.what())));
    warn(this, tr("Cannot load the task"), QString::fromUtf8(e.what()));
    return false;
  }
}

void
MainWindow::startTraining()
{
  if (m_controller->isActive() || !m_runSetup->hasTask())
    return;
  const QString problem = m_runSetup->validationMessage();
  if (!problem.isEmpty()) {
    m_statusText->setText(problem);
    return;
  }
  m_runningTask = m_runSetup->task();
  QStringList names;
  for (const auto& objective : m_runningTask.objectives)
    names << QString::fromStdString(objective.name);
  m_rewardPlot->setSeries(names);
  paretoPlot()->setObjectiveNames(names);
  paretoPlot()->clearPoints();
  m_evaluations.clear();
  m_runClock.start();
  m_controller->start(m_runningTask, m_cacheDirectory);
}

void
MainWindow::onStateChanged(TrainingController::State state)
{
  using State = TrainingController::State;
  const bool active =
    state == State::Preparing || state == State::Training || state == State::Paused;
  m_runSetup->setRunState(active, state == State::Paused);
  m_sweepButton->setEnabled(state == State::Finished || state == State::Training ||
                            state == State::Paused);
  switch (state) {
    case State::Preparing:
      m_statusText->setText(tr("Loading the prior (pretrained on first use, then cached)…"));
      m_progress->setFormat(tr("Preparing…"));
      break;
    case State::Training:
      m_statusText->setText(tr("Training…"));
      m_runClock.start();
      break;
    case State::Paused:
      m_progress->setFormat(tr("Paused at %v / %m steps"));
      break;
    case State::Finished:
      m_progress->setFormat(tr("Done: %v / %m steps"));
      break;
    case State::Idle:
      m_progress->setFormat(tr("Idle"));
      break;
  }
}

void
MainWindow::onReports(const QVector<engine::StepReport>& steps,
                      const QVector<engine::MergeReport>& merges,
                      qint64 done,
                      qint64 total)
{
  for (const auto& step : steps)
    m_rewardPlot->addExpertStep(
      step.expert,
      int(step.step),
      QVector<double>(step.transformedMeans.begin(), step.transformedMeans.end()));
  for (const auto& merge : merges) {
    const auto& means = merge.evaluation.transformedMeans;
    m_rewardPlot->addMergedPoint(int(merge.step), QVector<double>(means.begin(), means.end()));
    addFrontPoint(merge.evaluation,
                  QVector<double>(merge.lambda.begin(), merge.lambda.end()),
                  int(merge.round == 0 ? widgets::PointKind::Prior : widgets::PointKind::Merged));
    showSamples(merge.evaluation);
  }
  if (!merges.isEmpty() && merges.back().round > 0)
    m_remergeInfo->setText(tr("Round %1 merged. Drag a slider to re-merge the experts with other "
                              "weights.")
                             .arg(merges.back().round));
  m_progress->setRange(0, int(total));
  m_progress->setValue(int(done));
  if (m_controller->state() == TrainingController::State::Training && done > 0) {
    const double elapsed = double(m_runClock.elapsed()) / 1000.0;
    m_progress->setFormat(
      tr("%v / %m steps · ETA %1").arg(formatEta(elapsed * double(total - done) / double(done))));
  }
}

void
MainWindow::addFrontPoint(const engine::PolicyEvaluation& evaluation,
                          const QVector<double>& lambda,
                          int kind)
{
  widgets::FrontPoint point;
  point.objectives =
    QVector<double>(evaluation.transformedMeans.begin(), evaluation.transformedMeans.end());
  point.lambda = lambda;
  point.samples = toStringList(std::vector<std::string>(
    evaluation.samples.begin(),
    evaluation.samples.begin() + std::min<size_t>(3, evaluation.samples.size())));
  point.kind = widgets::PointKind(kind);
  point.evaluation = int(m_evaluations.size());
  m_evaluations.push_back(evaluation);
  paretoPlot()->addPoint(point);
}

void
MainWindow::onRemergeReady(const QVector<double>& weights,
                           const engine::PolicyEvaluation& evaluation,
                           double seconds)
{
  paretoPlot()->removeKind(widgets::PointKind::Remerged);
  addFrontPoint(evaluation, weights, int(widgets::PointKind::Remerged));
  paretoPlot()->setSelected(paretoPlot()->pointCount() - 1);
  recordFrontPoint(paretoPlot()->pointCount() - 1);
  showSamples(evaluation);
  const double shownAfter = m_remergeClock.isValid() ? m_remergeClock.elapsed() / 1000.0 : seconds;
  m_remergeInfo->setText(tr("Re-merged and scored %1 samples in %2 s (average reward %3).")
                           .arg(evaluation.samples.size())
                           .arg(shownAfter, 0, 'f', 2)
                           .arg(evaluation.averageReward, 0, 'f', 3));
  Q_EMIT remergeShown(shownAfter);
}

void
MainWindow::recordFrontPoint(int pointIndex)
{
  if (m_storedRun == 0)
    return;
  try {
    const auto& point = paretoPlot()->point(pointIndex);
    engine::RunStore(m_controller->databasePath().toStdString())
      .recordFrontPoint(m_storedRun,
                        std::vector<double>(point.lambda.begin(), point.lambda.end()),
                        std::vector<double>(point.objectives.begin(), point.objectives.end()),
                        paretoPlot()->nonDominated().value(pointIndex));
  } catch (const std::exception& e) {
    m_statusText->setText(tr("The point was not recorded: %1").arg(QString::fromUtf8(e.what())));
  }
}

void
MainWindow::showSamples(const engine::PolicyEvaluation& evaluation)
{
  m_shownSamples = evaluation;
  m_hasShownSamples = true;
  QStringList names;
  for (const auto& objective : m_runningTask.objectives)
    names << QString::fromStdString(objective.name);
  m_samples->setSamples(QString::fromStdString(m_runningTask.domain),
                        names,
                        toStringList(evaluation.samples),
                        toMatrix(evaluation.rawScores));
}

void
MainWindow::exportSamples()
{
  if (!m_hasShownSamples) {
    m_statusText->setText(tr("There are no samples to export yet."));
    return;
  }
  const bool molecules = m_runningTask.domain == "molecules";
  QString filter = tr("CSV (*.csv)");
  if (molecules)
    filter += QStringLiteral(";;") + tr("SD file (*.sdf)");
  QString chosen;
  const QString path = QFileDialog::getSaveFileName(
    this, tr("Export samples"), QStringLiteral("samples.csv"), filter, &chosen);
  if (path.isEmpty())
    return;
  std::vector<std::string> names;
  for (const auto& objective : m_runningTask.objectives)
    names.push_back(objective.name);
  try {
    if (path.endsWith(QStringLiteral(".sdf"), Qt::CaseInsensitive) && molecules)
      engine::writeMoleculeSdf(
        path.toStdString(), m_shownSamples.samples, names, m_shownSamples.rawScores);
    else
      engine::writeFileAtomically(path.toStdString(),
                                  engine::samplesCsv(molecules ? "smiles" : "sample",
                                                     m_shownSamples.samples,
                                                     names,
                                                     m_shownSamples.rawScores));
    m_statusText->setText(
      tr("Exported %1 samples to %2").arg(m_shownSamples.samples.size()).arg(path));
  } catch (const std::exception& e) {
    warn(this, tr("Export samples"), QString::fromUtf8(e.what()));
  }
}

void
MainWindow::exportPlot(widgets::ParetoPlot* plot)
{
  const QString path = QFileDialog::getSaveFileName(
    this, tr("Export plot"), QStringLiteral("pareto-front.png"), tr("Images (*.png *.svg *.pdf)"));
  if (path.isEmpty())
    return;
  const QString error = widgets::exportPlot(plot, path);
  if (!error.isEmpty())
    warn(this, tr("Export plot"), error);
}

void
MainWindow::showAbout()
{
  const auto info = engine::runtimeInfo();
  QMessageBox::about(
    this,
    tr("About ParetoLab"),
    tr("<h3>ParetoLab %1</h3>"
       "<p>Fine-tune generative models on several rewards at once with IterativeRS "
       "(Ghari, Sciabola, Wang, NeurIPS 2025), MORLHF and Rewarded Soups.</p>"
       "<p>LibTorch %2 · RDKit %3 · Qt %4</p>"
       "<p>Licensed under the GNU GPL, version 3 or later.</p>")
      .arg(QString::fromStdString(info.paretolab),
           QString::fromStdString(info.torch),
           QString::fromStdString(info.rdkit),
           QString::fromLatin1(qVersion())));
}

void
MainWindow::updateRecentTasks()
{
  if (!m_recentMenu)
    return;
  m_recentMenu->clear();
  const auto recent = QSettings().value(QStringLiteral("recentTasks")).toStringList();
  for (const auto& task : recent)
    m_recentMenu->addAction(task, this, [this, task] { loadTask(task); });
  m_recentMenu->setEnabled(!recent.isEmpty());
}

void
MainWindow::restoreSettings()
{
  QSettings settings;
  restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
  restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
}

void
MainWindow::saveSettings() const
{
  QSettings settings;
  settings.setValue(QStringLiteral("geometry"), saveGeometry());
  settings.setValue(QStringLiteral("windowState"), saveState());
}

void
MainWindow::closeEvent(QCloseEvent* event)
{
  saveSettings();
  // The controller's destructor joins its threads; asking now lets the run
  // stop while the window closes.
  m_controller->stop();
  event->accept();
}

} // namespace paretolab::app
