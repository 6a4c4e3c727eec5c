// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotatedsamplespage.h"
#include "annotatedsampleview.h"
#include "picturegrid.h"
#include "samplestable.h"
#include "samplesview.h"

#include "core/domainregistry.h"

#include <QLabel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace paretolab::widgets;

namespace {

const double kNaN = std::nan("");

QString
cellText(const SamplesTable& table, int row, int column)
{
  return table.tableView()->model()->index(row, column).data().toString();
}

/// The view as the app sets it up.
void
registerPages(SamplesView& view)
{
  view.registerPage("pictures", [] { return new PictureGrid; });
  view.registerPage("annotated", [] { return new AnnotatedSamplesPage; });
}

SampleSet
sampleSet(const QString& domain,
          const QStringList& names,
          const QStringList& samples,
          const QVector<QVector<double>>& scores,
          const QString& caption = {})
{
  return SampleSet{
    paretolab::engine::makeDomain(domain.toStdString()), names, samples, scores, {}, caption
  };
}

} // namespace

class TestSamplesView : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void placeholderFirst();
  void picturesDomainsGetAGrid();
  void otherDomainsGetTheAnnotatedPage();
  void theAnnotatedPageDescribesTheSelectedSample();
  void tableSortsNumerically();
  void tableFormatsScores();
  void tableKeepsTheUserSort();
  void pagesAreReusedAndSwitched();
  void captionSaysWhoseSamples();
  void filtersKeepValidUniqueNovelAndMatching();
  void aBadSearchIsExplained();
};

void
TestSamplesView::placeholderFirst()
{
  SamplesView view;
  registerPages(view);
  QVERIFY(qobject_cast<QLabel*>(view.currentPage()));
  QVERIFY(!view.page("pictures"));
  QVERIFY(view.caption().isEmpty());
}

void
TestSamplesView::picturesDomainsGetAGrid()
{
  SamplesView view;
  registerPages(view);
  view.setSamples(sampleSet("molecules",
                            { "qed", "sa" },
                            { "CCO", "C1CC", "c1ccccc1" },
                            { { 0.4, 1.9 }, { kNaN, kNaN }, { 0.44, 1.0 } }));
  auto* grid = qobject_cast<PictureGrid*>(view.currentPage());
  QVERIFY(grid);
  QCOMPARE(view.page("pictures"), grid);
  QCOMPARE(grid->objectiveNames(), (QStringList{ "qed", "sa" }));
  QCOMPARE(grid->tileCount(), 3);
  QVERIFY(grid->tileValid(0)); // the molecule domain's depiction
  QVERIFY(!grid->tileValid(1));
}

void
TestSamplesView::otherDomainsGetTheAnnotatedPage()
{
  SamplesView view;
  registerPages(view);
  view.setSamples(sampleSet(
    "toy", { "ones" }, { "0101", "1111", "0000", "0011" }, { { 2 }, { 4 }, { 0 }, { 2 } }));
  auto* page = qobject_cast<AnnotatedSamplesPage*>(view.currentPage());
  QVERIFY(page);
  auto* table = page->table();
  QCOMPARE(table->rowCount(), 4);
  QCOMPARE(table->objectiveNames(), QStringList{ "ones" });
  QCOMPARE(table->tableView()->model()->columnCount(), SamplesTable::kFirstObjectiveColumn + 1);
  QCOMPARE(table->sampleAt(0), QString("0101")); // generation order first
  QCOMPARE(cellText(*table, 3, SamplesTable::kIndexColumn), QString("4"));

  // Without a registered pictures page, a pictures domain falls back to the annotated page.
  SamplesView plain;
  plain.registerPage("annotated", [] { return new AnnotatedSamplesPage; });
  plain.setSamples(sampleSet("molecules", { "qed" }, { "CCO" }, { { 0.4 } }));
  QVERIFY(qobject_cast<AnnotatedSamplesPage*>(plain.currentPage()));
}

