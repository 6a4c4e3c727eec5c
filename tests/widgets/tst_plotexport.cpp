// SPDX-License-Identifier: GPL-3.0-or-later
#include "paretoplot.h"
#include "plotexport.h"
#include "rewardplot.h"

#include <QFile>
#include <QImage>
#include <QMenu>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

using paretolab::widgets::addPlotExportMenu;
using paretolab::widgets::exportPlot;
using paretolab::widgets::ParetoPlot;
using paretolab::widgets::RewardPlot;

class TestPlotExport : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void init();
  void cleanup();
  void exportsEachFormat_data();
  void exportsEachFormat();
  void defaultSizeIsThePlotSize();
  void errors_data();
  void errors();
  void contextMenuOffersTheFormats();
  void pngAtPrintResolution();
  void exportsLeaveTheSelectionOut();

private:
  QTemporaryDir* m_dir = nullptr;
  RewardPlot* m_plot = nullptr;
};

void
TestPlotExport::init()
{
  m_dir = new QTemporaryDir;
  QVERIFY(m_dir->isValid());
  m_plot = new RewardPlot;
  m_plot->setSeries({ "qed", "sa", "logp" });
  for (int step = 0; step <= 40; ++step) {
    for (int expert = 0; expert < 3; ++expert)
      m_plot->addExpertStep(expert, step, { step / 40.0, 0.3 + 0.1 * expert, 0.8 - step / 80.0 });
    if (step % 8 == 0)
      m_plot->addMergedPoint(step, { step / 50.0, 0.4, 0.7 });
  }
}

void
TestPlotExport::cleanup()
{
  delete m_plot;
  m_plot = nullptr;
  delete m_dir;
  m_dir = nullptr;
}

void
TestPlotExport::exportsEachFormat_data()
{
  QTest::addColumn<QString>("fileName");
  QTest::newRow("png") << "rewards.png";
  QTest::newRow("svg") << "rewards.svg";
  QTest::newRow("pdf") << "rewards.pdf";
  QTest::newRow("upper-case extension") << "REWARDS.PNG";
}

void
TestPlotExport::exportsEachFormat()
{
  QFETCH(QString, fileName);
  const QString path = m_dir->filePath(fileName);
  const QString error = exportPlot(m_plot, path, 640, 360);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  QVERIFY(QFileInfo(path).size() > 0);

  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == "png") {
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(640, 360));
  } else if (suffix == "svg") {
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 640, 360));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<polyline")); // vector curves, not one embedded bitmap
  } else {
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(4), QByteArray("%PDF"));
  }
}

void
TestPlotExport::defaultSizeIsThePlotSize()
{
  m_plot->resize(421, 233);
  const QString path = m_dir->filePath("default.png");
  const QString error = exportPlot(m_plot, path);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  QCOMPARE(QImage(path).size(), QSize(421, 233));
}

void
TestPlotExport::errors_data()
{
  QTest::addColumn<QString>("relativePath");
  QTest::addColumn<QString>("mentions");
  QTest::newRow("unknown extension") << "plot.bmpx"
                                     << ".bmpx";
  QTest::newRow("no extension") << "plot"
                                << "extension";
  QTest::newRow("png into a missing folder") << "missing/plot.png"
                                             << "does not exist";
  QTest::newRow("svg into a missing folder") << "missing/plot.svg"
                                             << "missing";
  QTest::newRow("pdf into a missing folder") << "missing/plot.pdf"
                                             << "does not exist";
  QTest::newRow("empty path") << ""
                              << "file name";
}

void
TestPlotExport::errors()
{
  QFETCH(QString, relativePath);
  QFETCH(QString, mentions);
  const QString path = relativePath.isEmpty() ? QString() : m_dir->filePath(relativePath);
  const QString error = exportPlot(m_plot, path, 300, 200);
  QVERIFY(!error.isEmpty());
  QVERIFY2(error.contains(mentions), qPrintable(error));
  if (!path.isEmpty())
    QVERIFY(!QFileInfo::exists(path));
  QCOMPARE(QDir(m_dir->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void
TestPlotExport::contextMenuOffersTheFormats()
{
  QCustomPlot plot;
  addPlotExportMenu(&plot);
  addPlotExportMenu(&plot); // a second install must not give two menus
  QCOMPARE(plot.contextMenuPolicy(), Qt::CustomContextMenu);
  plot.resize(300, 200);
  plot.show();
  QVERIFY(QTest::qWaitForWindowExposed(&plot));

  Q_EMIT plot.customContextMenuRequested(QPoint(20, 20));
  const QList<QMenu*> menus = plot.findChildren<QMenu*>();
  QCOMPARE(menus.size(), 1);
  QStringList texts;
  for (const QAction* action : menus.first()->actions())
    texts.append(action->text());
  QCOMPARE(texts.size(), 3);
  QVERIFY(texts[0].contains("PNG"));
  QVERIFY(texts[1].contains("SVG"));
  QVERIFY(texts[2].contains("PDF"));
  menus.first()->close();

  // RewardPlot installs it itself.
  QCOMPARE(m_plot->contextMenuPolicy(), Qt::CustomContextMenu);
}

// 300 dpi is the same layout with 300/96 as many pixels each way, and says so.
void
TestPlotExport::pngAtPrintResolution()
{
  const QString path = m_dir->filePath("print.png");
  QCOMPARE(exportPlot(m_plot, path, 400, 300, 300), QString());
  const QImage image(path);
  QCOMPARE(image.size(), QSize(1250, 938));
  QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 300);
}

// The red selection ring is for the screen; a figure for a paper has none.
void
TestPlotExport::exportsLeaveTheSelectionOut()
{
  ParetoPlot plot;
  plot.setObjectiveNames({ "a", "b" });
  plot.addPoint({ { 0.5, 0.5 }, {}, {}, paretolab::widgets::PointKind::Merged });
  plot.addPoint({ { 0.2, 0.8 }, {}, {}, paretolab::widgets::PointKind::Merged });
  plot.setSelected(0);
  plot.resize(400, 300);
  plot.replot();
  const auto redPixels = [](const QImage& image) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
      for (int x = 0; x < image.width(); ++x) {
        const QColor c = image.pixelColor(x, y);
        count += c.red() > 180 && c.green() < 80 && c.blue() < 80;
      }
    return count;
  };
  const QString path = m_dir->filePath("front.png");
  QCOMPARE(exportPlot(&plot, path, 400, 300), QString());
  QCOMPARE(redPixels(QImage(path)), 0);
  QVERIFY(redPixels(plot.toPixmap(400, 300).toImage()) > 20); // on screen it is there
  QVERIFY(plot.layer("decorations")->visible());              // and stays after the export
}

QTEST_MAIN(TestPlotExport)
#include "tst_plotexport.moc"
