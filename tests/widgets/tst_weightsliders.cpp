// SPDX-License-Identifier: GPL-3.0-or-later
#include "weightsliders.h"

#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QToolButton>
#include <QtTest>

#include <cmath>

using namespace paretolab::widgets;

using Weights = QVector<double>;

namespace {

constexpr double kTolerance = 1e-12;

double
sum(const Weights& w)
{
  double total = 0.0;
  for (double x : w)
    total += x;
  return total;
}

QSlider*
slider(const WeightSliders& w, int i)
{
  return w.findChild<QSlider*>(QStringLiteral("weightSlider%1").arg(i));
}

QString
valueText(const WeightSliders& w, int i)
{
  return w.findChild<QLabel*>(QStringLiteral("weightValue%1").arg(i))->text();
}

QToolButton*
lockButton(const WeightSliders& w, int i)
{
  return w.findChild<QToolButton*>(QStringLiteral("weightLock%1").arg(i));
}

const QStringList kNames{ QStringLiteral("QED"), QStringLiteral("SA"), QStringLiteral("logP") };
const double kThird = 1.0 / 3.0;

} // namespace

class TestWeightSliders : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void setObjectivesRoundTrip();
  void mismatchedWeightsAreUniform();
  void userDragMovesTheOthers();
  void keyboardIsAUserMove();
  void lockKeepsAWeight();
  void lockClampsTheDraggedWeight();
  void noRoomSnapsBack();
  void programmaticUpdatesEmitNothing();
  void rebuildReplacesRows();
  void explainsTheWeights();
};

void
TestWeightSliders::setObjectivesRoundTrip()
{
  WeightSliders w;
  QSignalSpy spy(&w, &WeightSliders::weightsChanged);
  w.setObjectives(kNames, { 1.0, 1.0, 2.0 });
  QCOMPARE(w.objectives(), kNames);
  QCOMPARE(w.weights(), (Weights{ 0.25, 0.25, 0.5 }));
  QCOMPARE(slider(w, 0)->value(), 250);
  QCOMPARE(slider(w, 2)->value(), 500);
  QCOMPARE(valueText(w, 0), QStringLiteral("0.250"));
  QCOMPARE(valueText(w, 2), QStringLiteral("0.500"));
  for (int i = 0; i < 3; ++i)
    QVERIFY(!w.isLocked(i));
  QCOMPARE(spy.count(), 0);
}

void
TestWeightSliders::mismatchedWeightsAreUniform()
{
  WeightSliders w;
  w.setObjectives(kNames, { 1.0 });
  QCOMPARE(w.weights(), (Weights{ kThird, kThird, kThird }));
  QCOMPARE(valueText(w, 1), QStringLiteral("0.333"));
}

void
TestWeightSliders::userDragMovesTheOthers()
{
  WeightSliders w;
  w.setObjectives(kNames, { kThird, kThird, kThird });
  QSignalSpy spy(&w, &WeightSliders::weightsChanged);

  // A value change that the widget did not cause itself is the user's drag.
  slider(w, 0)->setValue(600);
  QCOMPARE(spy.count(), 1);
  const Weights emitted = spy.at(0).at(0).value<Weights>();
  QCOMPARE(emitted, w.weights());
  QVERIFY(std::abs(w.weights()[0] - 0.6) <= kTolerance);
  QVERIFY(std::abs(w.weights()[1] - 0.2) <= kTolerance);
  QVERIFY(std::abs(w.weights()[2] - 0.2) <= kTolerance);
  QVERIFY(std::abs(sum(w.weights()) - 1.0) <= kTolerance);
  QCOMPARE(slider(w, 1)->value(), 200);
  QCOMPARE(slider(w, 2)->value(), 200);
  QCOMPARE(valueText(w, 0), QStringLiteral("0.600"));
  QCOMPARE(valueText(w, 2), QStringLiteral("0.200"));

  // The followers keep their ratio on the next drag.
  slider(w, 1)->setValue(0);
  QCOMPARE(spy.count(), 2);
  QVERIFY(std::abs(w.weights()[0] - 0.75) <= kTolerance);
  QVERIFY(std::abs(w.weights()[2] - 0.25) <= kTolerance);
  QVERIFY(std::abs(sum(w.weights()) - 1.0) <= kTolerance);
}

void
TestWeightSliders::keyboardIsAUserMove()
{
  WeightSliders w;
  w.setObjectives(kNames, { 0.5, 0.25, 0.25 });
  QSignalSpy spy(&w, &WeightSliders::weightsChanged);
  QTest::keyClick(slider(w, 0), Qt::Key_PageUp);
  QCOMPARE(spy.count(), 1);
  QVERIFY(std::abs(w.weights()[0] - 0.6) <= kTolerance);
  QVERIFY(std::abs(w.weights()[1] - 0.2) <= kTolerance);
  QCOMPARE(slider(w, 2)->value(), 200);
}

