// SPDX-License-Identifier: GPL-3.0-or-later
#include "paretoplot.h"

namespace paretolab::widgets {

ParetoPlot::ParetoPlot(QWidget* parent)
  : QCustomPlot(parent)
{
  setAxisObjectives(tr("Objective 1"), tr("Objective 2"));
  xAxis->setRange(0, 1);
  yAxis->setRange(0, 1);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom | QCP::iSelectPlottables);
  setMinimumSize(320, 220);
}

void
ParetoPlot::setAxisObjectives(const QString& xObjective, const QString& yObjective)
{
  xAxis->setLabel(xObjective);
  yAxis->setLabel(yObjective);
  replot(QCustomPlot::rpQueuedReplot);
}

} // namespace paretolab::widgets
