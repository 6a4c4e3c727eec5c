// SPDX-License-Identifier: GPL-3.0-or-later
// The window at 1280 × 720, in English and in German: run controls in view,
// no clipped labels, sliders wide enough to drag, legends beside the data.

#include "mainwindow.h"
#include "rewardplot.h"
#include "runactions.h"
#include "runsetuppanel.h"
#include "weightsliders.h"

#include <QAction>
#include <QLabel>
#include <QSlider>
#include <QToolBar>
#include <QTranslator>
#include <QtTest>

using paretolab::app::MainWindow;

class TestLayout : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase()
  {
    QCoreApplication::setOrganizationName(QStringLiteral("ParetoLabLayoutTest"));
  }

  void fitsAt1280x720_data()
  {
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << "en";
    QTest::newRow("German") << "de";
  }

  void fitsAt1280x720()
  {
    QFETCH(QString, language);
    QTranslator translator;
    if (language != QLatin1String("en")) {
      QVERIFY(translator.load(QStringLiteral(":/i18n/paretolab_%1.qm").arg(language)));
      QCoreApplication::installTranslator(&translator);
    }
    {
      MainWindow window;
      window.resize(1280, 720);
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      QVERIFY(window.loadTask(QStringLiteral("molecules")));
      QCoreApplication::processEvents();
      // Nothing's minimum size forces the window past the screen it was made for.
      // On failure, the wide widgets are listed to show which one is the cause.
      if (window.size() != QSize(1280, 720))
        for (auto* widget : window.findChildren<QWidget*>())
          if (widget->isVisible() && widget->minimumSizeHint().width() > 200)
            qWarning() << widget->metaObject()->className() << widget->objectName()
                       << widget->minimumSizeHint();
      QCOMPARE(window.size(), QSize(1280, 720));

      // Start, Pause and Stop are on a toolbar, inside the window.
      auto* toolbar = window.findChild<QToolBar*>(QStringLiteral("RunToolBar"));
      QVERIFY(toolbar && toolbar->isVisible());
      const QRect inside = window.rect();
      for (auto* action : { window.runActions()->start(),
                            window.runActions()->pauseResume(),
                            window.runActions()->stop() }) {
        auto* button = toolbar->widgetForAction(action);
        QVERIFY2(button && button->isVisible(), qPrintable(action->text()));
        const QRect where(button->mapTo(&window, QPoint(0, 0)), button->size());
        QVERIFY2(inside.contains(where), qPrintable(action->text()));
      }

      // No label of the run setup is cut short.
      for (auto* label : window.runSetupPanel()->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->text().isEmpty() || label->wordWrap())
          continue;
        QVERIFY2(label->width() >= label->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1: %2 < %3")
                              .arg(label->text())
                              .arg(label->width())
                              .arg(label->minimumSizeHint().width())));
      }

      // The λ sliders can be dragged.
      for (auto* slider : window.weightSliders()->findChildren<QSlider*>())
        QVERIFY2(slider->width() >= 100, qPrintable(QString::number(slider->width())));

      // The reward legend is outside the data, below the axes.
      auto* plot = window.rewardPlot();
      QVERIFY(plot->legend->outerRect().top() >= plot->axisRect()->outerRect().bottom());
    }
    QCoreApplication::removeTranslator(&translator);
  }
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
