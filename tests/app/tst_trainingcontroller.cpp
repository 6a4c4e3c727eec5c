// SPDX-License-Identifier: GPL-3.0-or-later
#include "trainingcontroller.h"

#include "runcontrol.h"
#include "store/runstore.h"
#include "train/taskconfig.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>
#include <thread>

using paretolab::app::TrainingController;
using namespace paretolab::engine;

namespace {

TaskConfig
toyTask(int steps)
{
  return loadTaskConfig(PARETOLAB_SOURCE_DIR "/resources/tasks/toy.json",
                        { "training.total_steps=" + std::to_string(steps),
                          "training.evaluation_batch=32",
                          "pretrain.epochs=2" });
}

bool
waitForState(TrainingController& controller, TrainingController::State state, int ms)
{
  return QTest::qWaitFor([&] { return controller.state() == state; }, ms);
}

} // namespace

class TestTrainingController : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() { QVERIFY(m_cache.isValid()); }

  void runsOnAWorkerThreadAndReportsProgress()
  {
    TrainingController controller;
    QSignalSpy reports(&controller, &TrainingController::reportsReady);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QThread* reportThread = nullptr;
    connect(&controller, &TrainingController::reportsReady, this, [&] {
      reportThread = QThread::currentThread();
    });
    auto stateAtFinish = TrainingController::State::Preparing;
    connect(&controller, &TrainingController::runFinished, this, [&] {
      stateAtFinish = controller.state();
    });
    controller.start(toyTask(12), m_cache.path());
    QCOMPARE(controller.state(), TrainingController::State::Preparing);
    QVERIFY(finished.wait(120000));
    // The spy hears the signal on the worker thread; a slot on the GUI thread
    // runs later, and finds the run already finished.
    QTRY_COMPARE(stateAtFinish, TrainingController::State::Finished);
    QCOMPARE(controller.state(), TrainingController::State::Finished);
    QVERIFY(reports.count() >= 1);
    QCOMPARE(reportThread, QThread::currentThread()); // delivered on the GUI thread

    qsizetype steps = 0, merges = 0;
    qint64 lastDone = 0;
    for (const auto& args : reports) {
      steps += args.at(0).value<QVector<StepReport>>().size();
      merges += args.at(1).value<QVector<MergeReport>>().size();
      lastDone = args.at(2).toLongLong();
      QCOMPARE(args.at(3).toLongLong(), qint64(12));
    }
    QCOMPARE(steps, qsizetype(36)); // 12 steps x 3 experts
    QCOMPARE(merges, qsizetype(4)); // the prior, then rounds at steps 4, 8 and 12
    QCOMPARE(lastDone, qint64(12));
    const auto result = finished.first().at(0).value<RunResult>();
    QVERIFY(!result.cancelled);
    QVERIFY(controller.trainer());
  }

  void stopsCleanlyMidRun()
  {
    TrainingController controller;
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    controller.start(toyTask(400), m_cache.path());
    QVERIFY(waitForState(controller, TrainingController::State::Training, 60000));
    QTest::qWait(300);
    controller.stop();
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().at(0).value<RunResult>();
    QVERIFY(result.cancelled);
    QVERIFY(result.stepsDone < 400);
  }

  void pausesAndResumes()
  {
    TrainingController controller;
    QSignalSpy reports(&controller, &TrainingController::reportsReady);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QSignalSpy held(&controller, &TrainingController::stepsHeld);
    controller.start(toyTask(60), m_cache.path());
    QVERIFY(waitForState(controller, TrainingController::State::Training, 60000));
    controller.pause();
    QCOMPARE(controller.state(), TrainingController::State::Paused);
    // The step under way finishes, is reported at once, and the worker holds.
    QVERIFY(held.wait(60000));
    const auto stepsDone = held.first().at(0).toLongLong();
    QVERIFY(!reports.isEmpty());
    QCOMPARE(reports.last().at(2).toLongLong(), stepsDone);
    const auto countWhilePaused = reports.count();
    QTest::qWait(1000);
    QCOMPARE(reports.count(), countWhilePaused); // nothing moves while paused
    QCOMPARE(held.count(), 1);
    controller.resume();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.first().at(0).value<RunResult>().cancelled);
  }

  void destroyingDuringARunStopsIt()
  {
    auto controller = std::make_unique<TrainingController>();
    controller->start(toyTask(1000), m_cache.path());
    QVERIFY(waitForState(*controller, TrainingController::State::Training, 60000));
    QElapsedTimer timer;
    timer.start();
    controller.reset(); // must stop the run and join its threads
    QVERIFY(timer.elapsed() < 10000);
  }

  void aBurstOfRemergesGivesOneResultForTheLastPosition()
  {
    TrainingController controller;
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    controller.start(toyTask(4), m_cache.path());
    QVERIFY(finished.wait(60000));

    QSignalSpy ready(&controller, &TrainingController::remergeReady);
    QVector<double> last;
    for (int i = 0; i <= 30; ++i) {
      const double a = i / 30.0;
      last = { a, (1.0 - a) / 2.0, (1.0 - a) / 2.0 };
      controller.requestRemerge(last, 32);
    }
    QVERIFY(ready.wait(30000));
    QTest::qWait(500); // nothing else may follow
    QCOMPARE(ready.count(), 1);
    QCOMPARE(ready.first().at(0).value<QVector<double>>(), last);
    const auto evaluation = ready.first().at(1).value<PolicyEvaluation>();
    QCOMPARE(evaluation.samples.size(), size_t(32));
    QCOMPARE(evaluation.transformedMeans.size(), size_t(3));
  }

  void sweepsTheSimplex()
  {
    TrainingController controller;
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    controller.start(toyTask(4), m_cache.path());
    QVERIFY(finished.wait(60000));
    QSignalSpy points(&controller, &TrainingController::sweepPoint);
    controller.requestSweep(2, 16);
    QVERIFY(QTest::qWaitFor([&] { return points.count() == 6; }, 30000)); // C(2+2, 2)
    for (const auto& args : points) {
      const auto weights = args.at(0).value<QVector<double>>();
      QCOMPARE(std::accumulate(weights.begin(), weights.end(), 0.0), 1.0);
    }
  }

  // A slider move cancels a running sweep: the latest request wins.
  void aSliderMoveCancelsARunningSweep()
  {
    TrainingController controller;
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    controller.start(toyTask(4), m_cache.path());
    QVERIFY(finished.wait(60000));
    QSignalSpy points(&controller, &TrainingController::sweepPoint);
    QSignalSpy stopped(&controller, &TrainingController::sweepStopped);
    QSignalSpy ready(&controller, &TrainingController::remergeReady);
    controller.requestSweep(10, 32); // 66 weight vectors
    QVERIFY(points.wait(30000));
    const QVector<double> wanted{ 0.2, 0.3, 0.5 };
    controller.requestRemerge(wanted, 32);
    QVERIFY(ready.wait(30000));
    QCOMPARE(ready.first().at(0).value<QVector<double>>(), wanted);
    QCOMPARE(stopped.count(), 1);
    QVERIFY(points.count() < 66);
    QCOMPARE(stopped.first().at(1).toInt(), 66);
    QCOMPARE(stopped.first().at(0).toInt(), int(points.count()));
  }

  // The worker takes the database path when the run starts; changing it
  // afterwards (the GUI thread may) does not move a running run.
  void aRunKeepsTheDatabaseItStartedWith()
  {
    QTemporaryDir data;
    const QString first = data.filePath(QStringLiteral("first.sqlite"));
    const QString second = data.filePath(QStringLiteral("second.sqlite"));
    TrainingController controller;
    controller.setDatabasePath(first);
    QSignalSpy finished(&controller, &TrainingController::runFinished);
    QSignalSpy stored(&controller, &TrainingController::runStored);
    controller.start(toyTask(4), m_cache.path());
    controller.setDatabasePath(second);
    QVERIFY(finished.wait(60000));
    QCOMPARE(stored.count(), 1);
    QCOMPARE(RunStore(first.toStdString()).runs().size(), size_t(1));
    QVERIFY(!QFile::exists(second));
  }

  // A stop while paused wakes the worker: the notification cannot be lost
  // between its check of the state and its wait.
  void aStopWhilePausedIsNeverLost()
  {
    for (int attempt = 0; attempt < 300; ++attempt) {
      paretolab::app::RunControl control;
      control.setPaused(true);
      std::thread worker([&] { control.waitWhilePaused(); });
      if (attempt % 2)
        std::this_thread::yield();
      control.requestStop();
      QElapsedTimer timer;
      timer.start();
      worker.join();
      QVERIFY(timer.elapsed() < 2000);
      QVERIFY(control.token().stop_requested());
    }
  }

  void pretrainsOnlyTheprior()
  {
    QTemporaryDir cache;
    TrainingController controller;
    QSignalSpy ready(&controller, &TrainingController::priorReady);
    QSignalSpy progress(&controller, &TrainingController::pretrainProgress);
    QSignalSpy reports(&controller, &TrainingController::reportsReady);
    controller.pretrain(toyTask(4), cache.path());
    QVERIFY(ready.wait(60000));
    QVERIFY(ready.first().at(1).toBool()); // pretrained now, not loaded
    QVERIFY(QFile::exists(ready.first().at(0).toString()));
    QVERIFY(progress.count() >= 1);
    QVERIFY(waitForState(controller, TrainingController::State::Idle, 5000));
    QCOMPARE(reports.count(), 0); // no training
    controller.pretrain(toyTask(4), cache.path());
    QVERIFY(ready.wait(60000));
    QVERIFY(!ready.last().at(1).toBool()); // the second time it comes from the cache
  }

  void reportsABadTaskAsAMessage()
  {
    TrainingController controller;
    QSignalSpy failed(&controller, &TrainingController::runFailed);
    std::optional<TrainingController::State> stateAtFailure;
    connect(&controller, &TrainingController::runFailed, this, [&] {
      stateAtFailure = controller.state();
    });
    auto task = toyTask(4);
    task.priorPath = "/nonexistent/prior.plckpt";
    controller.start(task, m_cache.path());
    QVERIFY(failed.wait(30000));
    QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("/nonexistent/prior.plckpt")));
    // The failure arrives after the Idle state, so its message is the last word.
    QTRY_VERIFY(stateAtFailure.has_value());
    QCOMPARE(*stateAtFailure, TrainingController::State::Idle);
  }

private:
  QTemporaryDir m_cache;
};

QTEST_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
