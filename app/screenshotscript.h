// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace paretolab::app {

class MainWindow;

/// Drives the window into a real state for `paretolab --screenshot`: trains
/// the loaded task for `steps` steps (none: the empty task), re-merges the
/// experts with equal weights so the front and samples fill in, then grabs the
/// window to `path` and quits the application with 0, or 1 on failure.
class ScreenshotScript : public QObject
{
  Q_OBJECT

public:
  ScreenshotScript(MainWindow* window, QString path, int steps, QObject* parent = nullptr);
  void start();

private:
  void grabAndQuit();

  MainWindow* m_window;
  QString m_path;
  int m_steps;
};

} // namespace paretolab::app
