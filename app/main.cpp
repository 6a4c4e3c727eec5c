// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab: the GUI executable. Everything but argument handling lives in
// paretolab_app, which the tests link too.

#include "core/runtime.h"
#include "mainwindow.h"
#include "runlibrary.h"
#include "screenshotscript.h"
#include "tasklibrary.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

int
main(int argc, char* argv[])
{
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("paretolab"));
  QApplication::setOrganizationName(QStringLiteral("ParetoLab"));
  QApplication::setApplicationVersion(QStringLiteral(PARETOLAB_VERSION));
  // The desktop file's name, so that the desktop matches windows to the launcher.
  QApplication::setDesktopFileName(QStringLiteral("org.paretolab.ParetoLab"));
  QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/org.paretolab.ParetoLab.svg")));

  QCommandLineParser parser;
  parser.setApplicationDescription(
    QApplication::translate("main", "Multi-reward fine-tuning with IterativeRS"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption screenshot(
    QStringLiteral("screenshot"),
    QApplication::translate("main", "Save the window to <file> as PNG, then exit."),
    QStringLiteral("file"));
  const QCommandLineOption task(
    QStringLiteral("task"),
    QApplication::translate("main", "Open this task: the name of a bundled task or a task file."),
    QStringLiteral("task"));
  const QCommandLineOption steps(
    QStringLiteral("steps"),
    QApplication::translate("main", "With --screenshot: train this many steps first."),
    QStringLiteral("n"),
    QStringLiteral("0"));
  const QCommandLineOption language(QStringLiteral("language"),
                                    QApplication::translate("main", "Interface language: en, de."),
                                    QStringLiteral("code"));
  const QCommandLineOption size(
    QStringLiteral("size"),
    QApplication::translate("main", "The window's size, e.g. 1280x720 (for screenshots)."),
    QStringLiteral("WxH"));
  parser.addOptions({ screenshot, task, steps, language, size });
  parser.process(app);

  const QString code =
    parser.isSet(language)
      ? parser.value(language)
      : QSettings().value(QStringLiteral("language"), QStringLiteral("en")).toString();
  QLocale::setDefault(QLocale(code));
  QTranslator translator;
  QTranslator qtTranslator;
  // An installed translation first, so that a newer one can be dropped in.
  const QString installed =
    QApplication::applicationDirPath() + QStringLiteral("/../share/paretolab/translations");
  if (code != QStringLiteral("en") &&
      (translator.load(QStringLiteral("paretolab_%1").arg(code), installed) ||
       translator.load(QStringLiteral(":/i18n/paretolab_%1.qm").arg(code)))) {
    QApplication::installTranslator(&translator);
    if (qtTranslator.load(QStringLiteral("qtbase_%1").arg(code),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      QApplication::installTranslator(&qtTranslator);
  }

  paretolab::engine::keepFreedMemoryForReuse();
  paretolab::engine::setComputeThreads(0);

  paretolab::app::MainWindow window;
  if (parser.isSet(size)) {
    const auto parts = parser.value(size).split(QLatin1Char('x'));
    if (parts.size() == 2 && parts[0].toInt() > 0 && parts[1].toInt() > 0)
      window.resize(parts[0].toInt(), parts[1].toInt());
  }
  window.show();
  const QString fallback = window.taskLibrary()->defaultTask();
  const QString taskName = parser.isSet(task)
                             ? parser.value(task)
                             : QSettings().value(QStringLiteral("lastTask"), fallback).toString();
  if (!window.loadTask(taskName) && taskName != fallback)
    window.loadTask(fallback);

  if (!parser.isSet(screenshot))
    window.runLibrary()->offerToResume();
  if (parser.isSet(screenshot)) {
    auto* script = new paretolab::app::ScreenshotScript(
      &window, parser.value(screenshot), parser.value(steps).toInt(), &window);
    script->start();
  }
  return QApplication::exec();
}
