// SPDX-License-Identifier: GPL-3.0-or-later
#include "moleculegrid.h"
#include "samplestable.h"
#include "samplesview.h"

#include <QLabel>
#include <QPointer>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

#include <cmath>

using paretolab::widgets::MoleculeGrid;
using paretolab::widgets::SamplesTable;
using paretolab::widgets::SamplesView;

namespace {

const double kNaN = std::nan("");

QString
cellText(const SamplesTable& table, int row, int column)
{
  return table.tableView()->model()->index(row, column).data().toString();
}

} // namespace

class TestSamplesView : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void placeholderFirst();
  void moleculesGetAGrid();
  void otherDomainsGetATable();
  void tableSortsNumerically();
  void tableFormatsScores();
  void tableKeepsTheUserSort();
  void pagesAreReusedAndSwitched();
  void addDomainPageStillWorks();
};

void
TestSamplesView::placeholderFirst()
{
  SamplesView view;
  QVERIFY(qobject_cast<QLabel*>(view.currentPage()));
  QVERIFY(view.currentDomain().isEmpty());
  QVERIFY(!view.domainPage("molecules"));
  view.showDomain("toy"); // no page yet: still the placeholder
  QVERIFY(qobject_cast<QLabel*>(view.currentPage()));
  QCOMPARE(view.currentDomain(), QString("toy"));
}

void
TestSamplesView::moleculesGetAGrid()
{
  SamplesView view;
  view.setSamples("molecules",
                  { "qed", "sa" },
                  { "CCO", "C1CC", "c1ccccc1" },
                  { { 0.4, 1.9 }, { kNaN, kNaN }, { 0.44, 1.0 } });
  auto* grid = qobject_cast<MoleculeGrid*>(view.currentPage());
  QVERIFY(grid);
  QCOMPARE(view.currentDomain(), QString("molecules"));
  QCOMPARE(view.domainPage("molecules"), grid);
  QCOMPARE(grid->objectiveNames(), (QStringList{ "qed", "sa" }));
  QCOMPARE(grid->tileCount(), 3);
  QVERIFY(!grid->tileValid(1));
}

void
TestSamplesView::otherDomainsGetATable()
{
  SamplesView view;
  view.setSamples(
    "toy", { "ones" }, { "0101", "1111", "0000", "0011" }, { { 2 }, { 4 }, { 0 }, { 2 } });
  auto* table = qobject_cast<SamplesTable*>(view.currentPage());
  QVERIFY(table);
  QCOMPARE(table->rowCount(), 4);
  QCOMPARE(table->objectiveNames(), QStringList{ "ones" });
  QCOMPARE(table->tableView()->model()->columnCount(), SamplesTable::kFirstObjectiveColumn + 1);
  QCOMPARE(
    table->tableView()->model()->headerData(SamplesTable::kFirstObjectiveColumn, Qt::Horizontal),
    QVariant("ones"));
  QCOMPARE(table->sampleAt(0), QString("0101")); // generation order first
  QCOMPARE(cellText(*table, 3, SamplesTable::kIndexColumn), QString("4"));

  view.setSamples("dna", { "activity" }, { "ACGT" }, { { 0.5 } });
  QVERIFY(qobject_cast<SamplesTable*>(view.currentPage()));
  QVERIFY(view.currentPage() != table);
}

void
TestSamplesView::tableSortsNumerically()
{
  SamplesTable table;
  table.setObjectiveNames({ "score" });
  // As text, "10" < "100" < "9"; as numbers 9 < 10 < 100. NaN has no value.
  table.setSamples({ "a", "b", "c", "d", "e" }, { { 10 }, { 100 }, { 9 }, { kNaN }, { -1.5 } });
  const int column = SamplesTable::kFirstObjectiveColumn;

  table.tableView()->sortByColumn(column, Qt::AscendingOrder);
  QStringList order;
  for (int row = 0; row < table.rowCount(); ++row)
    order.append(table.sampleAt(row));
  QCOMPARE(order, (QStringList{ "e", "c", "a", "b", "d" }));

  table.tableView()->sortByColumn(column, Qt::DescendingOrder);
  QCOMPARE(table.sampleAt(1), QString("b"));
  QCOMPARE(table.sampleAt(4), QString("e"));

  table.tableView()->sortByColumn(SamplesTable::kIndexColumn, Qt::AscendingOrder);
  QCOMPARE(table.sampleAt(0), QString("a"));
  QCOMPARE(table.sampleAt(4), QString("e"));
}

