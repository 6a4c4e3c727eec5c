// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "paretoplot.h"
#include "rewardplot.h"
#include "runsetuppanel.h"
#include "samplesview.h"
#include "screenshot.h"

#include <QDockWidget>
#include <QImage>
#include <QProgressBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using paretolab::app::MainWindow;

class TestMainWindow : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void hasTheFinalLayout()
  {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const auto docks = window.findChildren<QDockWidget*>();
    QCOMPARE(docks.size(), 2);
    QCOMPARE(window.dockWidgetArea(docks[0]), Qt::LeftDockWidgetArea);
    QCOMPARE(window.dockWidgetArea(docks[1]), Qt::BottomDockWidgetArea);
    QVERIFY(window.runSetupPanel()->isVisible());
    QVERIFY(window.rewardPlot()->isVisible());
    QVERIFY(window.paretoPlot()->isVisible());
    QVERIFY(window.samplesView()->isVisible());
    QVERIFY(window.statusBar()->isAncestorOf(window.progressBar()));
    QCOMPARE(window.runSetupPanel()->mergePeriod(), 4);
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
  }

  void screenshotReportsAnUnwritablePath()
  {
    MainWindow window;
    window.show();
    const QString error =
      paretolab::app::saveScreenshot(&window, QStringLiteral("/nonexistent-dir/shot.png"));
    QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/shot.png")));
  }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
