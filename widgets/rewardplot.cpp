// SPDX-License-Identifier: GPL-3.0-or-later
#include "rewardplot.h"

#include "plotexport.h"

#include <QFontMetrics>

#include <algorithm>
#include <array>
#include <utility>

namespace paretolab::widgets {

namespace {

constexpr int kExpertAlpha = 120;
constexpr double kExpertWidth = 1.2;
constexpr double kMergedWidth = 2.6;

// The dash pattern of expert `expert`, in units of the pen width; six, cycled.
QList<qreal>
expertDashes(int expert)
{
  switch (expert % 6) {
    case 0:
      return { 5, 3 };
    case 1:
      return { 1.5, 2.5 };
    case 2:
      return { 7, 2.5, 1.5, 2.5 };
    case 3:
      return { 7, 2.5, 1.5, 2.5, 1.5, 2.5 };
    case 4:
      return { 12, 4 };
    default:
      return { 3, 2, 3, 6 };
  }
}

QPen
expertPen(int expert, int objective)
{
  QColor colour = RewardPlot::objectiveColor(objective);
  colour.setAlpha(kExpertAlpha);
  QPen pen(colour, kExpertWidth);
  pen.setDashPattern(expertDashes(expert));
  return pen;
}

} // namespace

RewardPlot::RewardPlot(QWidget* parent)
  : QCustomPlot(parent)
{
  xAxis->setLabel(tr("Step"));
  yAxis->setLabel(tr("Mean reward (transformed)"));
  fitToData();
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setNoAntialiasingOnDrag(true);
  setMinimumSize(260, 200);
  setObjectName(QStringLiteral("RewardPlot")); // also the default export file name

  QFont legendFont = font();
  legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
  legend->setFont(legendFont);
  legend->setBrush(QColor(255, 255, 255, 215));
  legend->setBorderPen(QPen(QColor(0, 0, 0, 60)));
  legend->setRowSpacing(0);
  // The legend sits below the axes, outside the data, three entries a row.
  // Which lines are experts and which merged says the caption (lineKey()).
  axisRect()->insetLayout()->take(legend);
  plotLayout()->addElement(1, 0, legend);
  plotLayout()->setRowStretchFactor(1, 0.001);
  legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  legend->setWrap(3);
  legend->setMargins(QMargins(4, 2, 4, 2));
  legend->setVisible(false);

  // Once the user drags or zooms, new data must not yank the view back.
  connect(this, &QCustomPlot::mouseWheel, this, [this] { m_followData = false; });
  connect(this, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton)
      m_followData = false;
  });
  connect(this, &QCustomPlot::mouseDoubleClick, this, [this] {
    m_followData = true;
    fitToData();
    replot(QCustomPlot::rpQueuedReplot);
  });

  addPlotExportMenu(this);
}

QColor
RewardPlot::objectiveColor(int objective)
{
  // Okabe & Ito (2008), ordered so that the first colours are the most
  // distinct on white; yellow comes last because it is faint on white.
  static const std::array<QColor, 8> palette = { {
    QColor(0, 114, 178),   // blue
    QColor(213, 94, 0),    // vermillion
    QColor(0, 158, 115),   // bluish green
    QColor(204, 121, 167), // reddish purple
    QColor(230, 159, 0),   // orange
    QColor(86, 180, 233),  // sky blue
    QColor(0, 0, 0),       // black
    QColor(240, 228, 66),  // yellow
  } };
  const auto count = static_cast<int>(palette.size());
  return palette[static_cast<std::size_t>(((objective % count) + count) % count)];
}

QString
RewardPlot::lineKey()
{
  return tr("thin: each training step (one line per expert); thick: each round's policy");
}