void
TestSamplesView::theAnnotatedPageDescribesTheSelectedSample()
{
  AnnotatedSamplesPage page;
  auto set = sampleSet("toy", { "ones" }, { "0101", "1111" }, { { 2 }, { 4 } });
  page.setSamples(set);
  const auto described = [&](const char* sample) {
    return AnnotatedSampleView::toHtml(set.domain->describe(sample));
  };
  QCOMPARE(page.shownSample(), 0);
  QCOMPARE(page.view()->html(), described("0101"));
  page.table()->tableView()->selectRow(1);
  QCOMPARE(page.shownSample(), 1);
  QCOMPARE(page.view()->html(), described("1111"));
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
  registerPages(view);
  view.setSamples(sampleSet("molecules", { "qed" }, { "CCO" }, { { 0.4 } }));
  QWidget* grid = view.currentPage();
  view.setSamples(sampleSet("toy", { "ones" }, { "01" }, { { 1 } }));
  QWidget* annotated = view.currentPage();
  QVERIFY(grid != annotated);

  view.setSamples(sampleSet("molecules", { "qed" }, { "CCN", "CCC" }, { { 0.3 }, { 0.2 } }));
  QCOMPARE(view.currentPage(), grid); // the same page, fed again
  QCOMPARE(qobject_cast<PictureGrid*>(grid)->tileCount(), 2);
  QCOMPARE(qobject_cast<PictureGrid*>(grid)->tileSample(0), QString("CCN"));

  view.clear();
  QVERIFY(qobject_cast<QLabel*>(view.currentPage()));
}

void
TestSamplesView::captionSaysWhoseSamples()
{
  SamplesView view;
  registerPages(view);
  view.setSamples(sampleSet("toy", { "ones" }, { "01" }, { { 1 } }, "Merged policy, round 3"));
  QCOMPARE(view.caption(), QString("Merged policy, round 3"));
  view.clear();
  QVERIFY(view.caption().isEmpty());
}

void
TestSamplesView::filtersKeepValidUniqueNovelAndMatching()
{
  SamplesView view;
  registerPages(view);
  // OCC and CCO are one molecule; C1CC is invalid; DMSO (CS(C)=O) is in the NCI corpus.
  view.setSamples(sampleSet("molecules",
                            { "qed" },
                            { "CCO", "OCC", "C1CC", "c1ccccc1O", "CC(=O)Nc1ccc(O)cc1C", "O=S(C)C" },
                            { { 0.4 }, { 0.4 }, { kNaN }, { 0.5 }, { 0.6 }, { 0.3 } }));
  QCOMPARE(view.shown().samples.size(), 6);
  view.setFilters(true, false, false, {});
  QCOMPARE(view.shown().samples.size(), 5);
  view.setFilters(true, true, false, {});
  QCOMPARE(view.shown().samples,
           (QStringList{ "CCO", "c1ccccc1O", "CC(=O)Nc1ccc(O)cc1C", "O=S(C)C" }));
  view.setFilters(false, false, false, "c1ccccc1");
  QCOMPARE(view.shown().samples, (QStringList{ "c1ccccc1O", "CC(=O)Nc1ccc(O)cc1C" }));
  QCOMPARE(view.shown().rawScores.last(), QVector<double>{ 0.6 });
  QCOMPARE(view.shown().query, QString("c1ccccc1"));
  // The match is drawn highlighted: the picture differs from the plain one.
  const auto domain = view.shown().domain;
  QVERIFY(domain->describeMatching("c1ccccc1O", {}, "c1ccccc1").svg !=
          domain->describe("c1ccccc1O").svg);
  view.setFilters(false, false, true, {});
  QVERIFY(!view.shown().samples.contains("O=S(C)C")); // DMSO is not novel
  QVERIFY(view.shown().samples.contains("CC(=O)Nc1ccc(O)cc1C"));
}

void
TestSamplesView::aBadSearchIsExplained()
{
  SamplesView view;
  registerPages(view);
  view.setSamples(sampleSet("molecules", { "qed" }, { "CCO", "CCN" }, { { 0.4 }, { 0.5 } }));
  view.setFilters(false, false, false, "[C");
  QCOMPARE(view.shown().samples.size(), 2); // the search is ignored, not everything hidden
  auto* note = view.findChildren<QLabel*>().last();
  bool explained = false;
  for (auto* label : view.findChildren<QLabel*>())
    explained = explained || label->text().contains("is not a SMARTS pattern");
  QVERIFY(explained);
  Q_UNUSED(note);
}

QTEST_MAIN(TestSamplesView)
#include "tst_samplesview.moc"
