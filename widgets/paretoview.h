// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace paretolab::widgets {

class ParetoPlot;

/// A ParetoPlot with the choice of the two shown objectives above it (only with three
/// or more objectives) and the front's hypervolume and the selected policy's ICV
/// below it. Feed points, names and selection through plot(); the view follows its
/// signals. Call from the GUI thread only.
class ParetoView : public QWidget
{
  Q_OBJECT

public:
  explicit ParetoView(QWidget* parent = nullptr);

  ParetoPlot* plot() const { return m_plot; }
  /// The text under the plot, e.g. "Hypervolume 0.123 · ICV 4.56 (selected)".
  QString summaryText() const;

private:
  void rebuildAxisChoices();
  void syncAxisChoices();
  void onAxisChosen(bool xChanged);
  void updateSummary();

  ParetoPlot* m_plot = nullptr;
  QWidget* m_axisBar = nullptr;
  QComboBox* m_xChoice = nullptr;
  QComboBox* m_yChoice = nullptr;
  QLabel* m_summary = nullptr;
  // True while the view fills or moves the combo boxes itself.
  bool m_syncing = false;
};

} // namespace paretolab::widgets
