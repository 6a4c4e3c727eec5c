// SPDX-License-Identifier: GPL-3.0-or-later
#include "picturegrid.h"

#include "core/domainregistry.h"

#include <QComboBox>
#include <QImage>
#include <QListView>
#include <QTest>
#include <QToolButton>

#include <cmath>

using paretolab::widgets::PictureGrid;

namespace {

const double kNaN = std::nan("");

QStringList
displayed(const PictureGrid& grid)
{
  QStringList smiles;
  for (int i = 0; i < grid.tileCount(); ++i)
    smiles.append(grid.tileSample(i));
  return smiles;
}

// Pictures as the app shows molecules: the molecule domain's describe() SVG.
void
useMolecules(PictureGrid& grid)
{
  static const auto domain = paretolab::engine::makeDomain("molecules");
  grid.setPictureSource([](const QString& smiles) {
    return QByteArray::fromStdString(domain->describe(smiles.toStdString()).svg);
  });
}

} // namespace

class TestPictureGrid : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void validity_data();
  void validity();
  void tilesForValidAndInvalid();
  void sortsByObjective();
  void sortBoxAndOrderButton();
  void setSamplesReplaces();
  void objectiveNamesFillTheSortBox();
  void tooltipHasTheScores();
  void paintsDepictionsAndInvalidTiles();
  void columnsFollowTheWidth();
};

void
TestPictureGrid::validity_data()
{
  QTest::addColumn<QString>("smiles");
  QTest::addColumn<bool>("valid");
  QTest::newRow("ethanol") << "CCO" << true;
  QTest::newRow("benzene") << "c1ccccc1" << true;
  QTest::newRow("aspirin") << "CC(=O)Oc1ccccc1C(=O)O" << true;
  QTest::newRow("ring closure %10") << "C%10CCCCCCCCC%10" << true;
  QTest::newRow("unclosed ring") << "C1CC" << false;
  QTest::newRow("unbalanced branch") << "CC(C" << false;
  QTest::newRow("pentavalent carbon") << "C(C)(C)(C)(C)C" << false;
  QTest::newRow("not SMILES") << "hello world" << false;
  QTest::newRow("empty") << "" << false;
}

void
TestPictureGrid::validity()
{
  QFETCH(QString, smiles);
  QFETCH(bool, valid);
  PictureGrid grid;
  useMolecules(grid);
  grid.setSamples({ smiles }, {});
  QCOMPARE(grid.tileCount(), 1);
  QCOMPARE(grid.tileSample(0), smiles);
  QCOMPARE(grid.tileValid(0), valid);
}

void
TestPictureGrid::tilesForValidAndInvalid()
{
  PictureGrid grid;
  useMolecules(grid);
  grid.setObjectiveNames({ "qed", "sa" });
  const QStringList smiles{ "CCO", "C1CC", "c1ccccc1", "xyz" };
  grid.setSamples(smiles, { { 0.4, 1.9 }, { kNaN, kNaN }, { 0.44, 1.0 }, {} });
  QCOMPARE(grid.tileCount(), 4);
  QCOMPARE(displayed(grid), smiles); // generation order by default
  QCOMPARE(grid.sortObjective(), -1);
  QVERIFY(grid.tileValid(0));
  QVERIFY(!grid.tileValid(1));
  QVERIFY(grid.tileValid(2));
  QVERIFY(!grid.tileValid(3));
  QVERIFY(!grid.tileValid(4));
  QCOMPARE(grid.tileSample(4), QString());
  QCOMPARE(grid.tileSample(-1), QString());
}

void
TestPictureGrid::sortsByObjective()
{
  PictureGrid grid;
  useMolecules(grid);
  grid.setObjectiveNames({ "qed", "sa" });
  // D's qed is missing; C's is NaN: both come last in either order.
  grid.setSamples({ "CCA", "CCB", "CCC", "CCD", "CCE" },
                  { { 0.5, 3.0 }, { 0.9, 2.0 }, { kNaN, 1.0 }, {}, { 0.1, 5.0 } });

  grid.sortBy(0, Qt::DescendingOrder);
  QCOMPARE(grid.sortObjective(), 0);
  QCOMPARE(displayed(grid), (QStringList{ "CCB", "CCA", "CCE", "CCC", "CCD" }));
  grid.sortBy(0, Qt::AscendingOrder);
  QCOMPARE(displayed(grid), (QStringList{ "CCE", "CCA", "CCB", "CCC", "CCD" }));
  grid.sortBy(1, Qt::AscendingOrder);
  QCOMPARE(displayed(grid), (QStringList{ "CCC", "CCB", "CCA", "CCE", "CCD" }));
  grid.sortBy(-1);
  QCOMPARE(displayed(grid), (QStringList{ "CCA", "CCB", "CCC", "CCD", "CCE" }));
  grid.sortBy(7); // no such objective: generation order
  QCOMPARE(grid.sortObjective(), -1);
}

