// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qcustomplotinclude.h"

#include <QColor>
#include <QStringList>
#include <QVector>

namespace paretolab::widgets {

/// Per-objective mean transformed reward against training step, for each
/// expert and for the merged policy. Objective i has one colour throughout;
/// each expert (one per objective) has its own dash pattern, drawn thin and
/// translucent, while the merged policy is drawn thick and solid. A light
/// vertical line marks every merge round. The x axis follows the data until
/// the user drags or zooms; a double click fits the data again. Updates queue
/// a replot, so bursts of points cost one repaint. Call from the GUI thread only.
class RewardPlot : public QCustomPlot
{
  Q_OBJECT

public:
  explicit RewardPlot(QWidget* parent = nullptr);

  /// The colour of objective `objective`, from the colour-blind-safe
  /// Okabe–Ito palette (cycled beyond eight objectives).
  static QColor objectiveColor(int objective);

  /// Replaces all series: one graph per (expert, objective) and one per
  /// objective for the merged policy. Clears the data and the merge markers.
  void setSeries(const QStringList& objectiveNames);
  /// The key to the line widths, for a caption beside the plot.
  static QString lineKey();
  QStringList objectiveNames() const { return m_objectiveNames; }

  /// Appends expert `expert`'s per-objective means at `step`. Values beyond
  /// the number of objectives, and unknown experts, are ignored; NaN leaves a gap.
  void addExpertStep(int expert, int step, const QVector<double>& transformedMeans);
  /// Appends the merged policy's per-objective means at `step`, and marks the
  /// merge round with a vertical line unless `step` is 0 (the prior).
  void addMergedPoint(int step, const QVector<double>& transformedMeans);
  /// Removes all data and merge markers; keeps the series.
  void clear();

  void setExpertsVisible(bool visible);
  bool expertsVisible() const { return m_expertsVisible; }

  /// The graph of expert `expert` for objective `objective`, or null.
  QCPGraph* expertGraph(int expert, int objective) const;
  /// The merged policy's graph for objective `objective`, or null.
  QCPGraph* mergedGraph(int objective) const;
  /// The steps marked as merge rounds, in the order they were added.
  QVector<int> mergeSteps() const { return m_mergeSteps; }

private:
  void noteStep(int step);
  void fitToData();

  QStringList m_objectiveNames;
  QVector<QCPGraph*> m_expertGraphs; // index expert * objectiveCount + objective
  QVector<QCPGraph*> m_mergedGraphs;
  QVector<QCPItemStraightLine*> m_mergeMarkers;
  QVector<int> m_mergeSteps;
  int m_maxStep = 0;
  bool m_followData = true;
  bool m_expertsVisible = true;
};

} // namespace paretolab::widgets
