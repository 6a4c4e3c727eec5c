// SPDX-License-Identifier: GPL-3.0-or-later
#include "paretoplot.h"

#include "metrics/pareto.h"

#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

namespace paretolab::widgets {

namespace {

// Markers of the dominated points: faint enough that the front stands out, still visible.
constexpr int kDimmedAlpha = 60;
// How far the mouse may move between press and release for the pair to count as a click.
constexpr int kClickSlop = 3;
constexpr int kTooltipSamples = 3;
constexpr int kTooltipSampleChars = 80;

std::size_t
kindIndex(PointKind kind)
{
  return std::size_t(kind);
}

QColor
kindColor(PointKind kind)
{
  // Matplotlib's "tab" colours: distinct, and readable by most colour-blind users.
  switch (kind) {
    case PointKind::Prior:
      return QColor(90, 90, 90);
    case PointKind::Merged:
      return QColor(31, 119, 180);
    case PointKind::Remerged:
      return QColor(255, 127, 14);
    case PointKind::Sweep:
      return QColor(44, 160, 44);
  }
  return QColor(Qt::black);
}

QCPScatterStyle
kindScatter(PointKind kind, bool dimmed)
{
  QColor color = kindColor(kind);
  if (dimmed)
    color.setAlpha(kDimmedAlpha);
  switch (kind) {
    case PointKind::Prior:
      return QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 2.0), Qt::NoBrush, 10);
    case PointKind::Merged:
      return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 1.0), QBrush(color), 8);
    case PointKind::Remerged:
      return QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(color, 1.0), QBrush(color), 10);
    case PointKind::Sweep:
      return QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(color, 1.0), QBrush(color), 5);
  }
  return QCPScatterStyle(QCPScatterStyle::ssDisc, 6);
}

QString
kindName(PointKind kind)
{
  switch (kind) {
    case PointKind::Prior:
      return ParetoPlot::tr("Prior");
    case PointKind::Merged:
      return ParetoPlot::tr("Merge rounds");
    case PointKind::Remerged:
      return ParetoPlot::tr("Re-merges");
    case PointKind::Sweep:
      return ParetoPlot::tr("RS sweep");
  }
  return QString();
}

constexpr std::array<PointKind, 4> kKinds = { PointKind::Prior,
                                              PointKind::Merged,
                                              PointKind::Remerged,
                                              PointKind::Sweep };

} // namespace

ParetoPlot::ParetoPlot(QWidget* parent)
  : QCustomPlot(parent)
{
  static_assert(kKinds.size() == std::size_t(kKindCount));
  setAutoAddPlottableToLegend(false);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setMouseTracking(true);
  setMinimumSize(260, 200);
  xAxis->setRange(0, 1);
  yAxis->setRange(0, 1);

  // The legend goes in a row under the axes: inside them it would hide either the prior
  // (bottom left) or the front (top right).
  auto* legendRow = new QCPLayoutGrid;
  plotLayout()->addElement(1, 0, legendRow);
  plotLayout()->setRowStretchFactor(1, 0.001);
  legendRow->setMargins(QMargins(5, 0, 5, 5));
  legendRow->addElement(0, 0, legend);
  legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  legend->setWrap(2); // more entries per row are cut short in a narrow plot (and in German)
  legend->setBorderPen(Qt::NoPen);
  legend->setVisible(true);

  for (PointKind kind : kKinds) {
    QCPGraph* dimmed = addGraph();
    dimmed->setLineStyle(QCPGraph::lsNone);
    dimmed->setScatterStyle(kindScatter(kind, true));
    dimmed->setName(kindName(kind));
    m_dominatedGraphs[kindIndex(kind)] = dimmed;
  }
  m_frontLine = addGraph();
  m_frontLine->setName(tr("Pareto front"));
  m_frontLine->setLineStyle(QCPGraph::lsLine);
  m_frontLine->setPen(QPen(QColor(60, 60, 60, 200), 1.5));
  for (PointKind kind : kKinds) {
    QCPGraph* bright = addGraph();
    bright->setLineStyle(QCPGraph::lsNone);
    bright->setScatterStyle(kindScatter(kind, false));
    bright->setName(kindName(kind));
    m_frontGraphs[kindIndex(kind)] = bright;
  }
  // The selection ring is on a layer of its own, which exports leave out.
  addLayer(QStringLiteral("decorations"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
  m_selectionRing = addGraph();
  m_selectionRing->setLayer(QStringLiteral("decorations"));
  m_selectionRing->setName(tr("Selected"));
  m_selectionRing->setLineStyle(QCPGraph::lsNone);
  m_selectionRing->setScatterStyle(
    QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(214, 39, 40), 2.0), Qt::NoBrush, 18));

  updateAxisLabels();
  redraw(false);
}

