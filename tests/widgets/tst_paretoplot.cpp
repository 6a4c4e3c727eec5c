// SPDX-License-Identifier: GPL-3.0-or-later
#include "paretoplot.h"
#include "paretoview.h"

#include <QComboBox>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace paretolab::widgets;

using Flags = QVector<bool>;

namespace {

FrontPoint
makePoint(QVector<double> objectives, PointKind kind = PointKind::Merged)
{
  FrontPoint p;
  p.objectives = std::move(objectives);
  p.lambda = QVector<double>(p.objectives.size(), 1.0 / double(p.objectives.size()));
  p.samples = QStringList{ QStringLiteral("CCO"),
                           QStringLiteral("c1ccccc1"),
                           QStringLiteral("CC(=O)O"),
                           QStringLiteral("not shown") };
  p.kind = kind;
  return p;
}

// Three trade-off points on the front, one dominated by (0.5, 0.5) and one by all.
// Hypervolume by hand, boxes sorted by x descending:
// 0.8 * 0.2 + 0.5 * (0.5 - 0.2) + 0.2 * (0.8 - 0.5) = 0.16 + 0.15 + 0.06 = 0.37.
void
addTwoObjectiveSet(ParetoPlot& plot)
{
  plot.addPoint(makePoint({ 0.2, 0.8 }, PointKind::Prior));
  plot.addPoint(makePoint({ 0.5, 0.5 }));
  plot.addPoint(makePoint({ 0.8, 0.2 }, PointKind::Sweep));
  plot.addPoint(makePoint({ 0.4, 0.4 }));
  plot.addPoint(makePoint({ 0.1, 0.1 }, PointKind::Sweep));
}
constexpr double kTwoObjectiveVolume = 0.37;

// Point 0 equals point 1 in the two shown objectives and is dominated only through the
// hidden third one; point 4 is dominated in the shown plane but best in the third.
// Hypervolume by inclusion-exclusion over the boxes of 1, 2 and 4 (3 has z = 0, no volume):
// B = .7*.3*.4 = .084, C = .3*.7*.9 = .189, E = .2*.2*.95 = .038,
// B^C = .3*.3*.4 = .036, B^E = .2*.2*.4 = .016, C^E = .2*.2*.9 = .036, B^C^E = .016,
// union = .311 - .088 + .016 = .239.
void
addThreeObjectiveSet(ParetoPlot& plot)
{
  plot.addPoint(makePoint({ 0.7, 0.3, 0.1 }));
  plot.addPoint(makePoint({ 0.7, 0.3, 0.4 }));
  plot.addPoint(makePoint({ 0.3, 0.7, 0.9 }, PointKind::Remerged));
  plot.addPoint(makePoint({ 0.5, 0.5, 0.0 }));
  plot.addPoint(makePoint({ 0.2, 0.2, 0.95 }, PointKind::Sweep));
}
constexpr double kThreeObjectiveVolume = 0.239;

QPoint
pixelOf(const ParetoPlot& plot, int index)
{
  const FrontPoint& p = plot.point(index);
  return QPoint(int(std::lround(plot.xAxis->coordToPixel(p.objectives[plot.xObjective()]))),
                int(std::lround(plot.yAxis->coordToPixel(p.objectives[plot.yObjective()]))));
}

void
showAndLayOut(QWidget& widget, ParetoPlot& plot)
{
  widget.resize(480, 360);
  widget.show();
  QVERIFY(QTest::qWaitForWindowExposed(&widget));
  plot.replot();
}

} // namespace

class TestParetoPlot : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void nonDominatedTwoObjectives();
  void nonDominatedUsesHiddenObjectives();
  void hypervolume();
  void refusesMismatchedPoints();
  void selection();
  void removeKind();
  void clickSelectsPoint();
  void hoverReportsPoint();
  void axesSwitching();
  void newTaskWithFewerObjectivesResetsAxes();
  void tooltipShowsValuesLambdaAndSamples();
  void viewSummary();
  void viewAxisChoices();
};

void
TestParetoPlot::nonDominatedTwoObjectives()
{
  ParetoPlot plot;
  addTwoObjectiveSet(plot);
  QCOMPARE(plot.pointCount(), 5);
  QCOMPARE(plot.nonDominated(), (Flags{ true, true, true, false, false }));
}

