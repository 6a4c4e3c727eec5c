// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include <QMenuBar>
#include <QTranslator>
#include <QtTest>

class TestTranslations : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void germanLoadsAndIsComplete()
  {
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/paretolab_de.qm")));
    QVERIFY(!german.isEmpty());
    QCOMPARE(german.translate("paretolab::widgets::RunSetupPanel", "Task"),
             QStringLiteral("Aufgabe"));
    // Strings marked with QT_TRANSLATE_NOOP are looked up in their own context.
    QVERIFY(!german.translate("RunSetupPanel", "maximize").isEmpty());
  }

  void theWindowSpeaksGerman()
  {
    QTranslator german;
    QVERIFY(german.load(QStringLiteral(":/i18n/paretolab_de.qm")));
    QCoreApplication::installTranslator(&german);
    paretolab::app::MainWindow window;
    QStringList menus;
    for (auto* action : window.menuBar()->actions())
      menus << action->text();
    QCoreApplication::removeTranslator(&german);
    QVERIFY2(menus.contains(QStringLiteral("&Datei")), qPrintable(menus.join(QLatin1Char(' '))));
    QVERIFY(menus.contains(QStringLiteral("&Hilfe")));
  }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
