// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qcustomplotinclude.h"

namespace paretolab::widgets {

/// The Pareto front of the evaluated merged policies, in the plane of two
/// chosen objectives. Call from the GUI thread only.
class ParetoPlot : public QCustomPlot
{
  Q_OBJECT

public:
  explicit ParetoPlot(QWidget* parent = nullptr);

  /// Names the two objectives shown on the axes.
  void setAxisObjectives(const QString& xObjective, const QString& yObjective);
};

} // namespace paretolab::widgets
