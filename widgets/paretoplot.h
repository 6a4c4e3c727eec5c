// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qcustomplotinclude.h"

#include <QPoint>
#include <QStringList>
#include <QVector>

#include <array>
#include <limits>

namespace paretolab::widgets {

/// Where a point on the Pareto plot came from.
enum class PointKind
{
  Prior,    ///< the pretrained prior, before any fine-tuning
  Merged,   ///< the merged policy of one merge round of the run
  Remerged, ///< a re-merge the user asked for with the weight sliders
  Sweep,    ///< one grid point of a Rewarded-Soups sweep over λ
};

/// One evaluated policy: its mean transformed reward per objective (maximised, in [0, 1]),
/// the merge weights λ that produced it, and a few of its samples.
struct FrontPoint
{
  QVector<double> objectives;
  QVector<double> lambda;
  QStringList samples;
  PointKind kind = PointKind::Merged;
  /// Optional caption for the tooltip, e.g. "Round 3, step 120".
  QString label;
  /// The caller's id for the evaluation behind the point (an index into its own store), or
  /// -1; the plot only carries it.
  int evaluation = -1;
  /// The policy's ICV over its samples (the paper's); NaN when not known.
  double icv = std::numeric_limits<double>::quiet_NaN();
};

/// The evaluated policies in the plane of two chosen objectives. Dominance is decided
/// over ALL objectives (engine::nonDominatedIndices), so a point can look unbeaten in the
/// two shown axes and still be dimmed. Non-dominated points are bright and joined by a
/// line, dominated ones dimmed; the marker shape tells the kind. Hovering shows a point's
/// values, λ and samples; clicking selects it. Call from the GUI thread only.
class ParetoPlot : public QCustomPlot
{
  Q_OBJECT

public:
  /// How close, in pixels, the mouse must be to a point to hover or click it.
  static constexpr double kPickRadius = 8.0;

  explicit ParetoPlot(QWidget* parent = nullptr);

  /// Names the objectives; the axis labels and tooltips use them.
  void setObjectiveNames(const QStringList& names);
  QStringList objectiveNames() const { return m_names; }
  /// The name of objective `index`, or "Objective <index + 1>" when it has none.
  QString objectiveName(int index) const;
  /// The number of names, or, without names, the objective count of the points (0 when
  /// there are none).
  int objectiveCount() const;

  /// Shows objective `xObjective` on the horizontal and `yObjective` on the vertical
  /// axis. Indices outside [0, objectiveCount()) are ignored.
  void setAxes(int xObjective, int yObjective);
  int xObjective() const { return m_xObjective; }
  int yObjective() const { return m_yObjective; }

  /// Adds a point and returns its index. Every point must have as many objectives as
  /// the first one added; a point that does not is refused with -1.
  int addPoint(const FrontPoint& point);
  void clearPoints();
  /// Removes every point of `kind`; later points move down to fill the gaps.
  void removeKind(PointKind kind);
  const FrontPoint& point(int index) const { return m_points.at(index); }
  int pointCount() const { return int(m_points.size()); }

  /// Per point: true when no other point dominates it in all objectives.
  QVector<bool> nonDominated() const { return m_nonDominated; }
  /// Hypervolume of the non-dominated points over the all-zeros reference point.
  double hypervolume() const { return m_hypervolume; }

  /// Selects point `index`; -1 (or any invalid index) clears the selection.
  void setSelected(int index);
  int selected() const { return m_selected; }

  /// The index of the drawn point nearest to `pixel` within kPickRadius, else -1.
  /// Uses the axes' layout of the last replot.
  int pointAt(const QPointF& pixel) const;

  /// The hover text of point `index` (rich text).
  QString toolTipText(int index) const;

Q_SIGNALS:
  /// The user clicked point `index`; it is already selected.
  void pointClicked(int index);
  /// The mouse moved onto point `index`, or off every point (-1).
  void pointHovered(int index);
  /// The selection changed, by a click or by setSelected(); -1 when cleared.
  void selectionChanged(int index);
  /// Points were added or removed; nonDominated() and hypervolume() are up to date.
  void pointsChanged();
  /// The shown objectives changed.
  void axesChanged(int xObjective, int yObjective);
  /// The objective names changed.
  void objectiveNamesChanged();

protected:
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

private:
  static constexpr int kKindCount = 4;

  void pointsModified();
  /// Moves the axes back to objectives 0 and 1 when they point past the objective count.
  bool fitAxesToObjectives();
  void updateFront();
  void updateAxisLabels();
  void redraw(bool rescale);
  void updateSelectionMarker();
  bool isDrawn(int index) const;
  void setHovered(int index);

  QStringList m_names;
  QVector<FrontPoint> m_points;
  QVector<bool> m_nonDominated;
  double m_hypervolume = 0.0;
  int m_xObjective = 0;
  int m_yObjective = 1;
  int m_selected = -1;
  int m_hovered = -1;
  QPoint m_pressPos;
  bool m_pressed = false;

  QCPGraph* m_frontLine = nullptr;
  // Per kind: the dominated (dimmed) and the non-dominated (bright) points.
  std::array<QCPGraph*, kKindCount> m_dominatedGraphs{};
  std::array<QCPGraph*, kKindCount> m_frontGraphs{};
  QCPGraph* m_selectionRing = nullptr;
};

} // namespace paretolab::widgets
