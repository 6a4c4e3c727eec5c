// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotatedsamplespage.h"
#include "divergenceplot.h"
#include "mainwindow.h"
#include "paretoplot.h"
#include "rewardplot.h"
#include "runbrowser.h"
#include "runcomparison.h"

#include "runlibrary.h"
#include "runsetuppanel.h"
#include "runwatcher.h"
#include "samplestable.h"
#include "samplesview.h"
#include "screenshot.h"
#include "store/runstore.h"
#include "weightsliders.h"
#include <QTableWidget>

#include <QDockWidget>
#include <QImage>
#include <QMessageBox>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

using paretolab::app::MainWindow;
using paretolab::app::TrainingController;

class TestMainWindow : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase()
  {
    QVERIFY(m_cache.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("ParetoLabTest"));
  }

  void hasTheFinalLayout()
  {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QHash<Qt::DockWidgetArea, int> areas;
    for (auto* dock : window.findChildren<QDockWidget*>())
      ++areas[window.dockWidgetArea(dock)];
    QCOMPARE(areas.value(Qt::LeftDockWidgetArea), 1);   // run setup
    QCOMPARE(areas.value(Qt::RightDockWidgetArea), 1);  // weights
    QCOMPARE(areas.value(Qt::BottomDockWidgetArea), 1); // samples
    QVERIFY(window.rewardPlot()->isVisible());
    QVERIFY(window.paretoPlot()->isVisible());
    QVERIFY(window.statusBar()->isAncestorOf(window.progressBar()));
  }

  void loadsABundledTask()
  {
    MainWindow window;
    QVERIFY(window.loadTask(QStringLiteral("toy")));
    QVERIFY(window.runSetupPanel()->hasTask());
    QCOMPARE(window.weightSliders()->weights().size(), 3);
    QCOMPARE(window.paretoPlot()->objectiveCount(), 3);
    QVERIFY(window.windowTitle().contains(QStringLiteral("Toy")));
    QVERIFY(window.loadTask(QStringLiteral("molecules")));
    QCOMPARE(window.paretoPlot()->objectiveName(0), QStringLiteral("qed"));
    // The shipped prior, as measured at the temperature the task samples at.
    const auto prior = window.runSetupPanel()->priorDescription();
    const auto validity =
      QRegularExpression(QStringLiteral("^chembl\\.plckpt: ([0-9.]+) % valid")).match(prior);
    QVERIFY2(validity.hasMatch() && validity.captured(1).toDouble() >= 95.0, qPrintable(prior));
    QVERIFY2(window.runSetupPanel()->priorDetails().contains(
               QStringLiteral("10000 samples at temperature 0.8 ")),
             qPrintable(window.runSetupPanel()->priorDetails()));
    // Every MOSES metric, including those that are exactly 1 (jq writes 1.0 as 1).
    for (const auto* metric : { "validity",
                                "unique@1k",
                                "unique@10k",
                                "novelty",
                                "IntDiv1",
                                "IntDiv2",
                                "Frag",
                                "Scaf",
                                "SNN" })
      QVERIFY2(window.runSetupPanel()->priorDetails().contains(QLatin1String(metric) + ": "),
               metric);
    // Remembered for the next start, most recent first.
    const auto recent = QSettings().value(QStringLiteral("recentTasks")).toStringList();
    QCOMPARE(recent.mid(0, 2), (QStringList{ QStringLiteral("molecules"), QStringLiteral("toy") }));
  }

  void aBadTaskFileIsReportedNotFatal()
  {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ \"domain\": \"toy\", \"objectives\": [ { \"name\": \"ones\" } ], \"training\": "
               "{ \"merge_period\": -1 } }");
    file.close();
    MainWindow window;
    window.show();
    QVERIFY(window.loadTask(QStringLiteral("toy")));
    QVERIFY(!window.loadTask(path));
    auto* box = window.findChild<QMessageBox*>();
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("training.merge_period")));
    box->close();
    QVERIFY(window.runSetupPanel()->hasTask()); // the toy task is still there
  }

  void trainsThenReMergesFromTheSliders()
  {
    MainWindow window;
    window.setCacheDirectory(m_cache.path());
    window.show();
    QVERIFY(window.loadTask(QStringLiteral("toy")));
    window.runSetupPanel()->setTotalSteps(8);
    QSignalSpy finished(window.controller(), &TrainingController::runFinished);
    window.startTraining();
    QVERIFY(finished.wait(120000));
    QCOMPARE(window.progressBar()->value(), 8);
    QCOMPARE(window.paretoPlot()->pointCount(), 3); // the prior and two merge rounds
    QVERIFY(window.rewardPlot()->mergedGraph(0)->dataCount() >= 3);
    // How far the experts drifted, one point per merge round.
    const auto* divergence = window.divergencePlot();
    QCOMPARE(divergence->distanceGraph()->dataCount(), 2);
    QCOMPARE(divergence->klGraph()->dataCount(), 2);
    QVERIFY(divergence->distanceGraph()->data()->at(1)->value > 0.0);
    QVERIFY(divergence->klGraph()->data()->at(1)->value > 0.0);
    QVERIFY(divergence->note().isEmpty());

    // Drag the first slider as a user would.
    QSignalSpy shown(&window, &MainWindow::remergeShown);
    auto* slider = window.weightSliders()->findChild<QSlider*>(QStringLiteral("weightSlider0"));
    QVERIFY(slider);
    slider->triggerAction(QAbstractSlider::SliderPageStepAdd);
    QVERIFY(shown.wait(30000));
    QCOMPARE(window.paretoPlot()->pointCount(), 4);
    const auto& point = window.paretoPlot()->point(3);
    QCOMPARE(point.kind, paretolab::widgets::PointKind::Remerged);
    QCOMPARE(point.lambda, window.weightSliders()->weights());
    auto* page = qobject_cast<paretolab::widgets::AnnotatedSamplesPage*>(
      window.samplesView()->page(QStringLiteral("annotated")));
    QVERIFY(page);
    QCOMPARE(page->table()->rowCount(), 64);
    QVERIFY(window.samplesView()->caption().contains(QStringLiteral("re-merge")));
  }

  // MORLHF trains one policy: it is evaluated as it goes, and the window says
  // why there is nothing to re-merge instead of failing when a slider moves.
  void aMorlhfRunHasNoExpertsToSteer()
  {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("morlhf.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({ "name": "MORLHF toy", "domain": "toy", "method": "morlhf",
      "objectives": [ { "name": "ones" }, { "name": "alternation" } ],
      "training": { "total_steps": 4, "merge_period": 2, "evaluation_batch": 32,
                    "ppo": { "batch_size": 16 } } })");
    file.close();
    MainWindow window;
    window.setCacheDirectory(m_cache.path());
    window.show();
    QVERIFY(window.loadTask(path));
    QVERIFY(!window.weightSliders()->isEnabled());
    QVERIFY(window.divergencePlot()->note().contains(QStringLiteral("MORLHF")));
    QSignalSpy finished(window.controller(), &TrainingController::runFinished);
    window.startTraining();
    QVERIFY(finished.wait(120000));
    QCOMPARE(window.progressBar()->value(), 4);
    QCOMPARE(window.paretoPlot()->pointCount(), 3); // the prior and two evaluations
    QCOMPARE(window.divergencePlot()->distanceGraph()->dataCount(), 0);
    QVERIFY(!window.weightSliders()->isEnabled());
  }

  void recordsRunsThatTheBrowserReopensComparesAndDeletes()
  {
    QTemporaryDir data;
    MainWindow window;
    window.setCacheDirectory(m_cache.path());
    window.controller()->setDatabasePath(data.filePath(QStringLiteral("runs.sqlite")));
    QVERIFY(window.loadTask(QStringLiteral("toy")));
    window.runSetupPanel()->setTotalSteps(8);
    QSignalSpy finished(window.controller(), &TrainingController::runFinished);
    QSignalSpy stored(window.controller(), &TrainingController::runStored);
    window.startTraining();
    QVERIFY(finished.wait(120000));
    // The spy hears runFinished on the worker thread, a moment before the GUI
    // thread takes the finished state; until then the controller refuses to open a run.
    QTRY_VERIFY(!window.controller()->isActive());
    QCOMPARE(stored.count(), 1);
    const qint64 id = stored.first().at(0).toLongLong();

    window.runLibrary()->showBrowser();
    QCOMPARE(window.runLibrary()->browser()->rowCount(), 1);
    window.paretoPlot()->clearPoints();
    QSignalSpy opened(window.controller(), &TrainingController::runOpened);
    QVERIFY(window.openStoredRun(id));
    QVERIFY(opened.wait(60000)); // its experts, from the last checkpoint, for the sliders
    QCOMPARE(opened.first().at(0).toLongLong(), id);
    QCOMPARE(window.paretoPlot()->pointCount(),
             3); // the prior and two merge rounds, from the store
    QVERIFY(window.rewardPlot()->expertGraph(0, 0)->dataCount() == 8);

    window.runLibrary()->compare({ id, id });
    auto* comparison =
      qobject_cast<paretolab::widgets::RunComparison*>(window.runLibrary()->comparison());
    QVERIFY(comparison);
    QCOMPARE(comparison->curves()->graphCount(), 2);
    QCOMPARE(comparison->curves()->graph(0)->dataCount(), 3);
    QVERIFY(comparison->table()->rowCount() >= 15); // settings and final metrics
    for (int row = 0; row < comparison->table()->rowCount(); ++row)
      QVERIFY(!comparison->rowDiffers(row)); // the same run twice: nothing differs
    comparison->showMetric(2);               // hypervolume: it never falls as merges are added
    const auto hv = comparison->curves()->graph(0)->data();
    QVERIFY(hv->at(2)->value >= hv->at(1)->value);
    comparison->showAxes(2, 0);
    QVERIFY(comparison->fronts()->xAxis->label().startsWith(QStringLiteral("pattern")));
    comparison->close();

    // A slider re-merge of the reopened run is recorded as a front point.
    QSignalSpy shown(&window, &MainWindow::remergeShown);
    window.weightSliders()
      ->findChild<QSlider*>(QStringLiteral("weightSlider0"))
      ->triggerAction(QAbstractSlider::SliderPageStepAdd);
    QVERIFY(shown.wait(30000));
    QCOMPARE(paretolab::engine::RunStore(data.filePath(QStringLiteral("runs.sqlite")).toStdString())
               .frontPoints(id)
               .size(),
             size_t(1));

    Q_EMIT window.runLibrary()->browser()->renameRequested(id, QStringLiteral("renamed"));
    QCOMPARE(paretolab::engine::RunStore(data.filePath(QStringLiteral("runs.sqlite")).toStdString())
               .run(id)
               ->name,
             std::string("renamed"));
    Q_EMIT window.runLibrary()->browser()->deleteRequested(id);
    QCOMPARE(window.runLibrary()->browser()->rowCount(), 0);
  }

  // A run that another process trains (here another window, whose worker thread
  // writes the store as `paretolab-cli train` or rank 0 of several ranks does) is
  // followed as it grows, until it ends.
  void followsARunThatAnotherProcessTrains()
  {
    QTemporaryDir data;
    const QString database = data.filePath(QStringLiteral("runs.sqlite"));
    MainWindow other;
    other.setCacheDirectory(m_cache.path());
    other.controller()->setDatabasePath(database);
    QVERIFY(other.loadTask(QStringLiteral("toy")));
    other.runSetupPanel()->setTotalSteps(24);
    QSignalSpy stored(other.controller(), &TrainingController::runStored);
    QSignalSpy finished(other.controller(), &TrainingController::runFinished);
    other.startTraining();
    QVERIFY(stored.wait(60000));
    const qint64 id = stored.first().at(0).toLongLong();

    MainWindow window;
    window.setCacheDirectory(m_cache.path());
    window.controller()->setDatabasePath(database);
    window.runWatcher()->setInterval(100);
    QVERIFY(window.openStoredRun(id, /*loadExperts=*/false));
    QVERIFY(window.runWatcher()->isWatching());
    const int first = window.rewardPlot()->expertGraph(0, 0)->dataCount();
    QTRY_VERIFY_WITH_TIMEOUT(window.rewardPlot()->expertGraph(0, 0)->dataCount() > first, 60000);
    QVERIFY(window.runWatcher()->isWatching()); // still training: still followed
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.runWatcher()->isWatching(), 10000);
    QCOMPARE(window.rewardPlot()->expertGraph(0, 0)->dataCount(), 24);
    QCOMPARE(window.paretoPlot()->pointCount(), other.paretoPlot()->pointCount());
  }

  // A locked database used to throw through the event loop from the run browser.
  void aLockedDatabaseIsReportedNotThrown()
  {
    QTemporaryDir data;
    const QString database = data.filePath(QStringLiteral("runs.sqlite"));
    const auto id = paretolab::engine::RunStore(database.toStdString()).createRun("r", "{}", 1, "");
    MainWindow window;
    window.controller()->setDatabasePath(database);
    window.runLibrary()->showBrowser();
    sqlite3* other = nullptr;
    sqlite3_open(database.toUtf8().constData(), &other);
    QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    QSignalSpy failed(window.runLibrary(), &paretolab::app::RunLibrary::failed);
    Q_EMIT window.runLibrary()->browser()->renameRequested(id, QStringLiteral("renamed"));
    Q_EMIT window.runLibrary()->browser()->deleteRequested(id);
    QCOMPARE(failed.count(), 2);
    QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("locked")));
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    QCOMPARE(paretolab::engine::RunStore(database.toStdString()).runs().size(), size_t(1));
  }

  void offersToResumeAnInterruptedRunAndFinishesIt()
  {
    QTemporaryDir data;
    const QString database = data.filePath(QStringLiteral("runs.sqlite"));
    qint64 id = 0;
    {
      MainWindow window;
      window.setCacheDirectory(m_cache.path());
      window.controller()->setDatabasePath(database);
      QVERIFY(window.loadTask(QStringLiteral("toy")));
      window.runSetupPanel()->setTotalSteps(8);
      QSignalSpy finished(window.controller(), &TrainingController::runFinished);
      QSignalSpy stored(window.controller(), &TrainingController::runStored);
      window.startTraining();
      QVERIFY(finished.wait(120000));
      id = stored.first().at(0).toLongLong();
    }
    // As if the machine died in round 2: rows after the first merge gone, still "running".
    paretolab::engine::RunStore(database.toStdString()).discardAfter(id, 4);

    MainWindow window;
    window.setCacheDirectory(m_cache.path());
    window.controller()->setDatabasePath(database);
    window.show();
    window.runLibrary()->offerToResume();
    QMessageBox* offer = window.runLibrary()->resumeOffer();
    QVERIFY(offer);
    QVERIFY(offer->text().contains(QStringLiteral("Run %1").arg(id)));
    QSignalSpy finished(window.controller(), &TrainingController::runFinished);
    offer->buttons().front()->click(); // Resume
    QVERIFY(finished.wait(120000));
    QVERIFY(!finished.first().at(0).value<paretolab::engine::RunResult>().cancelled);
    const auto run = paretolab::engine::RunStore(database.toStdString()).run(id);
    QCOMPARE(run->status, std::string("finished"));
    QCOMPARE(run->steps, qint64(8)); // 8 steps, each expert's recorded once
    QCOMPARE(paretolab::engine::RunStore(database.toStdString())
               .steps(id, { "ones", "alternation", "pattern" })
               .size(),
             size_t(8 * 3 + 3)); // 8 steps x 3 experts, and the prior and two merges
  }

  void screenshotWritesADecodablePng()
  {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shot.png"));
    QCOMPARE(paretolab::app::saveScreenshot(&window, path), QString());
    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), window.size() * window.devicePixelRatio());
    QVERIFY(paretolab::app::saveScreenshot(&window, QStringLiteral("/nonexistent-dir/shot.png"))
              .contains(QStringLiteral("/nonexistent-dir/shot.png")));
  }

private:
  QTemporaryDir m_cache;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
