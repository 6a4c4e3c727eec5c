// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcomparison.h"

#include "plotexport.h"
#include "rewardplot.h"

#include <QHBoxLayout>

namespace paretolab::widgets {

RunComparison::RunComparison(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QHBoxLayout(this);
  m_curves = new QCustomPlot(this);
  m_fronts = new QCustomPlot(this);
  m_curves->xAxis->setLabel(tr("Step"));
  m_curves->yAxis->setLabel(tr("Average reward of the merged policy"));
  for (auto* plot : { m_curves, m_fronts }) {
    plot->legend->setVisible(true);
    plot->setMinimumSize(360, 300);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    addPlotExportMenu(plot);
    layout->addWidget(plot);
  }
}

void
RunComparison::setRuns(const QStringList& objectiveNames, const QVector<ComparedRun>& runs)
{
  m_curves->clearGraphs();
  m_fronts->clearGraphs();
  m_fronts->xAxis->setLabel(objectiveNames.value(0));
  m_fronts->yAxis->setLabel(objectiveNames.value(1, objectiveNames.value(0)));
  for (int r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    const QColor colour = RewardPlot::objectiveColor(r);
    auto* curve = m_curves->addGraph();
    curve->setName(run.name);
    curve->setPen(QPen(colour, 2));
    curve->setData(run.steps, run.averages);

    auto* front = m_fronts->addGraph();
    front->setName(run.name);
    front->setLineStyle(QCPGraph::lsNone);
    front->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 7));
    QVector<double> x, y;
    for (const auto& point : run.points) {
      x << point.value(0);
      y << point.value(1, point.value(0));
    }
    front->setData(x, y, /*alreadySorted=*/false);
  }
  m_curves->rescaleAxes();
  m_fronts->xAxis->setRange(0, 1);
  m_fronts->yAxis->setRange(0, 1);
  m_curves->replot(QCustomPlot::rpQueuedReplot);
  m_fronts->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace paretolab::widgets
