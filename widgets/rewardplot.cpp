// SPDX-License-Identifier: GPL-3.0-or-later
#include "rewardplot.h"

namespace paretolab::widgets {

RewardPlot::RewardPlot(QWidget* parent)
  : QCustomPlot(parent)
{
  xAxis->setLabel(tr("Step"));
  yAxis->setLabel(tr("Mean reward (transformed)"));
  xAxis->setRange(0, 100);
  yAxis->setRange(0, 1);
  legend->setVisible(false);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setMinimumSize(320, 220);
}

} // namespace paretolab::widgets
