// SPDX-License-Identifier: GPL-3.0-or-later
// Slider-to-new-point latency: trains a task for a few steps in the real main
// window (offscreen), then drags the first weight slider 50 times, waiting for
// each re-merged point to be drawn, and prints the median and 95th percentile,
// then the same as one JSON line. With `during`, the drags start after the
// first merge while training goes on (for 25 times the steps), and training is
// stopped after them.
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_slider_latency [task] [steps] [drags]
//   [after|during] (defaults: molecules 8 50 after; the prior is pretrained on first use, then
//   cached)

#include "core/runtime.h"
#include "mainwindow.h"
#include "runsetuppanel.h"
#include "weightsliders.h"

#include <QApplication>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include <algorithm>
#include <cstdio>

int
main(int argc, char* argv[])
{
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("ParetoLabBench"));
  const QStringList args = QApplication::arguments();
  const QString task = args.value(1, QStringLiteral("molecules"));
  const int steps = args.value(2, QStringLiteral("8")).toInt();
  const int drags = args.value(3, QStringLiteral("50")).toInt();
  const bool duringTraining = args.value(4) == QStringLiteral("during");
  paretolab::engine::keepFreedMemoryForReuse();
  paretolab::engine::setComputeThreads(0);

  paretolab::app::MainWindow window;
  window.show();
  if (!window.loadTask(task))
    return 1;
  auto* controller = window.controller();
  window.runSetupPanel()->setTotalSteps(duringTraining ? 25 * steps : steps);
  QSignalSpy finished(controller, &paretolab::app::TrainingController::runFinished);
  bool merged = false;
  QObject::connect(
    controller,
    &paretolab::app::TrainingController::reportsReady,
    [&](const auto&, const auto& merges, qint64, qint64) { merged = merged || !merges.isEmpty(); });
  window.startTraining();
  if (duringTraining) {
    while (!merged && finished.isEmpty())
      QTest::qWait(50);
  } else if (!finished.wait(3600 * 1000)) {
    return 1;
  }

  auto* slider = window.weightSliders()->findChild<QSlider*>(QStringLiteral("weightSlider0"));
  QSignalSpy shown(&window, &paretolab::app::MainWindow::remergeShown);
  std::vector<double> seconds;
  for (int i = 0; i < drags; ++i) {
    // Alternate between two positions so every drag asks for new weights.
    slider->triggerAction(i % 2 ? QAbstractSlider::SliderPageStepSub
                                : QAbstractSlider::SliderPageStepAdd);
    if (!shown.wait(60000))
      return 1;
    seconds.push_back(shown.takeFirst().at(0).toDouble());
  }
  std::sort(seconds.begin(), seconds.end());
  const auto at = [&](double q) { return seconds[size_t(q * double(seconds.size() - 1) + 0.5)]; };
  std::printf("task %s, %s training, %d drags: slider-to-point latency median %.3f s, p95 %.3f s, "
              "max %.3f s\n",
              qPrintable(task),
              duringTraining ? "during" : "after",
              drags,
              at(0.5),
              at(0.95),
              seconds.back());
  std::printf("{\"task\":\"%s\",\"when\":\"%s\",\"drags\":%d,\"median_s\":%.4f,"
              "\"p95_s\":%.4f,\"max_s\":%.4f,\"still_training\":%s}\n",
              qPrintable(task),
              duringTraining ? "during" : "after",
              drags,
              at(0.5),
              at(0.95),
              seconds.back(),
              finished.isEmpty() ? "true" : "false");
  if (duringTraining && finished.isEmpty()) {
    controller->stop();
    finished.wait(600 * 1000);
  }
  return 0;
}
