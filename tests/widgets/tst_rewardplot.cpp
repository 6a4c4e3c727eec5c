// SPDX-License-Identifier: GPL-3.0-or-later
#include "rewardplot.h"

#include <QElapsedTimer>
#include <QTest>

#include <cmath>

using paretolab::widgets::RewardPlot;

namespace {

/// The legend's entries; a wrapped legend also has empty cells.
int
legendEntries(const paretolab::widgets::RewardPlot& plot)
{
  int entries = 0;
  for (int i = 0; i < plot.legend->itemCount(); ++i)
    entries += plot.legend->item(i) != nullptr;
  return entries;
}

} // namespace

class TestRewardPlot : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void setSeriesCreatesGraphs_data();
  void setSeriesCreatesGraphs();
  void seriesStyles();
  void expertStepsGoToTheirGraphs();
  void unknownExpertsAndExtraValuesAreIgnored();
  void mergedPointsAndMarkers();
  void axesFollowTheData();
  void clearKeepsSeries();
  void setSeriesReplacesEverything();
  void expertsCanBeHidden();
  void burstOfUpdatesIsCheap();
};

void
TestRewardPlot::setSeriesCreatesGraphs_data()
{
  QTest::addColumn<QStringList>("names");
  QTest::newRow("none") << QStringList();
  QTest::newRow("one") << QStringList{ "qed" };
  QTest::newRow("two") << QStringList{ "qed", "sa" };
  QTest::newRow("three") << QStringList{ "qed", "sa", "logp" };
  QTest::newRow("nine") << QStringList{ "a", "b", "c", "d", "e", "f", "g", "h", "i" };
}

void
TestRewardPlot::setSeriesCreatesGraphs()
{
  QFETCH(QStringList, names);
  const auto n = static_cast<int>(names.size());
  RewardPlot plot;
  plot.setSeries(names);

  QCOMPARE(plot.graphCount(), n * n + n);
  QCOMPARE(plot.objectiveNames(), names);
  for (int expert = 0; expert < n; ++expert)
    for (int objective = 0; objective < n; ++objective)
      QVERIFY(plot.expertGraph(expert, objective));
  for (int objective = 0; objective < n; ++objective) {
    QVERIFY(plot.mergedGraph(objective));
    QCOMPARE(plot.mergedGraph(objective)->name(), names[objective]);
  }
  QVERIFY(!plot.expertGraph(n, 0));
  QVERIFY(!plot.expertGraph(0, n));
  QVERIFY(!plot.mergedGraph(n));
  QVERIFY(!plot.mergedGraph(-1));

  // The legend lists the objectives (merged curves).
  int entries = 0;
  for (int i = 0; i < plot.legend->itemCount(); ++i)
    entries += plot.legend->item(i) != nullptr; // a wrapped legend has empty cells
  QCOMPARE(entries, n);
  QCOMPARE(plot.legend->visible(), n > 0);
  for (int objective = 0; objective < n; ++objective) {
    auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(objective));
    QVERIFY(item);
    QCOMPARE(item->plottable(), plot.mergedGraph(objective));
  }
  if (n > 0)
    QVERIFY(!qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(n)));
}

void
TestRewardPlot::seriesStyles()
{
  RewardPlot plot;
  plot.setSeries({ "qed", "sa", "logp" });
  for (int objective = 0; objective < 3; ++objective) {
    const QPen merged = plot.mergedGraph(objective)->pen();
    QCOMPARE(merged.style(), Qt::SolidLine);
    QCOMPARE(merged.color(), RewardPlot::objectiveColor(objective));
    for (int expert = 0; expert < 3; ++expert) {
      const QPen pen = plot.expertGraph(expert, objective)->pen();
      QCOMPARE(pen.color().rgb(), RewardPlot::objectiveColor(objective).rgb());
      QVERIFY(pen.color().alpha() < 255);
      QVERIFY(pen.widthF() < merged.widthF());
      QCOMPARE(pen.style(), Qt::CustomDashLine);
      // Same dash for one expert across objectives, different between experts.
      QCOMPARE(pen.dashPattern(), plot.expertGraph(expert, 0)->pen().dashPattern());
      if (expert > 0)
        QVERIFY(pen.dashPattern() != plot.expertGraph(expert - 1, objective)->pen().dashPattern());
    }
  }
  QVERIFY(RewardPlot::objectiveColor(0) != RewardPlot::objectiveColor(1));
  QCOMPARE(RewardPlot::objectiveColor(8), RewardPlot::objectiveColor(0));
  QCOMPARE(RewardPlot::objectiveColor(-1), RewardPlot::objectiveColor(7));
}

