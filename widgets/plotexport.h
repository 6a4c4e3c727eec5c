// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCustomPlot;

namespace paretolab::widgets {

/// Writes `plot` to `path` in the format its extension names: .png (raster),
/// .svg or .pdf (vector). A width or height of 0 takes the plot's current
/// size. Returns an empty string on success, otherwise a sentence for the
/// user saying what went wrong. GUI thread only.
QString
exportPlot(QCustomPlot* plot, const QString& path, int width = 0, int height = 0);

/// Gives `plot` a context menu with "Export plot as PNG…/SVG…/PDF…", each
/// asking for a file and reporting failures in a message box. Sets the plot's
/// context-menu policy to Qt::CustomContextMenu; installing twice is harmless.
void
addPlotExportMenu(QCustomPlot* plot);

} // namespace paretolab::widgets
