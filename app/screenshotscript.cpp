// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshotscript.h"

#include "mainwindow.h"
#include "runsetuppanel.h"
#include "screenshot.h"
#include "weightsliders.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

namespace paretolab::app {

ScreenshotScript::ScreenshotScript(MainWindow* window, QString path, int steps, QObject* parent)
  : QObject(parent)
  , m_window(window)
  , m_path(std::move(path))
  , m_steps(steps)
{
}

void
ScreenshotScript::start()
{
  if (m_steps <= 0 || !m_window->runSetupPanel()->hasTask()) {
    QTimer::singleShot(300, this, &ScreenshotScript::grabAndQuit);
    return;
  }
  auto* controller = m_window->controller();
  connect(controller, &TrainingController::runFailed, this, [](const QString& message) {
    std::fprintf(stderr, "paretolab: the run failed: %s\n", qPrintable(message));
    QCoreApplication::exit(1);
  });
  connect(controller, &TrainingController::runFinished, this, [this] {
    // Equal weights: a re-merged point beside the run's own output.
    const auto weights = m_window->weightSliders()->weights();
    QVector<double> equal(weights.size(), 1.0 / std::max<qsizetype>(1, weights.size()));
    connect(m_window, &MainWindow::remergeShown, this, [this] {
      QTimer::singleShot(300, this, &ScreenshotScript::grabAndQuit);
    });
    m_window->weightSliders()->setWeights(equal);
    m_window->controller()->requestRemerge(equal, 64);
  });
  m_window->runSetupPanel()->setTotalSteps(m_steps);
  // A setting the panel refuses would leave the script waiting for a run that
  // never starts: say why and stop instead.
  if (const QString problem = m_window->runSetupPanel()->validationMessage(); !problem.isEmpty()) {
    std::fprintf(stderr, "paretolab: cannot start the run: %s\n", qPrintable(problem));
    QTimer::singleShot(0, this, [] { QCoreApplication::exit(1); });
    return;
  }
  m_window->startTraining();
}

void
ScreenshotScript::grabAndQuit()
{
  const QString error = saveScreenshot(m_window, m_path);
  if (!error.isEmpty()) {
    std::fprintf(stderr, "paretolab: %s\n", qPrintable(error));
  } else {
    // What the picture shows, for scripts that check it (tests/packaging).
    const auto* setup = m_window->runSetupPanel();
    const auto prior = setup->hasTask() ? setup->task().priorPath : std::string{};
    std::printf("paretolab: saved %s: %s; prior: %s\n",
                qPrintable(m_path),
                qPrintable(m_window->windowTitle()),
                prior.empty() ? "pretrained on the corpus" : prior.c_str());
  }
  QCoreApplication::exit(error.isEmpty() ? 0 : 1);
}

} // namespace paretolab::app
