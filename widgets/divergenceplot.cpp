// SPDX-License-Identifier: GPL-3.0-or-later
#include "divergenceplot.h"

#include "plotexport.h"
#include "rewardplot.h"

#include <algorithm>
#include <cmath>

namespace paretolab::widgets {

namespace {

QCPGraph*
roundGraph(QCustomPlot* plot, QCPAxis* valueAxis, const QColor& colour, QCPScatterStyle::ScatterShape shape)
{
  auto* graph = plot->addGraph(plot->xAxis, valueAxis);
  graph->setPen(QPen(colour, 2.0));
  graph->setScatterStyle(QCPScatterStyle(shape, colour, colour, 7));
  return graph;
}

/// The largest value of `graph`, or 0 when it has none.
double
largestValue(const QCPGraph* graph)
{
  double largest = 0.0;
  for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
    if (std::isfinite(it->value))
      largest = std::max(largest, it->value);
  return largest;
}

} // namespace

DivergencePlot::DivergencePlot(QWidget* parent)
  : QCustomPlot(parent)
{
  setObjectName(QStringLiteral("DivergencePlot")); // also the default export file name
  setMinimumSize(260, 200);
  xAxis->setLabel(tr("Merge round"));
  yAxis->setLabel(tr("Parameter distance (relative)"));
  yAxis2->setLabel(tr("KL to an expert (per token)"));
  yAxis2->setVisible(true);
  // Whole rounds only: a round has no halves.
  auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
  ticker->setTickStep(1.0);
  ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
  xAxis->setTicker(ticker);

  m_distance = roundGraph(this, yAxis, RewardPlot::objectiveColor(0), QCPScatterStyle::ssDisc);
  m_distance->setName(tr("parameter distance"));
  m_kl = roundGraph(this, yAxis2, RewardPlot::objectiveColor(1), QCPScatterStyle::ssTriangle);
  m_kl->setName(tr("KL"));
  yAxis->setLabelColor(RewardPlot::objectiveColor(0));
  yAxis2->setLabelColor(RewardPlot::objectiveColor(1));
  legend->setVisible(true);
  axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);

  // The note is a hint on screen, not data: exports leave it out.
  addLayer(QStringLiteral("decorations"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
  m_note = new QCPItemText(this);
  m_note->position->setType(QCPItemPosition::ptAxisRectRatio);
  m_note->position->setCoords(0.5, 0.5);
  m_note->setLayer(QStringLiteral("decorations"));
  m_note->setColor(QColor(0, 0, 0, 150));
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  clear();
  addPlotExportMenu(this);
}

void
DivergencePlot::addMerge(int round, double parameterDistance, double kl)
{
  m_distance->addData(round, parameterDistance);
  m_kl->addData(round, std::isfinite(kl) ? kl : std::nan(""));
  m_note->setText({});
  fitToData();
  replot(QCustomPlot::rpQueuedReplot);
}

void
DivergencePlot::clear(const QString& note)
{
  m_distance->data()->clear();
  m_kl->data()->clear();
  m_note->setText(note.isEmpty() ? tr("Each merge adds a point.") : note);
  fitToData();
  replot(QCustomPlot::rpQueuedReplot);
}

QString
DivergencePlot::note() const
{
  return m_note->text();
}

void
DivergencePlot::fitToData()
{
  const int rounds = m_distance->data()->isEmpty()
                       ? 1
                       : int((m_distance->data()->constEnd() - 1)->key);
  xAxis->setRange(0.5, std::max(rounds, 1) + 0.5);
  yAxis->setRange(0.0, std::max(largestValue(m_distance) * 1.15, 1e-3));
  yAxis2->setRange(0.0, std::max(largestValue(m_kl) * 1.15, 1e-3));
}

} // namespace paretolab::widgets