void
RewardPlot::setSeries(const QStringList& objectiveNames)
{
  clearGraphs();
  for (auto* marker : std::as_const(m_mergeMarkers))
    removeItem(marker);
  m_mergeMarkers.clear();
  m_mergeSteps.clear();
  m_expertGraphs.clear();
  m_mergedGraphs.clear();
  legend->clearItems();
  m_objectiveNames = objectiveNames;

  const int count = static_cast<int>(objectiveNames.size());
  // Experts first, so that the merged curves are drawn on top of them.
  m_expertGraphs.reserve(count * count);
  for (int expert = 0; expert < count; ++expert) {
    for (int objective = 0; objective < count; ++objective) {
      QCPGraph* graph = addGraph();
      graph->setName(tr("%1 expert: %2").arg(objectiveNames[expert], objectiveNames[objective]));
      graph->setPen(expertPen(expert, objective));
      graph->setVisible(m_expertsVisible);
      graph->removeFromLegend();
      m_expertGraphs.append(graph);
    }
  }
  m_mergedGraphs.reserve(count);
  for (int objective = 0; objective < count; ++objective) {
    QCPGraph* graph = addGraph();
    graph->setName(objectiveNames[objective]);
    graph->setPen(QPen(objectiveColor(objective), kMergedWidth));
    graph->addToLegend(); // a no-op when QCustomPlot already added it
    m_mergedGraphs.append(graph);
  }
  legend->setVisible(count > 0);

  m_maxStep = 0;
  m_followData = true;
  fitToData();
  replot(QCustomPlot::rpQueuedReplot);
}

void
RewardPlot::addExpertStep(int expert, int step, const QVector<double>& transformedMeans)
{
  const auto count = static_cast<int>(m_objectiveNames.size());
  if (expert < 0 || expert >= count)
    return;
  const int values = std::min(count, static_cast<int>(transformedMeans.size()));
  for (int objective = 0; objective < values; ++objective)
    m_expertGraphs[expert * count + objective]->addData(step, transformedMeans[objective]);
  noteStep(step);
  replot(QCustomPlot::rpQueuedReplot);
}

void
RewardPlot::addMergedPoint(int step, const QVector<double>& transformedMeans)
{
  const auto count = static_cast<int>(m_objectiveNames.size());
  const int values = std::min(count, static_cast<int>(transformedMeans.size()));
  for (int objective = 0; objective < values; ++objective)
    m_mergedGraphs[objective]->addData(step, transformedMeans[objective]);

  if (step != 0 && !m_mergeSteps.contains(step)) {
    auto* marker = new QCPItemStraightLine(this);
    marker->setLayer(QStringLiteral("grid")); // behind the curves
    marker->setSelectable(false);
    marker->setPen(QPen(QColor(0, 0, 0, 40), 1));
    marker->point1->setCoords(step, 0);
    marker->point2->setCoords(step, 1);
    m_mergeMarkers.append(marker);
    m_mergeSteps.append(step);
  }
  noteStep(step);
  replot(QCustomPlot::rpQueuedReplot);
}

void
RewardPlot::clear()
{
  for (auto* graph : std::as_const(m_expertGraphs))
    graph->data()->clear();
  for (auto* graph : std::as_const(m_mergedGraphs))
    graph->data()->clear();
  for (auto* marker : std::as_const(m_mergeMarkers))
    removeItem(marker);
  m_mergeMarkers.clear();
  m_mergeSteps.clear();
  m_maxStep = 0;
  m_followData = true;
  fitToData();
  replot(QCustomPlot::rpQueuedReplot);
}

void
RewardPlot::setExpertsVisible(bool visible)
{
  m_expertsVisible = visible;
  for (auto* graph : std::as_const(m_expertGraphs))
    graph->setVisible(visible);
  replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph*
RewardPlot::expertGraph(int expert, int objective) const
{
  const auto count = static_cast<int>(m_objectiveNames.size());
  if (expert < 0 || expert >= count || objective < 0 || objective >= count)
    return nullptr;
  return m_expertGraphs[expert * count + objective];
}

QCPGraph*
RewardPlot::mergedGraph(int objective) const
{
  return objective >= 0 && objective < m_mergedGraphs.size() ? m_mergedGraphs[objective] : nullptr;
}

void
RewardPlot::noteStep(int step)
{
  if (step <= m_maxStep)
    return;
  m_maxStep = step;
  if (m_followData)
    xAxis->setRange(0, m_maxStep);
}

void
RewardPlot::fitToData()
{
  xAxis->setRange(0, std::max(m_maxStep, 1));
  yAxis->setRange(0, 1);
}

} // namespace paretolab::widgets