void
ParetoPlot::setObjectiveNames(const QStringList& names)
{
  if (names == m_names)
    return;
  m_names = names;
  const bool axesMoved = fitAxesToObjectives();
  updateAxisLabels();
  redraw(axesMoved);
  if (axesMoved)
    Q_EMIT axesChanged(m_xObjective, m_yObjective);
  Q_EMIT objectiveNamesChanged();
}

QString
ParetoPlot::objectiveName(int index) const
{
  if (index >= 0 && index < m_names.size() && !m_names[index].isEmpty())
    return m_names[index];
  return tr("Objective %1").arg(index + 1);
}

int
ParetoPlot::objectiveCount() const
{
  if (!m_points.isEmpty())
    return int(m_points.first().objectives.size());
  return int(m_names.size());
}

void
ParetoPlot::setAxes(int xObjective, int yObjective)
{
  const int count = objectiveCount();
  if (xObjective < 0 || yObjective < 0 ||
      (count > 0 && (xObjective >= count || yObjective >= count)))
    return;
  if (xObjective == m_xObjective && yObjective == m_yObjective)
    return;
  m_xObjective = xObjective;
  m_yObjective = yObjective;
  updateAxisLabels();
  setHovered(-1);
  redraw(true);
  Q_EMIT axesChanged(m_xObjective, m_yObjective);
}

int
ParetoPlot::addPoint(const FrontPoint& point)
{
  if (point.objectives.isEmpty())
    return -1;
  if (!m_points.isEmpty() && point.objectives.size() != m_points.first().objectives.size())
    return -1;
  m_points.append(point);
  pointsModified();
  return int(m_points.size()) - 1;
}

void
ParetoPlot::clearPoints()
{
  if (m_points.isEmpty())
    return;
  m_points.clear();
  pointsModified();
}

void
ParetoPlot::removeKind(PointKind kind)
{
  QVector<FrontPoint> kept;
  kept.reserve(m_points.size());
  int newSelected = -1;
  for (int i = 0; i < m_points.size(); ++i) {
    if (m_points[i].kind == kind)
      continue;
    if (i == m_selected)
      newSelected = int(kept.size());
    kept.append(m_points[i]);
  }
  if (kept.size() == m_points.size())
    return;
  m_points = std::move(kept);
  const bool selectionMoved = newSelected != m_selected;
  m_selected = newSelected;
  pointsModified();
  if (selectionMoved)
    Q_EMIT selectionChanged(m_selected);
}

void
ParetoPlot::setSelected(int index)
{
  if (index < 0 || index >= m_points.size())
    index = -1;
  if (index == m_selected)
    return;
  m_selected = index;
  updateSelectionMarker();
  replot(QCustomPlot::rpQueuedReplot);
  Q_EMIT selectionChanged(m_selected);
}

int
ParetoPlot::pointAt(const QPointF& pixel) const
{
  int nearest = -1;
  double best = kPickRadius * kPickRadius;
  for (int i = 0; i < m_points.size(); ++i) {
    if (!isDrawn(i))
      continue;
    const double dx = xAxis->coordToPixel(m_points[i].objectives[m_xObjective]) - pixel.x();
    const double dy = yAxis->coordToPixel(m_points[i].objectives[m_yObjective]) - pixel.y();
    const double distance = dx * dx + dy * dy;
    // "<=": among coincident points the later one wins, usually the newest re-merge.
    if (distance <= best) {
      best = distance;
      nearest = i;
    }
  }
  return nearest;
}

