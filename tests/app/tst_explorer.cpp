// SPDX-License-Identifier: GPL-3.0-or-later
// The explorer as users found it: points that stay, state that does not leak
// from one run to the next, samples that follow the latest result unless a
// point is pinned, and a status bar that tells the truth.

#include "exportactions.h"
#include "frontmodel.h"
#include "mainwindow.h"
#include "objectiveseditor.h"
#include "paretoplot.h"
#include "runactions.h"
#include "runlibrary.h"
#include "runpresenter.h"
#include "runsetuppanel.h"
#include "runstatus.h"
#include "samplesview.h"
#include "store/runstore.h"
#include "weightsliders.h"
#include "weightspanel.h"

#include <QComboBox>

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <QDir>
#include <cmath>

using namespace paretolab;
using app::MainWindow;
using app::TrainingController;
using widgets::PointKind;

namespace {

int
countOf(widgets::ParetoPlot* plot, PointKind kind)
{
  int count = 0;
  for (int i = 0; i < plot->pointCount(); ++i)
    count += plot->point(i).kind == kind;
  return count;
}

void
dragFirstSlider(MainWindow& window)
{
  QSignalSpy shown(&window, &MainWindow::remergeShown);
  window.weightSliders()
    ->findChild<QSlider*>(QStringLiteral("weightSlider0"))
    ->triggerAction(QAbstractSlider::SliderPageStepAdd);
  QVERIFY(shown.wait(30000));
}

} // namespace

