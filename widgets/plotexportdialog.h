// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace paretolab::widgets {

/// Asks for the size of an exported plot (in points, 1/96 inch) and, for
/// PNG, its resolution. Starts from the last choice, saved in QSettings.
class PlotExportDialog : public QDialog
{
  Q_OBJECT

public:
  /// `onScreen` is the plot's size now, offered when nothing was chosen before.
  PlotExportDialog(const QSize& onScreen, bool raster, QWidget* parent = nullptr);

  QSize exportSize() const;
  int dpi() const;
  /// Saves the choice for next time.
  void remember() const;

private:
  QSpinBox* m_width = nullptr;
  QSpinBox* m_height = nullptr;
  QComboBox* m_dpi = nullptr;
};

} // namespace paretolab::widgets
