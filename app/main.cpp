// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab: the GUI executable. Everything but argument handling lives in
// paretolab_app, which the tests link too.

#include "core/runtime.h"
#include "mainwindow.h"
#include "screenshot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

int
main(int argc, char* argv[])
{
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("paretolab"));
  QApplication::setOrganizationName(QStringLiteral("ParetoLab"));
  QApplication::setApplicationVersion(QStringLiteral(PARETOLAB_VERSION));

  QCommandLineParser parser;
  parser.setApplicationDescription(
    QApplication::translate("main", "Multi-reward fine-tuning with IterativeRS"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption screenshot(
    QStringLiteral("screenshot"),
    QApplication::translate("main", "Open the window, save it to <file> as PNG, and exit."),
    QStringLiteral("file"));
  parser.addOption(screenshot);
  parser.process(app);

  paretolab::engine::setComputeThreads(0);

  paretolab::app::MainWindow window;
  window.show();

  if (parser.isSet(screenshot)) {
    // A zero-delay timer fires once the event loop has drained the show and
    // layout events; the short delay lets queued replots land as well.
    QTimer::singleShot(200, &window, [&window, path = parser.value(screenshot)] {
      const QString error = paretolab::app::saveScreenshot(&window, path);
      if (!error.isEmpty())
        std::fprintf(stderr, "paretolab: %s\n", qPrintable(error));
      QCoreApplication::exit(error.isEmpty() ? 0 : 1);
    });
  }
  return QApplication::exec();
}
