// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingcontroller.h"

#include "metrics/simplexgrid.h"

#include "runcontrol.h"

#include "core/domainregistry.h"
#include "store/runsession.h"
#include "train/priorcache.h"

#include <QElapsedTimer>

#include <cmath>
#include <nlohmann/json.hpp>

#include <optional>

namespace paretolab::app {

namespace {

constexpr qint64 kReportIntervalMs = 100;   // ~10 updates a second keep the GUI fluid
constexpr uint64_t kPreviewSeed = 20251101; // same weights, same preview samples

/// Collects the trainer's reports on the worker thread and hands them to the
/// GUI in batches, at most every kReportIntervalMs; honours pause between steps.
class CoalescingObserver : public engine::TrainingObserver
{
public:
  CoalescingObserver(TrainingController* controller, RunControl& control, qint64 totalSteps)
    : m_controller(controller)
    , m_control(control)
    , m_totalSteps(totalSteps)
  {
    m_sinceFlush.start();
  }

  void onStep(const engine::StepReport& report) override
  {
    m_steps.push_back(report);
    m_stepsDone = std::max<qint64>(m_stepsDone, report.step - 1);
    if (m_control.isPaused()) {
      // Show every step done before holding still, not only those due a report.
      flush();
      Q_EMIT m_controller->stepsHeld(m_stepsDone);
    } else {
      flushIfDue();
    }
    m_control.waitWhilePaused();
  }

  void onMerge(const engine::MergeReport& report) override
  {
    m_merges.push_back(report);
    m_stepsDone = std::max<qint64>(m_stepsDone, report.step);
    flushIfDue();
  }

  void flush()
  {
    if (m_steps.isEmpty() && m_merges.isEmpty())
      return;
    // Emitting from this thread is safe: receivers in the GUI thread get it queued.
    Q_EMIT m_controller->reportsReady(m_steps, m_merges, m_stepsDone, m_totalSteps);
    m_steps.clear();
    m_merges.clear();
    m_sinceFlush.restart();
  }

private:
  void flushIfDue()
  {
    if (m_sinceFlush.elapsed() >= kReportIntervalMs)
      flush();
  }