void
TestRewardPlot::expertStepsGoToTheirGraphs()
{
  RewardPlot plot;
  plot.setSeries({ "qed", "sa", "logp" });
  plot.addExpertStep(1, 0, { 0.1, 0.2, 0.3 });
  plot.addExpertStep(1, 1, { 0.4, 0.5, 0.6 });
  plot.addExpertStep(2, 1, { 0.7, 0.8, 0.9 });

  for (int objective = 0; objective < 3; ++objective) {
    QCOMPARE(plot.expertGraph(0, objective)->dataCount(), 0);
    QCOMPARE(plot.expertGraph(1, objective)->dataCount(), 2);
    QCOMPARE(plot.expertGraph(2, objective)->dataCount(), 1);
    QCOMPARE(plot.mergedGraph(objective)->dataCount(), 0);
  }
  const auto* sa = plot.expertGraph(1, 1)->data().data();
  QCOMPARE(sa->at(0)->key, 0.0);
  QCOMPARE(sa->at(0)->value, 0.2);
  QCOMPARE(sa->at(1)->key, 1.0);
  QCOMPARE(sa->at(1)->value, 0.5);
  QCOMPARE(plot.expertGraph(2, 2)->data()->at(0)->value, 0.9);
  QCOMPARE(plot.expertGraph(2, 0)->data()->at(0)->key, 1.0);
}

void
TestRewardPlot::unknownExpertsAndExtraValuesAreIgnored()
{
  RewardPlot plot;
  plot.setSeries({ "qed", "sa" });
  plot.addExpertStep(-1, 0, { 0.1, 0.2 });
  plot.addExpertStep(2, 0, { 0.1, 0.2 });
  plot.addExpertStep(0, 0, { 0.1, 0.2, 0.3, 0.4 });
  plot.addExpertStep(1, 0, { 0.5 }); // too few: only the first objective
  plot.addMergedPoint(0, { 0.3, 0.4, 0.5 });
  plot.addExpertStep(0, 1, { std::nan(""), 0.25 }); // NaN is kept, as a gap

  QCOMPARE(plot.expertGraph(0, 0)->dataCount(), 2);
  QVERIFY(std::isnan(plot.expertGraph(0, 0)->data()->at(1)->value));
  QCOMPARE(plot.expertGraph(0, 1)->dataCount(), 2);
  QCOMPARE(plot.expertGraph(1, 0)->dataCount(), 1);
  QCOMPARE(plot.expertGraph(1, 1)->dataCount(), 0);
  QCOMPARE(plot.mergedGraph(0)->dataCount(), 1);
  QCOMPARE(plot.mergedGraph(1)->data()->at(0)->value, 0.4);
  QCOMPARE(plot.graphCount(), 6);
}

void
TestRewardPlot::mergedPointsAndMarkers()
{
  RewardPlot plot;
  plot.setSeries({ "qed", "sa" });
  plot.addMergedPoint(0, { 0.2, 0.3 }); // the prior: no marker
  QCOMPARE(plot.mergeSteps(), QVector<int>());
  QCOMPARE(plot.itemCount(), 0);

  plot.addMergedPoint(4, { 0.25, 0.35 });
  plot.addMergedPoint(8, { 0.3, 0.4 });
  plot.addMergedPoint(8, { 0.3, 0.4 }); // same round again: one marker
  QCOMPARE(plot.mergeSteps(), (QVector<int>{ 4, 8 }));
  QCOMPARE(plot.itemCount(), 2);
  auto* marker = qobject_cast<QCPItemStraightLine*>(plot.item(0));
  QVERIFY(marker);
  QCOMPARE(marker->point1->coords().x(), 4.0);
  QCOMPARE(marker->point2->coords().x(), 4.0);
  QVERIFY(marker->point1->coords().y() != marker->point2->coords().y()); // vertical
  QCOMPARE(marker->layer()->name(), QString("grid"));                    // behind the curves

  QCOMPARE(plot.mergedGraph(0)->dataCount(), 4);
  QCOMPARE(plot.mergedGraph(1)->data()->at(1)->key, 4.0);
  QCOMPARE(plot.mergedGraph(1)->data()->at(1)->value, 0.35);
  for (int expert = 0; expert < 2; ++expert)
    QCOMPARE(plot.expertGraph(expert, 0)->dataCount(), 0);
}