void
TestParetoPlot::nonDominatedUsesHiddenObjectives()
{
  ParetoPlot plot;
  plot.setObjectiveNames({ QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") });
  addThreeObjectiveSet(plot);
  QCOMPARE(plot.xObjective(), 0);
  QCOMPARE(plot.yObjective(), 1);
  QCOMPARE(plot.nonDominated(), (Flags{ false, true, true, true, true }));
}

void
TestParetoPlot::hypervolume()
{
  ParetoPlot empty;
  QCOMPARE(empty.hypervolume(), 0.0);

  ParetoPlot two;
  QSignalSpy changed(&two, &ParetoPlot::pointsChanged);
  addTwoObjectiveSet(two);
  QCOMPARE(changed.count(), 5);
  QVERIFY(std::abs(two.hypervolume() - kTwoObjectiveVolume) < 1e-12);

  ParetoPlot three;
  addThreeObjectiveSet(three);
  QVERIFY(std::abs(three.hypervolume() - kThreeObjectiveVolume) < 1e-12);

  // Removing the sweep's (0.8, 0.2) leaves 0.5 * 0.5 + 0.2 * 0.3 = 0.31.
  two.removeKind(PointKind::Sweep);
  QVERIFY(std::abs(two.hypervolume() - 0.31) < 1e-12);
  two.clearPoints();
  QCOMPARE(two.hypervolume(), 0.0);
  QCOMPARE(two.pointCount(), 0);
}

void
TestParetoPlot::refusesMismatchedPoints()
{
  ParetoPlot plot;
  QCOMPARE(plot.addPoint(makePoint({ 0.1, 0.2 })), 0);
  QCOMPARE(plot.addPoint(makePoint({ 0.1, 0.2, 0.3 })), -1);
  QCOMPARE(plot.addPoint(makePoint({})), -1);
  QCOMPARE(plot.addPoint(makePoint({ 0.3, 0.1 })), 1);
  QCOMPARE(plot.pointCount(), 2);
}

void
TestParetoPlot::selection()
{
  ParetoPlot plot;
  addTwoObjectiveSet(plot);
  QSignalSpy spy(&plot, &ParetoPlot::selectionChanged);
  QCOMPARE(plot.selected(), -1);
  plot.setSelected(2);
  QCOMPARE(plot.selected(), 2);
  QCOMPARE(spy.count(), 1);
  QCOMPARE(spy.at(0).at(0).toInt(), 2);
  plot.setSelected(2);
  QCOMPARE(spy.count(), 1);
  plot.setSelected(99);
  QCOMPARE(plot.selected(), -1);
  QCOMPARE(spy.count(), 2);
}

void
TestParetoPlot::removeKind()
{
  ParetoPlot plot;
  addTwoObjectiveSet(plot); // Prior, Merged, Sweep, Merged, Sweep
  plot.setSelected(3);
  QSignalSpy spy(&plot, &ParetoPlot::selectionChanged);

  plot.removeKind(PointKind::Sweep);
  QCOMPARE(plot.pointCount(), 3);
  QCOMPARE(plot.point(0).kind, PointKind::Prior);
  QCOMPARE(plot.point(2).objectives, (QVector<double>{ 0.4, 0.4 }));
  // The selected point moved from index 3 to 2.
  QCOMPARE(plot.selected(), 2);
  QCOMPARE(spy.count(), 1);
  QCOMPARE(plot.nonDominated(), (Flags{ true, true, false }));

  plot.removeKind(PointKind::Remerged); // none: nothing happens
  QCOMPARE(plot.pointCount(), 3);

  plot.removeKind(PointKind::Merged);
  QCOMPARE(plot.pointCount(), 1);
  QCOMPARE(plot.selected(), -1);
  QCOMPARE(spy.count(), 2);
  QCOMPARE(plot.nonDominated(), (Flags{ true }));
}

void
TestParetoPlot::clickSelectsPoint()
{
  ParetoPlot plot;
  addTwoObjectiveSet(plot);
  showAndLayOut(plot, plot);
  QSignalSpy clicked(&plot, &ParetoPlot::pointClicked);

  QTest::mouseClick(&plot, Qt::LeftButton, Qt::NoModifier, pixelOf(plot, 3));
  QCOMPARE(clicked.count(), 1);
  QCOMPARE(clicked.at(0).at(0).toInt(), 3);
  QCOMPARE(plot.selected(), 3);

  // A few pixels off still hits; far from every point does nothing.
  QTest::mouseClick(&plot, Qt::LeftButton, Qt::NoModifier, pixelOf(plot, 0) + QPoint(4, -3));
  QCOMPARE(clicked.count(), 2);
  QCOMPARE(plot.selected(), 0);
  const QPoint empty(int(std::lround(plot.xAxis->coordToPixel(0.9))),
                     int(std::lround(plot.yAxis->coordToPixel(0.9))));
  QCOMPARE(plot.pointAt(empty), -1);
  QTest::mouseClick(&plot, Qt::LeftButton, Qt::NoModifier, empty);
  QCOMPARE(clicked.count(), 2);
  QCOMPARE(plot.selected(), 0);
}

void
TestParetoPlot::hoverReportsPoint()
{
  ParetoPlot plot;
  addTwoObjectiveSet(plot);
  showAndLayOut(plot, plot);
  QSignalSpy hovered(&plot, &ParetoPlot::pointHovered);

  auto moveTo = [&plot](const QPoint& pos) {
    QMouseEvent move(QEvent::MouseMove,
                     QPointF(pos),
                     QPointF(plot.mapToGlobal(pos)),
                     Qt::NoButton,
                     Qt::NoButton,
                     Qt::NoModifier);
    QCoreApplication::sendEvent(&plot, &move);
  };
  moveTo(pixelOf(plot, 1));
  QCOMPARE(hovered.count(), 1);
  QCOMPARE(hovered.at(0).at(0).toInt(), 1);
  moveTo(pixelOf(plot, 1) + QPoint(1, 1)); // same point: no new signal
  QCOMPARE(hovered.count(), 1);
  moveTo(QPoint(int(std::lround(plot.xAxis->coordToPixel(0.9))),
                int(std::lround(plot.yAxis->coordToPixel(0.9)))));
  QCOMPARE(hovered.count(), 2);
  QCOMPARE(hovered.at(1).at(0).toInt(), -1);
}

void
TestParetoPlot::axesSwitching()
{
  ParetoPlot plot;
  plot.setObjectiveNames({ QStringLiteral("QED"), QStringLiteral("SA"), QStringLiteral("logP") });
  addThreeObjectiveSet(plot);
  QCOMPARE(plot.xAxis->label(), QStringLiteral("QED (reward)"));
  QCOMPARE(plot.yAxis->label(), QStringLiteral("SA (reward)"));
  QSignalSpy spy(&plot, &ParetoPlot::axesChanged);

  plot.setAxes(0, 2);
  QCOMPARE(spy.count(), 1);
  QCOMPARE(plot.yObjective(), 2);
  QCOMPARE(plot.yAxis->label(), QStringLiteral("logP (reward)"));
  // Dominance still counts every objective, whatever is shown.
  QCOMPARE(plot.nonDominated(), (Flags{ false, true, true, true, true }));

  plot.setAxes(5, 0); // out of range: ignored
  plot.setAxes(-1, 0);
  QCOMPARE(spy.count(), 1);
  QCOMPARE(plot.xObjective(), 0);

  // Points now sit at (objective 0, objective 2): (0.2, 0.95) is point 4.
  showAndLayOut(plot, plot);
  const QPoint at(int(std::lround(plot.xAxis->coordToPixel(0.2))),
                  int(std::lround(plot.yAxis->coordToPixel(0.95))));
  QTest::mouseClick(&plot, Qt::LeftButton, Qt::NoModifier, at);
  QCOMPARE(plot.selected(), 4);
}

void
TestParetoPlot::newTaskWithFewerObjectivesResetsAxes()
{
  ParetoView view;
  ParetoPlot* plot = view.plot();
  plot->setObjectiveNames({ QStringLiteral("QED"), QStringLiteral("SA"), QStringLiteral("logP") });
  addThreeObjectiveSet(*plot);
  plot->setAxes(2, 1);
  QSignalSpy spy(plot, &ParetoPlot::axesChanged);

  // The order the main window uses when it loads the next task.
  plot->setObjectiveNames({ QStringLiteral("A"), QStringLiteral("B") });
  plot->clearPoints();
  QCOMPARE(spy.count(), 1);
  QCOMPARE(plot->xObjective(), 0);
  QCOMPARE(plot->yObjective(), 1);
  QCOMPARE(plot->xAxis->label(), QStringLiteral("A (reward)"));
  addTwoObjectiveSet(*plot);
  QVERIFY(!view.findChild<QComboBox*>(QStringLiteral("xObjective"))->isVisibleTo(&view));

  showAndLayOut(view, *plot);
  QCOMPARE(plot->pointAt(pixelOf(*plot, 2)), 2);
}

void
TestParetoPlot::tooltipShowsValuesLambdaAndSamples()
{
  ParetoPlot plot;
  plot.setObjectiveNames({ QStringLiteral("QED"), QStringLiteral("SA") });
  FrontPoint p = makePoint({ 0.25, 0.75 }, PointKind::Remerged);
  p.lambda = { 0.3, 0.7 };
  p.label = QStringLiteral("λ from the sliders");
  plot.addPoint(p);
  const QString text = plot.toolTipText(0);
  QVERIFY(text.contains(QStringLiteral("QED")));
  QVERIFY(text.contains(QStringLiteral("0.250")));
  QVERIFY(text.contains(QStringLiteral("0.750")));
  QVERIFY(text.contains(QStringLiteral("0.300, 0.700")));
  QVERIFY(text.contains(QStringLiteral("c1ccccc1")));
  QVERIFY(text.contains(QStringLiteral("CC(=O)O")));
  QVERIFY(!text.contains(QStringLiteral("not shown")));
  QVERIFY(text.contains(QStringLiteral("λ from the sliders")));
  QVERIFY(plot.toolTipText(1).isEmpty());
}

void
TestParetoPlot::viewSummary()
{
  ParetoView view;
  ParetoPlot* plot = view.plot();
  plot->setObjectiveNames({ QStringLiteral("A"), QStringLiteral("B") });
  addTwoObjectiveSet(*plot);
  QVERIFY2(view.summaryText().contains(QStringLiteral("Hypervolume 0.370")),
           qPrintable(view.summaryText()));

  // (0.5, 0.5): equal objectives, zero spread: an infinite balance. The points
  // carry no samples, so their ICV over samples is not known.
  plot->setSelected(1);
  QVERIFY2(view.summaryText().contains(QStringLiteral("ICV (samples) – · objective balance ∞")),
           qPrintable(view.summaryText()));
  // (0.2, 0.8): mean 0.5, population stddev 0.3.
  plot->setSelected(0);
  QVERIFY2(view.summaryText().contains(QStringLiteral("objective balance 1.67")),
           qPrintable(view.summaryText()));
  // A point that knows its ICV over samples shows it under that name.
  paretolab::widgets::FrontPoint withSamples{ { 0.3, 0.3 }, {}, {}, PointKind::Remerged };
  withSamples.icv = 4.25;
  plot->setSelected(plot->addPoint(withSamples));
  QVERIFY2(view.summaryText().contains(QStringLiteral("ICV (samples) 4.25 · objective balance ∞")),
           qPrintable(view.summaryText()));
  plot->removeKind(PointKind::Remerged);

  plot->removeKind(PointKind::Sweep);
  QVERIFY2(view.summaryText().contains(QStringLiteral("Hypervolume 0.310")),
           qPrintable(view.summaryText()));
}

void
TestParetoPlot::viewAxisChoices()
{
  ParetoView view;
  auto* xChoice = view.findChild<QComboBox*>(QStringLiteral("xObjective"));
  auto* yChoice = view.findChild<QComboBox*>(QStringLiteral("yObjective"));
  QVERIFY(xChoice && yChoice);

  view.plot()->setObjectiveNames({ QStringLiteral("A"), QStringLiteral("B") });
  QVERIFY(!xChoice->isVisibleTo(&view));

  view.plot()->setObjectiveNames(
    { QStringLiteral("QED"), QStringLiteral("SA"), QStringLiteral("logP") });
  addThreeObjectiveSet(*view.plot());
  QVERIFY(xChoice->isVisibleTo(&view));
  QCOMPARE(xChoice->count(), 3);
  QCOMPARE(yChoice->itemText(2), QStringLiteral("logP"));
  QCOMPARE(xChoice->currentIndex(), 0);
  QCOMPARE(yChoice->currentIndex(), 1);

  yChoice->setCurrentIndex(2);
  QCOMPARE(view.plot()->yObjective(), 2);
  QCOMPARE(view.plot()->xAxis->label(), QStringLiteral("QED (reward)"));
  QCOMPARE(view.plot()->yAxis->label(), QStringLiteral("logP (reward)"));

  // Picking the objective already on the other axis swaps them.
  xChoice->setCurrentIndex(2);
  QCOMPARE(view.plot()->xObjective(), 2);
  QCOMPARE(view.plot()->yObjective(), 0);
  QCOMPARE(yChoice->currentIndex(), 0);

  // Axes set on the plot show in the boxes.
  view.plot()->setAxes(1, 2);
  QCOMPARE(xChoice->currentIndex(), 1);
  QCOMPARE(yChoice->currentIndex(), 2);
}

QTEST_MAIN(TestParetoPlot)
#include "tst_paretoplot.moc"
