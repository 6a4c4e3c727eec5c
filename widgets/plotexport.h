// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCustomPlot;

namespace paretolab::widgets {

/// Writes `plot` to `path` in the format its extension names: .png (raster),
/// .svg or .pdf (vector), `width` × `height` in points (1/96 inch; 0 takes
/// the plot's size on screen). A PNG is drawn at `dpi` and says so in its
/// metadata, so 300 gives a print-quality image of the same layout. Layers
/// named "decorations" (a selection ring) are left out. Returns an empty
/// string on success, otherwise a sentence for the user saying what went
/// wrong. GUI thread only.
QString
exportPlot(QCustomPlot* plot, const QString& path, int width = 0, int height = 0, int dpi = 96);

/// Gives `plot` a context menu with "Export plot as PNG…/SVG…/PDF…", each
/// asking for a file and reporting failures in a message box. Sets the plot's
/// context-menu policy to Qt::CustomContextMenu; installing twice is harmless.
void
addPlotExportMenu(QCustomPlot* plot);

} // namespace paretolab::widgets