void
TestWeightSliders::lockKeepsAWeight()
{
  WeightSliders w;
  w.setObjectives(kNames, { kThird, kThird, kThird });
  QSignalSpy spy(&w, &WeightSliders::weightsChanged);
  w.setLocked(2, true);
  QVERIFY(w.isLocked(2));
  QVERIFY(lockButton(w, 2)->isChecked());
  QVERIFY(!slider(w, 2)->isEnabled());
  QVERIFY(slider(w, 0)->isEnabled());
  QCOMPARE(spy.count(), 0);

  const double lockedWeight = w.weights()[2];
  slider(w, 0)->setValue(500);
  QCOMPARE(spy.count(), 1);
  QCOMPARE(w.weights()[2], lockedWeight);
  QVERIFY(std::abs(w.weights()[0] - 0.5) <= kTolerance);
  QVERIFY(std::abs(w.weights()[1] - (1.0 - 0.5 - kThird)) <= kTolerance);
  QVERIFY(std::abs(sum(w.weights()) - 1.0) <= kTolerance);
  QCOMPARE(slider(w, 2)->value(), 333);

  w.setLocked(2, false);
  QVERIFY(!w.isLocked(2));
  QVERIFY(slider(w, 2)->isEnabled());
}

void
TestWeightSliders::lockClampsTheDraggedWeight()
{
  WeightSliders w;
  w.setObjectives(kNames, { 0.2, 0.5, 0.3 });
  w.setLocked(1, true);
  QSignalSpy spy(&w, &WeightSliders::weightsChanged);
  slider(w, 0)->setValue(900);
  QCOMPARE(spy.count(), 1);
  QVERIFY(std::abs(w.weights()[0] - 0.5) <= kTolerance);
  QCOMPARE(w.weights()[1], 0.5);
  QVERIFY(std::abs(w.weights()[2]) <= kTolerance);
  // The dragged slider shows the clamped value, not where the mouse put it.
  QCOMPARE(slider(w, 0)->value(), 500);
}

void
TestWeightSliders::noRoomSnapsBack()
{
  WeightSliders w;
  w.setObjectives(kNames, { 0.2, 0.3, 0.5 });
  w.setLocked(1, true);
  w.setLocked(2, true);
  // With one unlocked weight nothing can move.
  QVERIFY(!slider(w, 0)->isEnabled());
  QSignalSpy spy(&w, &WeightSliders::weightsChanged);
  slider(w, 0)->setValue(900);
  QCOMPARE(spy.count(), 0);
  QCOMPARE(w.weights(), (Weights{ 0.2, 0.3, 0.5 }));
  QCOMPARE(slider(w, 0)->value(), 200);
}

void
TestWeightSliders::programmaticUpdatesEmitNothing()
{
  WeightSliders w;
  w.setObjectives(kNames, { kThird, kThird, kThird });
  QSignalSpy spy(&w, &WeightSliders::weightsChanged);
  w.setWeights({ 2.0, 1.0, 1.0 });
  QCOMPARE(spy.count(), 0);
  QCOMPARE(w.weights(), (Weights{ 0.5, 0.25, 0.25 }));
  QCOMPARE(slider(w, 0)->value(), 500);
  QCOMPARE(slider(w, 1)->value(), 250);
  QCOMPARE(valueText(w, 1), QStringLiteral("0.250"));

  // Wrong size: ignored.
  w.setWeights({ 1.0, 0.0 });
  QCOMPARE(w.weights(), (Weights{ 0.5, 0.25, 0.25 }));

  w.setLocked(0, true);
  w.setObjectives(kNames, { 0.1, 0.2, 0.7 });
  QCOMPARE(spy.count(), 0);
}

void
TestWeightSliders::rebuildReplacesRows()
{
  WeightSliders w;
  w.setObjectives(kNames, {});
  w.setLocked(1, true);
  w.setObjectives({ QStringLiteral("A"), QStringLiteral("B") }, { 0.3, 0.7 });
  QCOMPARE(w.findChildren<QSlider*>().size(), 2);
  QVERIFY(!w.isLocked(1));
  QVERIFY(slider(w, 2) == nullptr);
  QCOMPARE(slider(w, 1)->value(), 700);
  QSignalSpy spy(&w, &WeightSliders::weightsChanged);
  slider(w, 1)->setValue(400);
  QCOMPARE(spy.count(), 1);
  QVERIFY(std::abs(w.weights()[0] - 0.6) <= kTolerance);
}

void
TestWeightSliders::explainsTheWeights()
{
  WeightSliders w;
  w.setObjectives(kNames, {});
  QVERIFY(w.toolTip().contains(QStringLiteral("sum to 1")));
  QVERIFY(w.toolTip().contains(QStringLiteral("Rewarded Soups")));
  QCOMPARE(lockButton(w, 0)->toolTip(), QStringLiteral("Lock this weight while the others move"));
  QVERIFY(lockButton(w, 0)->isCheckable());
}

QTEST_MAIN(TestWeightSliders)
#include "tst_weightsliders.moc"
