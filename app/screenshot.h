// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace paretolab::app {

/// Renders `window` to a PNG at `path` once pending layout and paint events
/// have run. Works offscreen and under Xvfb; call from the GUI thread.
/// Returns an empty string on success, otherwise a readable error.
QString
saveScreenshot(QWidget* window, const QString& path);

} // namespace paretolab::app