  TrainingController* m_controller;
  RunControl& m_control;
  qint64 m_totalSteps;
  qint64 m_stepsDone = 0;
  QVector<engine::StepReport> m_steps;
  QVector<engine::MergeReport> m_merges;
  QElapsedTimer m_sinceFlush;
};

} // namespace

TrainingController::TrainingController(QObject* parent)
  : QObject(parent)
{
  qRegisterMetaType<engine::StepReport>();
  qRegisterMetaType<engine::MergeReport>();
  qRegisterMetaType<engine::PolicyEvaluation>();
  qRegisterMetaType<engine::RunResult>();
  m_databasePath = QString::fromStdString(engine::RunStore::defaultPath());
  m_trainingThread.setObjectName(QStringLiteral("training"));
  m_remergeThread.setObjectName(QStringLiteral("remerge"));
  m_trainingContext.moveToThread(&m_trainingThread);
  m_remergeContext.moveToThread(&m_remergeThread);
  m_trainingThread.start();
  m_remergeThread.start();
}

TrainingController::~TrainingController()
{
  stop();
  m_trainingThread.quit();
  m_remergeThread.quit();
  m_trainingThread.wait();
  m_remergeThread.wait();
}

bool
TrainingController::isActive() const
{
  return m_state == State::Preparing || m_state == State::Training || m_state == State::Paused;
}

void
TrainingController::setState(State state)
{
  if (m_state == state)
    return;
  m_state = state;
  Q_EMIT stateChanged(state);
}

void
TrainingController::start(const engine::TaskConfig& task, const QString& cacheDirectory)
{
  launch(task, cacheDirectory, Launch{ .train = true });
}

void
TrainingController::pretrain(const engine::TaskConfig& task, const QString& cacheDirectory)
{
  launch(task, cacheDirectory, Launch{ .train = false });
}

void
TrainingController::pretrainOnFile(const engine::TaskConfig& task,
                                   const QString& corpusFile,
                                   const QString& cacheDirectory)
{
  launch(task, cacheDirectory, Launch{ .train = false, .corpusFile = corpusFile });
}

void
TrainingController::resumeRun(qint64 runId, const QString& cacheDirectory)
{
  launch(engine::TaskConfig{}, cacheDirectory, Launch{ .train = true, .resumeRun = runId });
}

void
TrainingController::openRun(qint64 runId, const QString& cacheDirectory)
{
  launch(engine::TaskConfig{},
         cacheDirectory,
         Launch{ .train = true, .resumeRun = runId, .openOnly = true });
}

void
TrainingController::launch(const engine::TaskConfig& task,
                           const QString& cacheDirectory,
                           Launch what)
{
  if (isActive())
    return;
  m_control = std::make_shared<RunControl>();
  setState(State::Preparing);
  QMetaObject::invokeMethod(
    &m_trainingContext,
    [this, task, cacheDirectory, databasePath = m_databasePath, control = m_control, what] {
      runTraining(task, cacheDirectory, databasePath, control, what);
    },
    Qt::QueuedConnection);
}

void
TrainingController::pause()
{
  if (m_state != State::Training || !m_control)
    return;
  m_control->setPaused(true);
  setState(State::Paused);
}

void
TrainingController::resume()
{
  if (m_state != State::Paused || !m_control)
    return;
  m_control->setPaused(false);
  setState(State::Training);
}

void
TrainingController::stop()
{
  if (m_control)
    m_control->requestStop();
}

std::shared_ptr<engine::Trainer>
TrainingController::trainer() const
{
  std::lock_guard lock(m_mutex);
  return m_trainer;
}

void
TrainingController::runTraining(engine::TaskConfig task,
                                QString cacheDirectory,
                                QString databasePath,
                                std::shared_ptr<RunControl> control,
                                Launch what)
{
  // Runs on m_trainingThread. No exception may cross into the event loop.
  auto postState = [this](State state) {
    QMetaObject::invokeMethod(
      this, [this, state] { setState(state); }, Qt::QueuedConnection);
  };
  std::optional<engine::RunSession> session;
  try {
    // The store is opened on this thread: one SQLite connection per thread.
    if (what.train) {
      try {
        session.emplace(databasePath.toStdString());
      } catch (const std::exception& e) {
        if (what.resumeRun)
          throw;
        Q_EMIT storeWarning(QString::fromUtf8(e.what()));
      }
    }
    if (what.resumeRun && what.openOnly) {
      // Only the experts are wanted: no store rows change.
      const auto checkpoint = session->store().lastCheckpoint(what.resumeRun);
      if (!checkpoint)
        throw std::runtime_error("run " + std::to_string(what.resumeRun) +
                                 " has no completed merge round");
      task = engine::parseTaskConfig(
        nlohmann::json::parse(session->store().run(what.resumeRun)->taskJson),
        "run " + std::to_string(what.resumeRun));
    } else if (what.resumeRun) {
      session->resume(what.resumeRun);
      task = session->task();
    }
    auto domain = engine::makeDomain(task.domain, task.domainOptions);
    QElapsedTimer sincePretrainReport;
    sincePretrainReport.start();
    auto progress = [&](const engine::PretrainProgress& p) {
      if (sincePretrainReport.elapsed() < kReportIntervalMs && !p.validated)
        return;
      sincePretrainReport.restart();
      Q_EMIT pretrainProgress(
        (p.epoch - 1) * p.batches + p.batch, p.epochs * p.batches, p.validationLoss, p.validity);
    };
    auto prior = what.corpusFile.isEmpty()
                   ? engine::obtainPrior(
                       task, *domain, cacheDirectory.toStdString(), progress, control->token())
                   : engine::obtainPriorFromFile(task,
                                                 *domain,
                                                 what.corpusFile.toStdString(),
                                                 cacheDirectory.toStdString(),
                                                 progress,
                                                 control->token());
    if (prior.cancelled) {
      postState(State::Idle);
      return;
    }
    Q_EMIT priorReady(QString::fromStdString(prior.path), prior.pretrained);
    if (!what.train) {
      postState(State::Idle);
      return;
    }
    if (session && !what.resumeRun)
      session->create(task, prior.path);
    if (session && !what.openOnly) {
      task = session->task();
      Q_EMIT runStored(session->runId());
    }
    std::shared_ptr<engine::Trainer> trainer =
      engine::makeTrainer(domain, prior.policy, task.objectives, task.training);
    {
      std::lock_guard lock(m_mutex);
      m_trainer = trainer;
    }
    if (what.openOnly) {
      if (const auto checkpoint = session->store().lastCheckpoint(what.resumeRun))
        trainer->resumeFrom(checkpoint->path);
      Q_EMIT runOpened(what.resumeRun);
      postState(State::Finished);
      return;
    }
    if (session && session->resumePoint())
      trainer->resumeFrom(session->resumePoint()->path);
    postState(control->isPaused() ? State::Paused : State::Training);
    CoalescingObserver observer(this, *control, task.training.totalSteps);
    std::unique_ptr<engine::TrainingObserver> recorder;
    if (session)
      recorder = session->recorder(&observer);
    engine::TrainingObserver& sink = recorder ? *recorder : observer;
    const auto result = trainer->run(sink, control->token());
    observer.flush();
    if (session)
      session->finish(result);
    // The state goes first: queued to the GUI thread in this order, a slot on
    // runFinished (or runFailed) already sees an inactive controller.
    postState(State::Finished);
    Q_EMIT runFinished(result);
  } catch (const std::exception& e) {
    // c10::Error messages carry a backtrace after the first line.
    const QString message = QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0);
    if (session && session->runId() && !what.openOnly) {
      try {
        session->fail();
      } catch (const std::exception&) {
      }
    }
    postState(State::Idle);
    Q_EMIT runFailed(message);
  }
}