void
TestSamplesView::tableFormatsScores()
{
  SamplesTable table;
  table.setObjectiveNames({ "x", "y", "z" });
  table.setSamples({ "s", "t" }, { { 0.123456, 12345.678, kNaN }, { 2.0 } }); // t: short row
  QCOMPARE(cellText(table, 0, SamplesTable::kFirstObjectiveColumn), QString("0.1235"));
  QCOMPARE(cellText(table, 0, SamplesTable::kFirstObjectiveColumn + 1), QString("1.235e+04"));
  QCOMPARE(cellText(table, 0, SamplesTable::kFirstObjectiveColumn + 2), QString());
  QCOMPARE(cellText(table, 1, SamplesTable::kFirstObjectiveColumn), QString("2"));
  QCOMPARE(cellText(table, 1, SamplesTable::kFirstObjectiveColumn + 1), QString());
  QCOMPARE(cellText(table, 1, SamplesTable::kSampleColumn), QString("t"));

  table.setObjectiveNames({ "x" }); // fewer columns, same samples
  QCOMPARE(table.tableView()->model()->columnCount(), SamplesTable::kFirstObjectiveColumn + 1);
  QCOMPARE(table.rowCount(), 2);
  QCOMPARE(cellText(table, 0, SamplesTable::kFirstObjectiveColumn), QString("0.1235"));
}

void
TestSamplesView::tableKeepsTheUserSort()
{
  SamplesTable table;
  table.setObjectiveNames({ "score" });
  table.setSamples({ "a", "b" }, { { 1 }, { 2 } });
  table.tableView()->sortByColumn(SamplesTable::kFirstObjectiveColumn, Qt::DescendingOrder);
  table.setSamples({ "c", "d", "e" }, { { 5 }, { 7 }, { 6 } }); // the next batch arrives
  QCOMPARE(table.rowCount(), 3);
  QCOMPARE(table.sampleAt(0), QString("d"));
  QCOMPARE(table.sampleAt(1), QString("e"));
  QCOMPARE(table.sampleAt(2), QString("c"));
}

void
TestSamplesView::pagesAreReusedAndSwitched()
{
  SamplesView view;
  view.setSamples("molecules", { "qed" }, { "CCO" }, { { 0.4 } });
  QWidget* grid = view.currentPage();
  view.setSamples("toy", { "ones" }, { "01" }, { { 1 } });
  QWidget* table = view.currentPage();
  QVERIFY(grid != table);

  view.setSamples("molecules", { "qed" }, { "CCN", "CCC" }, { { 0.3 }, { 0.2 } });
  QCOMPARE(view.currentPage(), grid); // the same page, fed again
  QCOMPARE(qobject_cast<MoleculeGrid*>(grid)->tileCount(), 2);
  QCOMPARE(qobject_cast<MoleculeGrid*>(grid)->tileSmiles(0), QString("CCN"));

  view.showDomain("toy");
  QCOMPARE(view.currentPage(), table);
  view.showDomain("summaries");
  QVERIFY(qobject_cast<QLabel*>(view.currentPage()));
}

void
TestSamplesView::addDomainPageStillWorks()
{
  SamplesView view;
  auto* custom = new QLabel("DNA page");
  view.addDomainPage("dna", custom);
  view.showDomain("dna");
  QCOMPARE(view.currentPage(), custom);

  // setSamples shows a page it cannot feed, rather than replacing it.
  view.setSamples("dna", { "activity" }, { "ACGT" }, { { 0.5 } });
  QCOMPARE(view.currentPage(), custom);

  // A new page for the same domain replaces the old one, which is deleted.
  QPointer<QLabel> old = custom;
  auto* replacement = new QLabel("better DNA page");
  view.addDomainPage("dna", replacement);
  QCOMPARE(view.currentPage(), replacement);
  QCOMPARE(view.domainPage("dna"), replacement);
  QTRY_VERIFY(old.isNull());
}

QTEST_MAIN(TestSamplesView)
#include "tst_samplesview.moc"