void
TestRewardPlot::axesFollowTheData()
{
  RewardPlot plot;
  plot.setSeries({ "qed" });
  QCOMPARE(plot.yAxis->range(), QCPRange(0, 1));
  plot.addExpertStep(0, 37, { 0.5 });
  QCOMPARE(plot.xAxis->range(), QCPRange(0, 37));
  plot.addMergedPoint(120, { 0.5 });
  QCOMPARE(plot.xAxis->range(), QCPRange(0, 120));
  plot.addExpertStep(0, 50, { 0.5 }); // earlier step: no shrink
  QCOMPARE(plot.xAxis->range(), QCPRange(0, 120));
  QCOMPARE(plot.yAxis->range(), QCPRange(0, 1));
}

void
TestRewardPlot::clearKeepsSeries()
{
  RewardPlot plot;
  plot.setSeries({ "qed", "sa", "logp" });
  for (int step = 0; step < 10; ++step) {
    for (int expert = 0; expert < 3; ++expert)
      plot.addExpertStep(expert, step, { 0.1, 0.2, 0.3 });
    if (step % 4 == 0)
      plot.addMergedPoint(step, { 0.1, 0.2, 0.3 });
  }
  QCOMPARE(plot.itemCount(), 2);

  plot.clear();
  QCOMPARE(plot.graphCount(), 12);
  for (int i = 0; i < plot.graphCount(); ++i)
    QCOMPARE(plot.graph(i)->dataCount(), 0);
  QCOMPARE(plot.itemCount(), 0);
  QVERIFY(plot.mergeSteps().isEmpty());
  QCOMPARE(legendEntries(plot), 3);
  QCOMPARE(plot.xAxis->range(), QCPRange(0, 1));

  plot.addMergedPoint(4, { 0.5, 0.5, 0.5 }); // markers work again after clear
  QCOMPARE(plot.mergeSteps(), QVector<int>{ 4 });
}

void
TestRewardPlot::setSeriesReplacesEverything()
{
  RewardPlot plot;
  plot.setSeries({ "qed", "sa", "logp" });
  plot.addExpertStep(0, 3, { 0.1, 0.2, 0.3 });
  plot.addMergedPoint(4, { 0.1, 0.2, 0.3 });
  plot.setSeries({ "x", "y" });
  QCOMPARE(plot.graphCount(), 6);
  QCOMPARE(plot.itemCount(), 0);
  QVERIFY(plot.mergeSteps().isEmpty());
  QCOMPARE(legendEntries(plot), 2);
  for (int i = 0; i < plot.graphCount(); ++i)
    QCOMPARE(plot.graph(i)->dataCount(), 0);
  QCOMPARE(plot.mergedGraph(1)->name(), QString("y"));
}

void
TestRewardPlot::expertsCanBeHidden()
{
  RewardPlot plot;
  plot.setSeries({ "qed", "sa" });
  plot.setExpertsVisible(false);
  QVERIFY(!plot.expertsVisible());
  QVERIFY(!plot.expertGraph(1, 0)->visible());
  QVERIFY(plot.mergedGraph(0)->visible());
  plot.setSeries({ "a", "b", "c" }); // the choice survives new series
  QVERIFY(!plot.expertGraph(2, 2)->visible());
  plot.setExpertsVisible(true);
  QVERIFY(plot.expertGraph(2, 2)->visible());
}

void
TestRewardPlot::burstOfUpdatesIsCheap()
{
  // 300 steps x 3 experts x 3 objectives, merging every 4 steps, as a run sends them.
  RewardPlot plot;
  plot.resize(800, 400);
  plot.show();
  QVERIFY(QTest::qWaitForWindowExposed(&plot));
  plot.setSeries({ "qed", "sa", "logp" });

  QElapsedTimer timer;
  timer.start();
  for (int step = 0; step <= 300; ++step) {
    for (int expert = 0; expert < 3; ++expert) {
      const double x = step / 300.0;
      plot.addExpertStep(expert, step, { x * 0.9, 0.5 + 0.1 * expert, 1 - x });
    }
    if (step % 4 == 0)
      plot.addMergedPoint(step, { 0.3, 0.4, 0.5 });
    if (step % 30 == 0)
      QCoreApplication::processEvents(); // the queued replots of the last burst
  }
  plot.replot(QCustomPlot::rpImmediateRefresh);
  const qint64 elapsed = timer.elapsed();

  QCOMPARE(plot.expertGraph(2, 1)->dataCount(), 301);
  QCOMPARE(plot.mergedGraph(0)->dataCount(), 76);
  QCOMPARE(plot.mergeSteps().size(), 75);
  QCOMPARE(plot.xAxis->range(), QCPRange(0, 300));
  QVERIFY2(elapsed < 3000, qPrintable(QString("took %1 ms").arg(elapsed)));
  qInfo("2,700 expert points, 228 merged points, 75 markers: %lld ms", elapsed);
}

QTEST_MAIN(TestRewardPlot)
#include "tst_rewardplot.moc"