void
TrainingController::requestRemerge(const QVector<double>& weights, int sampleCount, qint64 round)
{
  std::lock_guard lock(m_mutex);
  m_pendingRemerge = RemergeRequest{ weights, sampleCount, round };
  ++m_remergeGeneration;
  if (!m_remergeScheduled.exchange(true))
    QMetaObject::invokeMethod(
      &m_remergeContext, [this] { processRemerges(); }, Qt::QueuedConnection);
}

void
TrainingController::processRemerges()
{
  // Runs on m_remergeThread until no request is pending.
  while (true) {
    RemergeRequest request;
    uint64_t generation = 0;
    std::shared_ptr<engine::Trainer> trainer;
    {
      std::lock_guard lock(m_mutex);
      if (!m_pendingRemerge) {
        m_remergeScheduled = false;
        return;
      }
      request = *m_pendingRemerge;
      m_pendingRemerge.reset();
      generation = m_remergeGeneration.load();
      trainer = m_trainer;
    }
    if (!trainer) {
      Q_EMIT remergeFailed(tr("There are no experts to merge yet: start a run first."));
      continue;
    }
    try {
      QElapsedTimer timer;
      timer.start();
      const auto round = request.round >= 0 ? request.round : trainer->latestRound();
      const auto policy = trainer->remerge(
        std::vector<double>(request.weights.begin(), request.weights.end()), round);
      if (generation != m_remergeGeneration.load())
        continue; // a newer position arrived: skip sampling for this one
      auto evaluation = trainer->evaluate(policy, request.sampleCount, kPreviewSeed);
      if (generation != m_remergeGeneration.load())
        continue; // stale: never deliver an old position after a newer request
      Q_EMIT remergeReady(
        request.weights, evaluation, double(timer.nsecsElapsed()) / 1e9, qint64(round));
    } catch (const std::exception& e) {
      Q_EMIT remergeFailed(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
    }
  }
}

void
TrainingController::loadRound(const QString& checkpoint)
{
  auto trainer = this->trainer();
  if (!trainer) {
    Q_EMIT remergeFailed(tr("There are no experts to merge yet: start a run first."));
    return;
  }
  QMetaObject::invokeMethod(
    &m_remergeContext,
    [this, trainer, checkpoint] {
      try {
        Q_EMIT roundLoaded(trainer->loadRound(checkpoint.toStdString()));
      } catch (const std::exception& e) {
        Q_EMIT remergeFailed(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
      }
    },
    Qt::QueuedConnection);
}

void
TrainingController::requestSweep(int divisions, int sampleCount, qint64 round)
{
  auto trainer = this->trainer();
  if (!trainer) {
    Q_EMIT remergeFailed(tr("There are no experts to merge yet: start a run first."));
    return;
  }
  QVector<QVector<double>> grid;
  for (const auto& weights :
       engine::simplexGrid(trainer->objectives().size(), std::max(1, divisions)))
    grid.append(QVector<double>(weights.begin(), weights.end()));
  uint64_t generation = 0;
  {
    // A sweep is a request like a slider move: it replaces what is pending.
    std::lock_guard lock(m_mutex);
    m_pendingRemerge.reset();
    generation = ++m_remergeGeneration;
  }
  QMetaObject::invokeMethod(
    &m_remergeContext,
    [this, trainer, grid, sampleCount, round, generation] {
      runSweep(trainer, grid, sampleCount, round >= 0 ? round : trainer->latestRound(), generation);
    },
    Qt::QueuedConnection);
}

void
TrainingController::runSweep(std::shared_ptr<engine::Trainer> trainer,
                             QVector<QVector<double>> grid,
                             int sampleCount,
                             qint64 round,
                             uint64_t generation)
{
  // Runs on m_remergeThread. A newer request (a slider move or another sweep)
  // changes the generation; the sweep then stops between two points, and the
  // pending re-merge runs next on this thread.
  for (int i = 0; i < grid.size(); ++i) {
    if (generation != m_remergeGeneration.load()) {
      Q_EMIT sweepStopped(i, int(grid.size()));
      return;
    }
    try {
      const auto& weights = grid[i];
      const auto policy =
        trainer->remerge(std::vector<double>(weights.begin(), weights.end()), round);
      auto evaluation = trainer->evaluate(policy, sampleCount, kPreviewSeed);
      if (generation != m_remergeGeneration.load()) {
        Q_EMIT sweepStopped(i, int(grid.size()));
        return;
      }
      Q_EMIT sweepPoint(weights, evaluation, i, int(grid.size()), round);
    } catch (const std::exception& e) {
      Q_EMIT remergeFailed(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
      return;
    }
  }
}

} // namespace paretolab::app