QString
ParetoPlot::toolTipText(int index) const
{
  if (index < 0 || index >= m_points.size())
    return QString();
  const FrontPoint& p = m_points[index];
  QString text = QStringLiteral("<b>%1</b>").arg(kindName(p.kind).toHtmlEscaped());
  if (!p.label.isEmpty())
    text += QStringLiteral(" · ") + p.label.toHtmlEscaped();
  text += QStringLiteral("<br><i>%1</i>")
            .arg(m_nonDominated.value(index) ? tr("on the Pareto front") : tr("dominated"));
  text += QStringLiteral("<table>");
  for (int k = 0; k < p.objectives.size(); ++k)
    text += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td></tr>")
              .arg(tr("%1 reward").arg(objectiveName(k)).toHtmlEscaped(),
                   QString::number(p.objectives[k], 'f', 3));
  text += QStringLiteral("</table>");
  if (!p.lambda.isEmpty()) {
    QStringList lambda;
    for (double w : p.lambda)
      lambda.append(QString::number(w, 'f', 3));
    text += QStringLiteral("λ = (%1)").arg(lambda.join(QStringLiteral(", ")));
  }
  const int shown = std::min(int(p.samples.size()), kTooltipSamples);
  for (int s = 0; s < shown; ++s) {
    QString sample = p.samples[s];
    if (sample.size() > kTooltipSampleChars)
      sample = sample.left(kTooltipSampleChars - 1) + QStringLiteral("…");
    text += QStringLiteral("<br><tt>%1</tt>").arg(sample.toHtmlEscaped());
  }
  return QStringLiteral("<qt>%1</qt>").arg(text);
}

void
ParetoPlot::mousePressEvent(QMouseEvent* event)
{
  QCustomPlot::mousePressEvent(event);
  if (event->button() == Qt::LeftButton) {
    m_pressPos = event->position().toPoint();
    m_pressed = true;
  }
}

void
ParetoPlot::mouseMoveEvent(QMouseEvent* event)
{
  QCustomPlot::mouseMoveEvent(event);
  // While a button is down the user drags the range; hovering would only flicker.
  if (event->buttons() != Qt::NoButton)
    return;
  const int index = pointAt(event->position());
  if (index >= 0)
    QToolTip::showText(event->globalPosition().toPoint(), toolTipText(index), this);
  else if (m_hovered >= 0)
    QToolTip::hideText();
  setHovered(index);
}

void
ParetoPlot::mouseReleaseEvent(QMouseEvent* event)
{
  QCustomPlot::mouseReleaseEvent(event);
  if (event->button() != Qt::LeftButton || !m_pressed)
    return;
  m_pressed = false;
  const QPoint pos = event->position().toPoint();
  if ((pos - m_pressPos).manhattanLength() > kClickSlop)
    return;
  const int index = pointAt(event->position());
  if (index < 0)
    return;
  setSelected(index);
  Q_EMIT pointClicked(index);
}

void
ParetoPlot::leaveEvent(QEvent* event)
{
  QCustomPlot::leaveEvent(event);
  if (m_hovered >= 0)
    QToolTip::hideText();
  setHovered(-1);
}

void
ParetoPlot::pointsModified()
{
  if (m_selected >= m_points.size())
    m_selected = -1;
  // Indices may have shifted under the mouse; the next move finds the point again.
  setHovered(-1);
  // A new task may bring fewer objectives than the axes showed.
  const bool axesMoved = fitAxesToObjectives();
  updateAxisLabels();
  updateFront();
  redraw(true);
  if (axesMoved)
    Q_EMIT axesChanged(m_xObjective, m_yObjective);
  Q_EMIT pointsChanged();
}

bool
ParetoPlot::fitAxesToObjectives()
{
  const int count = objectiveCount();
  if (count == 0 || (m_xObjective < count && m_yObjective < count))
    return false;
  m_xObjective = 0;
  m_yObjective = std::min(1, count - 1);
  return true;
}