void
TestPictureGrid::sortBoxAndOrderButton()
{
  PictureGrid grid;
  useMolecules(grid);
  grid.setObjectiveNames({ "qed", "sa" });
  grid.setSamples({ "CCA", "CCB", "CCC" }, { { 0.5, 3.0 }, { 0.9, 2.0 }, { 0.1, 1.0 } });
  auto* box = grid.findChild<QComboBox*>();
  auto* order = grid.findChild<QToolButton*>();
  QVERIFY(box);
  QVERIFY(order);
  QCOMPARE(box->count(), 3);
  QVERIFY(!order->isEnabled()); // generation order has no direction

  box->setCurrentIndex(1); // qed, highest first
  QCOMPARE(grid.sortObjective(), 0);
  QCOMPARE(grid.sortOrder(), Qt::DescendingOrder);
  QVERIFY(order->isEnabled());
  QCOMPARE(displayed(grid), (QStringList{ "CCB", "CCA", "CCC" }));

  order->click(); // lowest first
  QCOMPARE(grid.sortOrder(), Qt::AscendingOrder);
  QCOMPARE(displayed(grid), (QStringList{ "CCC", "CCA", "CCB" }));

  box->setCurrentIndex(2); // sa keeps the direction
  QCOMPARE(displayed(grid), (QStringList{ "CCC", "CCB", "CCA" }));

  grid.sortBy(0, Qt::DescendingOrder); // and the controls follow the API
  QCOMPARE(box->currentIndex(), 1);
  QVERIFY(order->isChecked());
}

void
TestPictureGrid::setSamplesReplaces()
{
  PictureGrid grid;
  useMolecules(grid);
  grid.setObjectiveNames({ "qed" });
  grid.setSamples({ "CCO", "CCN", "CCC" }, { { 0.3 }, { 0.2 }, { 0.1 } });
  grid.sortBy(0, Qt::AscendingOrder);
  grid.setSamples({ "c1ccccc1", "C1CC" }, { { 0.5 }, { 0.4 } });
  QCOMPARE(grid.tileCount(), 2);
  QCOMPARE(displayed(grid), (QStringList{ "C1CC", "c1ccccc1" })); // the sort is kept
  QVERIFY(!grid.tileValid(0));
  QVERIFY(grid.tileValid(1));
  grid.setSamples({}, {});
  QCOMPARE(grid.tileCount(), 0);
}

void
TestPictureGrid::objectiveNamesFillTheSortBox()
{
  PictureGrid grid;
  useMolecules(grid);
  grid.setObjectiveNames({ "qed", "sa", "logp" });
  grid.sortBy(2);
  grid.setObjectiveNames({ "qed" }); // the sorted objective is gone
  QCOMPARE(grid.sortObjective(), -1);
  auto* box = grid.findChild<QComboBox*>();
  QCOMPARE(box->count(), 2);
  QCOMPARE(box->itemText(1), QString("qed"));
  QCOMPARE(box->currentIndex(), 0);
}

void
TestPictureGrid::tooltipHasTheScores()
{
  PictureGrid grid;
  useMolecules(grid);
  grid.setObjectiveNames({ "qed", "sa" });
  grid.setSamples({ "CCO" }, { { 0.634123, kNaN } });
  const auto* view = grid.findChild<QListView*>();
  const QString tooltip = view->model()->index(0, 0).data(Qt::ToolTipRole).toString();
  QVERIFY2(tooltip.contains("CCO"), qPrintable(tooltip));
  QVERIFY2(tooltip.contains("qed (raw): 0.6341"), qPrintable(tooltip));
  QVERIFY2(tooltip.contains("sa (raw): –"), qPrintable(tooltip));
}

void
TestPictureGrid::paintsDepictionsAndInvalidTiles()
{
  PictureGrid grid;
  useMolecules(grid);
  grid.setObjectiveNames({ "qed", "sa", "logp" });
  grid.setSamples({ "CC(=O)Oc1ccccc1C(=O)O", "C1CC" },
                  { { 0.55, 1.6, 1.3 }, { kNaN, kNaN, kNaN } });
  grid.resize(800, 400);
  grid.show();
  QVERIFY(QTest::qWaitForWindowExposed(&grid));
  auto* view = grid.findChild<QListView*>();
  const QImage shot = view->viewport()->grab().toImage();
  const qreal ratio = shot.devicePixelRatio();

  // The valid tile's picture area holds a drawing: many non-white pixels.
  const QRect valid = view->visualRect(view->model()->index(0, 0));
  QVERIFY(valid.width() >= PictureGrid::kTileSize.width() - 2);
  int inked = 0;
  for (int y = valid.top() + 8; y < valid.top() + 100; ++y)
    for (int x = valid.left() + 8; x < valid.right() - 8; ++x)
      if (shot.pixelColor(QPoint(x, y) * ratio).lightness() < 200)
        ++inked;
  QVERIFY2(inked > 100, qPrintable(QString("only %1 dark pixels").arg(inked)));

  // The invalid one is a grey box.
  const QRect invalid = view->visualRect(view->model()->index(1, 0));
  const QColor grey = shot.pixelColor(QPoint(invalid.left() + 20, invalid.top() + 20) * ratio);
  QCOMPARE(grey.red(), grey.blue());
  QVERIFY2(grey.lightness() > 200 && grey.lightness() < 245, qPrintable(grey.name()));
}

void
TestPictureGrid::columnsFollowTheWidth()
{
  PictureGrid grid;
  useMolecules(grid);
  QStringList smiles;
  for (int i = 0; i < 12; ++i)
    smiles.append(QString("C").repeated(i + 1));
  grid.setSamples(smiles, {});
  grid.show();
  QVERIFY(QTest::qWaitForWindowExposed(&grid));
  auto* view = grid.findChild<QListView*>();

  const auto perRow = [&] {
    const int top = view->visualRect(view->model()->index(0, 0)).top();
    int count = 0;
    for (int i = 0; i < grid.tileCount(); ++i)
      count += view->visualRect(view->model()->index(i, 0)).top() == top;
    return count;
  };
  grid.resize(900, 500);
  QTRY_COMPARE(perRow(), 4);
  grid.resize(450, 500);
  QTRY_COMPARE(perRow(), 2);
}

QTEST_MAIN(TestPictureGrid)
#include "tst_picturegrid.moc"