class TestExplorer : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase()
  {
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("ParetoLabExplorerTest"));
  }

  void init()
  {
    m_window = std::make_unique<MainWindow>();
    m_window->setCacheDirectory(m_dir.filePath(QStringLiteral("cache")));
    m_window->controller()->setDatabasePath(database());
  }

  void cleanup() { m_window.reset(); }

  // Every evaluated policy is a point, and they all come back when the run is reopened.
  void evaluatedPointsStayAndComeBack()
  {
    auto& window = *m_window;
    const qint64 id = train(8);
    auto* plot = window.paretoPlot();
    QCOMPARE(plot->pointCount(), 3); // the prior, rounds 1 and 2
    dragFirstSlider(window);
    dragFirstSlider(window);
    QCOMPARE(countOf(plot, PointKind::Remerged), 2); // the first is not replaced
    QSignalSpy points(window.controller(), &TrainingController::sweepPoint);
    window.runActions()->sweep()->trigger();
    QVERIFY(QTest::qWaitFor([&] { return countOf(plot, PointKind::Sweep) == 15; }, 120000));
    QCOMPARE(plot->pointCount(), 3 + 2 + 15); // a 4-division grid over 3 objectives

    const auto stored = engine::RunStore(database().toStdString()).frontPoints(id);
    QCOMPARE(stored.size(), size_t(17));
    QCOMPARE(stored.front().kind, std::string("remerged"));
    QCOMPARE(stored.front().round, int64_t(2));
    QCOMPARE(stored.back().kind, std::string("sweep"));
    QCOMPARE(stored.back().rawMeans.size(), size_t(3));

    plot->clearPoints();
    QVERIFY(window.openStoredRun(id, /*loadExperts=*/false));
    QCOMPARE(plot->pointCount(), 20);
    QCOMPARE(countOf(plot, PointKind::Remerged), 2);
    QCOMPARE(countOf(plot, PointKind::Sweep), 15);

    // Exported with λ, raw and transformed means and hypervolume contributions.
    const QStringList names{ "ones", "alternation", "pattern" };
    const QString text =
      QString::fromStdString(window.findChild<app::FrontModel*>()->csv(names, id));
    const auto lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 21);
    QCOMPARE(lines[0],
             QString("kind,round,label,lambda_ones,lambda_alternation,lambda_pattern,ones,"
                     "alternation,pattern,ones_reward,alternation_reward,pattern_reward,"
                     "non_dominated,hypervolume_contribution,run"));
    QVERIFY(lines[1].startsWith("prior,0,"));
    QVERIFY(lines[4].startsWith("remerged,2,"));
    QVERIFY(lines[4].endsWith(QStringLiteral(",%1").arg(id)));
  }

  // Nothing of run 1 is on screen during run 2, and a reopened run shows its own state.
  void stateDoesNotLeakFromTheLastRun()
  {
    auto& window = *m_window;
    const qint64 first = train(8);
    dragFirstSlider(window);
    QVERIFY(window.weightSliders()->weights() != (QVector<double>{ 1.0 / 3, 1.0 / 3, 1.0 / 3 }));

    // Run 2 with other weights: the sliders, the task field and the info line follow it.
    auto* editor = window.runSetupPanel();
    QVERIFY(window.openStoredRun(first, /*loadExperts=*/false));
    QCOMPARE(editor->source(), QStringLiteral("run %1").arg(first));
    auto* weight = editor->objectivesEditor()->field(0, QStringLiteral("weight"));
    weight->setText("2");
    Q_EMIT weight->textEdited("2");
    const qint64 second = train(8, /*load=*/false);
    QVERIFY(second != first);
    QCOMPARE(window.weightSliders()->weights(), (QVector<double>{ 0.5, 0.25, 0.25 }));
    QVERIFY2(editor->source().startsWith(QStringLiteral("run %1").arg(second)),
             qPrintable(editor->source()));

    // Reopening run 1 shows run 1's progress and no message of run 2.
    QVERIFY(window.openStoredRun(first, /*loadExperts=*/false));
    QVERIFY2(window.progressBar()->format().contains(QStringLiteral("Run %1").arg(first)),
             qPrintable(window.progressBar()->format()));
    QCOMPARE(window.progressBar()->value(), 8);
    QCOMPARE(window.weightSliders()->weights(), (QVector<double>{ 1.0 / 3, 1.0 / 3, 1.0 / 3 }));
  }

  // The samples follow each new merge unless the user pinned a point; the
  // caption says whose samples they are.
  void samplesFollowTheLatestUnlessPinned()
  {
    auto& window = *m_window;
    train(8);
    auto* plot = window.paretoPlot();
    auto* samples = window.samplesView();
    QCOMPARE(plot->selected(), 2); // the last merge round
    QVERIFY(samples->caption().contains(QStringLiteral("round 2"), Qt::CaseInsensitive));
    QVERIFY(!samples->isPinned());

    // Pin the prior, then new results arrive: the prior stays on show.
    Q_EMIT plot->pointClicked(0);
    QVERIFY(samples->isPinned());
    QVERIFY(samples->caption().contains(QStringLiteral("prior")));
    engine::MergeReport merge;
    merge.round = 3;
    merge.step = 12;
    merge.lambda = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
    merge.evaluation = *window.findChild<app::FrontModel*>()->evaluation(2);
    window.presenter()->addReports({}, { merge });
    QCOMPARE(plot->selected(), 0);
    QVERIFY(samples->caption().contains(QStringLiteral("prior")));

    // Follow the latest again: round 3 is shown, and so will the next be.
    Q_EMIT samples->followLatestRequested();
    QCOMPARE(plot->selected(), 3);
    QVERIFY(samples->caption().contains(QStringLiteral("round 3"), Qt::CaseInsensitive));
    QVERIFY(!samples->isPinned());

    // A slider re-merge is what the user asked for: it stays on show.
    dragFirstSlider(window);
    QVERIFY(samples->isPinned());
    QCOMPARE(plot->point(plot->selected()).kind, PointKind::Remerged);
  }

  // Run controls are enabled only when they can act; the status bar says Paused.
  void runControlsAndStatusFollowTheRun()
  {
    auto& window = *m_window;
    QVERIFY(window.loadTask(QStringLiteral("toy")));
    auto* actions = window.runActions();
    QVERIFY(actions->start()->isEnabled());
    QVERIFY(!actions->stop()->isEnabled());
    QVERIFY(!actions->pauseResume()->isEnabled());
    window.runSetupPanel()->setTotalSteps(400);
    window.startTraining();
    QVERIFY(QTest::qWaitFor(
      [&] { return window.controller()->state() == TrainingController::State::Training; }, 60000));
    QVERIFY(!actions->start()->isEnabled());
    QVERIFY(actions->stop()->isEnabled());
    QVERIFY(actions->pauseResume()->isEnabled());
    actions->pauseResume()->trigger();
    QCOMPARE(window.controller()->state(), TrainingController::State::Paused);
    auto* status = window.statusBar()->findChild<QLabel*>();
    QVERIFY2(status->text().contains(QStringLiteral("Paused")), qPrintable(status->text()));
    QCOMPARE(actions->pauseResume()->text(), QStringLiteral("&Resume"));
    QSignalSpy finished(window.controller(), &TrainingController::runFinished);
    actions->stop()->trigger();
    QVERIFY(finished.wait(30000));
    QVERIFY(actions->start()->isEnabled());
  }

  // How far the sliders move the policy is shown, and the experts of any
  // round kept on disk can be re-merged instead of the latest.
  void theReachIsShownAndEarlierRoundsCanBeMerged()
  {
    auto& window = *m_window;
    const qint64 id = train(8);
    auto* panel = window.findChild<widgets::WeightsPanel*>();
    QVERIFY(panel);
    QCOMPARE(panel->roundBox()->count(), 3); // the latest, round 1, round 2
    dragFirstSlider(window);
    dragFirstSlider(window);
    QVERIFY2(panel->reach().contains(QStringLiteral("round 2")), qPrintable(panel->reach()));
    QVERIFY(panel->reach().contains(QStringLiteral("ones ")));

    QSignalSpy loaded(window.controller(), &TrainingController::roundLoaded);
    panel->roundBox()->setCurrentIndex(1);
    Q_EMIT panel->roundBox()->activated(1);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().at(0).toLongLong(), qint64(1));
    dragFirstSlider(window);
    const auto stored = engine::RunStore(database().toStdString()).frontPoints(id);
    QCOMPARE(stored.back().round, int64_t(1));
    QCOMPARE(stored.front().round, int64_t(2));
  }

  // The ETA counts the work since the first report only: not the prior's
  // loading before it, and not the time spent paused.
  void theEtaIsTheRateOfTheWorkItself()
  {
    using app::RunStatus;
    // 10 of 100 steps in 20 s of work, from step 0: 180 s left.
    QCOMPARE(RunStatus::secondsLeft(10, 100, 0, 20.0), 180.0);
    // The first report came at step 4 (after loading): 6 steps in 12 s.
    QCOMPARE(RunStatus::secondsLeft(10, 100, 4, 12.0), 180.0);
    QVERIFY(RunStatus::secondsLeft(4, 100, 4, 12.0) < 0); // no rate yet
  }

  // Stop during pretraining keeps its finished epochs, says so, and resets the bar.
  void aStoppedPretrainingKeepsItsProgress()
  {
    auto& window = *m_window;
    QTemporaryDir cache;
    window.setCacheDirectory(cache.path());
    QVERIFY(window.loadTask(QStringLiteral("toy")));
    QSignalSpy epochs(window.controller(), &TrainingController::pretrainProgress);
    window.runActions()->pretrain()->trigger();
    QVERIFY(QTest::qWaitFor(
      [&] {
        return !epochs.isEmpty() && !std::isnan(epochs.last().at(2).toDouble()); // an epoch ended
      },
      60000));
    const double validity = epochs.last().at(3).toDouble(); // the share of valid samples
    QVERIFY2(validity >= 0.0 && validity <= 1.0, qPrintable(QString::number(validity)));
    window.runActions()->stop()->trigger();
    QVERIFY(QTest::qWaitFor(
      [&] { return window.controller()->state() == TrainingController::State::Idle; }, 30000));
    auto* status = window.statusBar()->findChild<QLabel*>();
    QVERIFY2(status->text().contains(QStringLiteral("Pretraining stopped")),
             qPrintable(status->text()));
    QCOMPARE(window.progressBar()->value(), 0);
    QCOMPARE(window.progressBar()->format(), QStringLiteral("Idle"));
    const auto partials =
      QDir(cache.filePath(QStringLiteral("priors"))).entryList({ QStringLiteral("*.partial") });
    QCOMPARE(partials.size(), 1);

    // Going on finishes the prior and drops the partial file.
    QSignalSpy ready(window.controller(), &TrainingController::priorReady);
    window.runActions()->pretrain()->trigger();
    QVERIFY(ready.wait(60000));
    QVERIFY(QDir(cache.filePath(QStringLiteral("priors")))
              .entryList({ QStringLiteral("*.partial") })
              .isEmpty());
  }

  // The molecule task opens with its shipped prior, and says what was measured of it.
  void theMoleculeTaskShowsItsShippedPrior()
  {
    auto& window = *m_window;
    QVERIFY(window.loadTask(QStringLiteral("molecules")));
    const auto* setup = window.runSetupPanel();
    QVERIFY2(QString::fromStdString(setup->task().priorPath)
               .endsWith(QStringLiteral("priors/chembl.plckpt")),
             setup->task().priorPath.c_str());
    QVERIFY2(setup->priorDescription().contains(QStringLiteral("chembl.plckpt")) &&
               setup->priorDescription().contains(QStringLiteral("% valid")),
             qPrintable(setup->priorDescription()));
    QVERIFY(!window.runActions()->pretrain()->isEnabled()); // nothing to pretrain: it ships
  }

  // A prior pretrained on the user's own file is cached, named, and used by Start.
  void aPriorTrainsOnTheUsersOwnFile()
  {
    auto& window = *m_window;
    QVERIFY(window.loadTask(QStringLiteral("toy")));
    const QString corpus = m_dir.filePath(QStringLiteral("my-bits.txt"));
    {
      QFile file(corpus);
      QVERIFY(file.open(QIODevice::WriteOnly));
      for (int i = 0; i < 300; ++i) // 16-bit strings, mostly ones: the toy domain's valid texts
        file.write(QByteArray("1111111111").append(QByteArray::number(100000 + i, 2).right(6)) +
                   "\n");
      file.write("not bits\n");
    }
    auto* setup = window.runSetupPanel();
    QSignalSpy ready(window.controller(), &TrainingController::priorReady);
    Q_EMIT setup->priorCorpusChosen(corpus); // what the file dialog sends
    QVERIFY(ready.wait(120000));
    const auto path = ready.first().at(0).toString();
    QVERIFY2(path.contains(QStringLiteral("-file-")) && QFile::exists(path), qPrintable(path));
    QCOMPARE(QString::fromStdString(setup->task().priorPath), path);
    QVERIFY2(setup->priorDescription().contains(QStringLiteral("my-bits.txt")),
             qPrintable(setup->priorDescription()));
  }

  // An export says what it wrote and what it could not.
  void anExportSaysWhatItSkipped()
  {
    auto& window = *m_window;
    QVERIFY(window.loadTask(QStringLiteral("molecules")));
    engine::PolicyEvaluation evaluation;
    evaluation.samples = { "CCO", "C1CC", "c1ccccc1" };
    evaluation.rawScores = { { 0.4, 2.0, 0.1 }, { NAN, NAN, NAN }, { 0.44, 1.0, 1.7 } };
    window.presenter()->showSamples(evaluation, QStringLiteral("test"));
    const QString path = m_dir.filePath(QStringLiteral("samples.sdf"));
    const auto domain = window.presenter()->domain();
    const QString message =
      window.exportActions()->writeSamples(path, *domain->sampleFormat("sdf"));
    QVERIFY2(message.contains(QStringLiteral("Exported 2 of 3 samples")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Skipped 1: invalid SMILES (sample 2")),
             qPrintable(message));
  }

  // CLP chosen in the run setup trains one steerable policy: the sliders and
  // Sweep compose it, and the stored run comes back as CLP.
  void aSteerableMethodIsChosenInTheSetupAndSteeredByTheSliders_data()
  {
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("kind");
    QTest::newRow("clp") << QStringLiteral("clp") << int(engine::Method::Clp);
    QTest::newRow("ric") << QStringLiteral("ric") << int(engine::Method::Ric);
  }

  void aSteerableMethodIsChosenInTheSetupAndSteeredByTheSliders()
  {
    // CLP composes its parameters for the weights, RiC writes them into its
    // prompt: the same sliders, Sweep and stored run serve both.
    QFETCH(QString, method);
    QFETCH(int, kind);
    auto& window = *m_window;
    QVERIFY(window.loadTask(QStringLiteral("toy")));
    auto* chooser = window.runSetupPanel()->methodChooser();
    chooser->setCurrentIndex(chooser->findData(method));
    Q_EMIT chooser->activated(chooser->currentIndex());
    QVERIFY(!window.runSetupPanel()->field(QStringLiteral("M"))->isEnabled());
    QCOMPARE(int(window.runSetupPanel()->task().training.method), kind);
    const qint64 id = train(8, /*load=*/false);
    QVERIFY(id > 0);
    QVERIFY(window.weightSliders()->isEnabled());
    QVERIFY(window.weightSliders()
              ->findChild<QLabel*>(QStringLiteral("weightsHeader"))
              ->text()
              .contains(chooser->currentText()));
    dragFirstSlider(window);
    QCOMPARE(countOf(window.paretoPlot(), PointKind::Remerged), 1);
    // The panel speaks of this method's one policy, not of experts to re-merge.
    const auto* panel = window.weightsPanel();
    QLabel* roundsLabel = nullptr;
    for (auto* label : panel->findChildren<QLabel*>())
      if (label->buddy() == panel->roundBox())
        roundsLabel = label;
    QVERIFY(roundsLabel);
    QVERIFY(!roundsLabel->text().contains(QStringLiteral("Experts")));
    QVERIFY2(!panel->info()->text().contains(QStringLiteral("e-merge")),
             qPrintable(panel->info()->text()));
    const auto caption = window.samplesView()->caption(); // the dragged point's samples
    QVERIFY2(caption.contains(QStringLiteral("of round")) &&
               !caption.contains(QStringLiteral("experts")),
             qPrintable(caption));
    window.runActions()->sweep()->trigger();
    QVERIFY(QTest::qWaitFor([&] { return countOf(window.paretoPlot(), PointKind::Sweep) == 15; },
                            120000));

    QVERIFY(window.loadTask(QStringLiteral("toy"))); // back to the task's own method
    QCOMPARE(window.runSetupPanel()->methodChooser()->currentData().toString(),
             QStringLiteral("iterativers"));
    QVERIFY(window.openStoredRun(id, /*loadExperts=*/false));
    QCOMPARE(window.runSetupPanel()->methodChooser()->currentData().toString(), method);
    QCOMPARE(int(window.runSetupPanel()->task().training.method), kind);
  }

private:
  QString database() const { return m_dir.filePath(QStringLiteral("runs.sqlite")); }

  /// Trains the toy task for `steps` steps and returns the run's id.
  qint64 train(int steps, bool load = true)
  {
    auto& window = *m_window;
    if (load && !window.loadTask(QStringLiteral("toy")))
      return 0;
    window.runSetupPanel()->setTotalSteps(steps);
    QSignalSpy finished(window.controller(), &TrainingController::runFinished);
    QSignalSpy stored(window.controller(), &TrainingController::runStored);
    window.startTraining();
    if (!finished.wait(120000) || stored.isEmpty())
      return 0;
    return stored.first().at(0).toLongLong();
  }

  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
