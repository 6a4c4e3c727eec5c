// SPDX-License-Identifier: GPL-3.0-or-later
#include "paretoview.h"

#include "metrics/pareto.h"
#include "paretoplot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>
#include <vector>

namespace paretolab::widgets {

namespace {

QString
formatIcv(double icv)
{
  if (std::isinf(icv))
    return icv > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
  return QString::number(icv, 'f', 2);
}

} // namespace

ParetoView::ParetoView(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);

  m_axisBar = new QWidget(this);
  auto* axisLayout = new QHBoxLayout(m_axisBar);
  axisLayout->setContentsMargins(0, 0, 0, 0);
  m_xChoice = new QComboBox(m_axisBar);
  m_xChoice->setObjectName(QStringLiteral("xObjective"));
  m_xChoice->setToolTip(tr("Objective on the horizontal axis"));
  m_yChoice = new QComboBox(m_axisBar);
  m_yChoice->setObjectName(QStringLiteral("yObjective"));
  m_yChoice->setToolTip(tr("Objective on the vertical axis"));
  auto* xLabel = new QLabel(tr("&X:"), m_axisBar);
  xLabel->setBuddy(m_xChoice);
  auto* yLabel = new QLabel(tr("&Y:"), m_axisBar);
  yLabel->setBuddy(m_yChoice);
  axisLayout->addWidget(xLabel);
  axisLayout->addWidget(m_xChoice, 1);
  axisLayout->addWidget(yLabel);
  axisLayout->addWidget(m_yChoice, 1);
  layout->addWidget(m_axisBar);

  m_plot = new ParetoPlot(this);
  layout->addWidget(m_plot, 1);

  m_summary = new QLabel(this);
  m_summary->setObjectName(QStringLiteral("paretoSummary"));
  // Wraps, so a longer translation takes a second line instead of widening the window.
  m_summary->setWordWrap(true);
  m_summary->setToolTip(
    tr("Hypervolume: the volume the non-dominated policies dominate above the origin, over "
       "all objectives; higher is better.\nICV (samples), the paper's: mean over standard "
       "deviation of the selected policy's per-sample average rewards; higher means fewer poor "
       "samples.\nObjective balance: mean over standard deviation of its per-objective means; "
       "higher means the objectives are more evenly met."));
  layout->addWidget(m_summary);

  connect(m_xChoice, &QComboBox::currentIndexChanged, this, [this] { onAxisChosen(true); });
  connect(m_yChoice, &QComboBox::currentIndexChanged, this, [this] { onAxisChosen(false); });
  connect(m_plot, &ParetoPlot::objectiveNamesChanged, this, &ParetoView::rebuildAxisChoices);
  connect(m_plot, &ParetoPlot::axesChanged, this, &ParetoView::syncAxisChoices);
  connect(m_plot, &ParetoPlot::pointsChanged, this, [this] {
    // The first point fixes the objective count when no names were given.
    if (m_xChoice->count() != m_plot->objectiveCount())
      rebuildAxisChoices();
    updateSummary();
  });
  connect(m_plot, &ParetoPlot::selectionChanged, this, &ParetoView::updateSummary);

  rebuildAxisChoices();
  updateSummary();
}

QString
ParetoView::summaryText() const
{
  return m_summary->text();
}

void
ParetoView::rebuildAxisChoices()
{
  const int count = m_plot->objectiveCount();
  m_syncing = true;
  m_xChoice->clear();
  m_yChoice->clear();
  for (int i = 0; i < count; ++i) {
    m_xChoice->addItem(m_plot->objectiveName(i));
    m_yChoice->addItem(m_plot->objectiveName(i));
  }
  m_syncing = false;
  syncAxisChoices();
  // With two objectives there is nothing to choose.
  m_axisBar->setVisible(count >= 3);
}

void
ParetoView::syncAxisChoices()
{
  m_syncing = true;
  m_xChoice->setCurrentIndex(m_plot->xObjective() < m_xChoice->count() ? m_plot->xObjective() : -1);
  m_yChoice->setCurrentIndex(m_plot->yObjective() < m_yChoice->count() ? m_plot->yObjective() : -1);
  m_syncing = false;
}

void
ParetoView::onAxisChosen(bool xChanged)
{
  if (m_syncing)
    return;
  int x = m_xChoice->currentIndex();
  int y = m_yChoice->currentIndex();
  if (x < 0 || y < 0)
    return;
  // Choosing the objective already on the other axis swaps the two.
  if (x == y) {
    if (xChanged)
      y = m_plot->xObjective();
    else
      x = m_plot->yObjective();
  }
  m_plot->setAxes(x, y);
  // setAxes() refuses invalid choices; show what the plot really has.
  syncAxisChoices();
}

void
ParetoView::updateSummary()
{
  QString text = tr("Hypervolume %1").arg(QString::number(m_plot->hypervolume(), 'f', 3));
  const int selected = m_plot->selected();
  if (selected >= 0 && !m_plot->point(selected).objectives.isEmpty()) {
    // Two measures, each under its own name: the paper's ICV is over the
    // policy's samples; the balance is over its per-objective means.
    const auto& point = m_plot->point(selected);
    const double balance = engine::inverseCoefficientOfVariation(
      std::vector<double>(point.objectives.begin(), point.objectives.end()));
    text += QStringLiteral(" · ") +
            tr("ICV (samples) %1 · objective balance %2 (selected)")
              .arg(std::isnan(point.icv) ? QStringLiteral("–") : formatIcv(point.icv))
              .arg(formatIcv(balance));
  } else {
    text += QStringLiteral(" · ") + tr("ICV (samples) – (select a point)");
  }
  m_summary->setText(text);
}

} // namespace paretolab::widgets
