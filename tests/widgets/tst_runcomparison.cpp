// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcomparison.h"

#include <QComboBox>
#include <QTableWidget>
#include <QTest>

using paretolab::widgets::ComparedRun;
using paretolab::widgets::RunComparison;

namespace {

ComparedRun
run(const QString& name, const QString& m, double average)
{
  ComparedRun compared;
  compared.name = name;
  compared.steps = { 0, 4, 8 };
  compared.averages = { 0.5, 0.6, average };
  compared.icv = { 2.0, 3.0, 4.0 };
  compared.hypervolumes = { 0.1, 0.2, 0.3 };
  compared.points = { { 0.4, 0.5, 0.6 }, { 0.5, 0.6, 0.7 }, { 0.6, 0.7, 0.8 } };
  compared.facts = { { "m", m }, { "seed", "1" }, { "average reward", QString::number(average) } };
  return compared;
}

} // namespace

class TestRunComparison : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void highlightsTheSettingsThatDiffer()
  {
    RunComparison view;
    view.setRuns({ "qed", "sa", "logp" }, { run("1: m=1", "1", 0.8), run("2: m=4", "4", 0.9) });
    auto* table = view.table();
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->verticalHeaderItem(0)->text(), QString("m"));
    QVERIFY(view.rowDiffers(0));  // m
    QVERIFY(!view.rowDiffers(1)); // seed
    QVERIFY(view.rowDiffers(2));  // the final reward
    QVERIFY(table->item(0, 1)->background() != table->item(1, 1)->background());
    QCOMPARE(table->item(0, 1)->text(), QString("4"));
  }

  void plotsAChosenMetricAndAnyTwoObjectives()
  {
    RunComparison view;
    view.setRuns({ "qed", "sa", "logp" }, { run("a", "1", 0.8), run("b", "4", 0.9) });
    QCOMPARE(view.curves()->graphCount(), 2);
    QCOMPARE(view.curves()->graph(1)->data()->at(2)->value, 0.9);
    view.showMetric(1);
    QCOMPARE(view.curves()->graph(0)->data()->at(2)->value, 4.0); // ICV
    view.showMetric(2);
    QCOMPARE(view.curves()->graph(0)->data()->at(2)->value, 0.3); // hypervolume
    view.showAxes(2, 1);
    QCOMPARE(view.fronts()->graph(0)->data()->at(0)->key,
             0.6); // logp of the first point... sorted by key
    QVERIFY(view.fronts()->xAxis->label().startsWith("logp"));
    // The legends are outside the axes, below them.
    QVERIFY(view.curves()->plotLayout()->elementAt(1) == view.curves()->legend);
  }
};

QTEST_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
