// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QPushButton;

namespace paretolab::widgets {

class WeightSliders;

/// The Weights dock: the λ sliders, a button for the sweep action, and one
/// line saying what the last re-merge or sweep did. GUI thread only.
class WeightsPanel : public QWidget
{
  Q_OBJECT

public:
  explicit WeightsPanel(QWidget* parent = nullptr);

  WeightSliders* sliders() const { return m_sliders; }
  QLabel* info() const { return m_info; }
  /// The button triggers `sweep` and follows its text and enabled state.
  void setSweepAction(QAction* sweep);

private:
  WeightSliders* m_sliders = nullptr;
  QPushButton* m_sweep = nullptr;
  QLabel* m_info = nullptr;
};

} // namespace paretolab::widgets