void
ParetoPlot::updateFront()
{
  m_nonDominated = QVector<bool>(m_points.size(), false);
  m_hypervolume = 0.0;
  if (m_points.isEmpty())
    return;
  std::vector<engine::ObjectivePoint> all;
  all.reserve(std::size_t(m_points.size()));
  for (const FrontPoint& p : std::as_const(m_points))
    all.emplace_back(p.objectives.begin(), p.objectives.end());
  std::vector<engine::ObjectivePoint> front;
  for (std::size_t i : engine::nonDominatedIndices(all)) {
    m_nonDominated[qsizetype(i)] = true;
    front.push_back(all[i]);
  }
  // Transformed rewards live in [0, 1], so the origin is below every sensible policy.
  m_hypervolume = engine::hypervolume(front, engine::ObjectivePoint(all.front().size(), 0.0));
}

void
ParetoPlot::updateAxisLabels()
{
  // The front shows transformed rewards, not raw values: say so.
  xAxis->setLabel(tr("%1 (reward)").arg(objectiveName(m_xObjective)));
  yAxis->setLabel(tr("%1 (reward)").arg(objectiveName(m_yObjective)));
}

bool
ParetoPlot::isDrawn(int index) const
{
  const auto size = m_points[index].objectives.size();
  return m_xObjective < size && m_yObjective < size;
}

void
ParetoPlot::redraw(bool rescale)
{
  std::array<QVector<double>, kKindCount> dimX, dimY, frontX, frontY;
  QVector<double> lineX, lineY;
  double xMin = 0.0, xMax = 1.0, yMin = 0.0, yMax = 1.0;
  for (int i = 0; i < m_points.size(); ++i) {
    if (!isDrawn(i))
      continue;
    const double x = m_points[i].objectives[m_xObjective];
    const double y = m_points[i].objectives[m_yObjective];
    const std::size_t k = kindIndex(m_points[i].kind);
    if (m_nonDominated.value(i)) {
      frontX[k].append(x);
      frontY[k].append(y);
      lineX.append(x);
      lineY.append(y);
    } else {
      dimX[k].append(x);
      dimY[k].append(y);
    }
    xMin = std::min(xMin, x);
    xMax = std::max(xMax, x);
    yMin = std::min(yMin, y);
    yMax = std::max(yMax, y);
  }

  // The legend lists the front line and the kinds on the plot, in a fixed order.
  legend->clearItems();
  // QCPGraph sorts by key, which joins the front from left to right.
  m_frontLine->setData(lineX, lineY);
  // Always listed: an empty legend would report a tiny maximum width to the layout grid and
  // squeeze the axes into a narrow column.
  m_frontLine->addToLegend();
  for (PointKind kind : kKinds) {
    const std::size_t k = kindIndex(kind);
    m_dominatedGraphs[k]->setData(dimX[k], dimY[k]);
    m_frontGraphs[k]->setData(frontX[k], frontY[k]);
    if (!dimX[k].isEmpty() || !frontX[k].isEmpty())
      m_frontGraphs[k]->addToLegend();
  }
  updateSelectionMarker();

  if (rescale) {
    const double xPad = 0.04 * (xMax - xMin);
    const double yPad = 0.04 * (yMax - yMin);
    xAxis->setRange(xMin - xPad, xMax + xPad);
    yAxis->setRange(yMin - yPad, yMax + yPad);
  }
  replot(QCustomPlot::rpQueuedReplot);
}

void
ParetoPlot::updateSelectionMarker()
{
  if (m_selected >= 0 && isDrawn(m_selected)) {
    const FrontPoint& p = m_points[m_selected];
    m_selectionRing->setData(QVector<double>{ p.objectives[m_xObjective] },
                             QVector<double>{ p.objectives[m_yObjective] });
  } else {
    m_selectionRing->data()->clear();
  }
}

void
ParetoPlot::setHovered(int index)
{
  if (index == m_hovered)
    return;
  m_hovered = index;
  Q_EMIT pointHovered(index);
}

} // namespace paretolab::widgets
