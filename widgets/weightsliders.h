// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QGridLayout;
class QLabel;
class QSlider;
class QToolButton;

namespace paretolab::widgets {

/// One slider per objective for the merge weights λ, which always stay on the simplex:
/// moving one slider spreads the difference over the other unlocked weights
/// (moveOnSimplex). Each user move emits weightsChanged() at once, so a connected
/// re-merge should be "latest request wins". Programmatic updates emit nothing. Call
/// from the GUI thread only.
class WeightSliders : public QWidget
{
  Q_OBJECT

public:
  /// Sliders run from 0 to kSliderSteps; a weight shows with three decimals.
  static constexpr int kSliderSteps = 1000;

  explicit WeightSliders(QWidget* parent = nullptr);

  /// Rebuilds the rows, one per name, and unlocks every weight. `weights` is normalised
  /// onto the simplex; when its size differs from the names' the weights are uniform.
  /// Emits nothing.
  /// The line above the sliders: what dragging does for the run on show.
  void setCaption(const QString& text);
  /// The caption for experts that are re-merged (IterativeRS, RS).
  static QString mergeCaption();
  void setObjectives(const QStringList& names, const QVector<double>& weights);
  QStringList objectives() const { return m_names; }

  /// The exact weights (the sliders show them rounded to 1/kSliderSteps); they sum to 1.
  QVector<double> weights() const { return m_weights; }
  /// Normalises `weights` onto the simplex and shows them. Emits nothing. Ignored when the
  /// size differs from the number of objectives.
  void setWeights(const QVector<double>& weights);

  /// A locked weight keeps its value while the user drags the others. Emits nothing.
  void setLocked(int index, bool locked);
  bool isLocked(int index) const;

Q_SIGNALS:
  /// The user moved a slider; `weights` are the new simplex-constrained weights, already
  /// shown by every slider. Not emitted when the move changed nothing (for example when a
  /// lock leaves the dragged weight no room).
  void weightsChanged(const QVector<double>& weights);

private:
  struct Row
  {
    QLabel* name = nullptr;
    QSlider* slider = nullptr;
    QLabel* value = nullptr;
    QToolButton* lock = nullptr;
  };

  void clearRows();
  void onSliderMoved(int index, int sliderValue);
  QVector<bool> lockedFlags() const;
  void showWeights();
  void updateEnabled();

  QGridLayout* m_grid = nullptr;
  QLabel* m_header = nullptr;
  QStringList m_names;
  QVector<double> m_weights;
  QVector<Row> m_rows;
  // True while this class itself moves the sliders, so that only user moves re-merge.
  bool m_updating = false;
};

} // namespace paretolab::widgets
