// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qcustomplotinclude.h"

#include <QString>

namespace paretolab::widgets {

/// How far the experts had drifted apart when each round was merged, against
/// the round: the largest relative parameter distance of an expert from the
/// round's start (left axis) and the largest mean per-token KL between the
/// merged policy and an expert on a probe batch (right axis). This is the
/// quantity the paper's theory bounds, and the one adaptive m acts on.
/// GUI thread only.
class DivergencePlot : public QCustomPlot
{
  Q_OBJECT

public:
  explicit DivergencePlot(QWidget* parent = nullptr);

  /// Adds merge `round`'s divergences; a NaN KL (runs stored before it was
  /// recorded) leaves a gap.
  void addMerge(int round, double parameterDistance, double kl);
  /// Removes every point; `note`, when given, says why the plot stays empty.
  void clear(const QString& note = {});

  QCPGraph* distanceGraph() const { return m_distance; }
  QCPGraph* klGraph() const { return m_kl; }
  QString note() const;

private:
  void fitToData();

  QCPGraph* m_distance = nullptr;
  QCPGraph* m_kl = nullptr;
  QCPItemText* m_note = nullptr;
};

} // namespace paretolab::widgets
