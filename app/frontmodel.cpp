// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontmodel.h"

namespace paretolab::app {

FrontModel::FrontModel(widgets::ParetoPlot* plot, QObject* parent)
  : QObject(parent)
  , m_plot(plot)
{
  connect(m_plot, &widgets::ParetoPlot::pointClicked, this, [this](int index) {
    if (const auto* shown = evaluation(index))
      Q_EMIT pointChosen(index, *shown);
  });
}

void
FrontModel::reset(const QStringList& names)
{
  m_plot->setObjectiveNames(names);
  m_plot->clearPoints();
  m_evaluations.clear();
}

int
FrontModel::add(const engine::PolicyEvaluation& evaluation,
                const QVector<double>& lambda,
                widgets::PointKind kind,
                const QString& label)
{
  widgets::FrontPoint point;
  point.objectives =
    QVector<double>(evaluation.transformedMeans.begin(), evaluation.transformedMeans.end());
  point.lambda = lambda;
  for (size_t i = 0; i < evaluation.samples.size() && i < 3; ++i)
    point.samples << QString::fromStdString(evaluation.samples[i]);
  point.kind = kind;
  point.label = label;
  point.evaluation = int(m_evaluations.size());
  m_evaluations.push_back(evaluation);
  return m_plot->addPoint(point);
}

const engine::PolicyEvaluation*
FrontModel::evaluation(int index) const
{
  if (index < 0 || index >= m_plot->pointCount())
    return nullptr;
  const int stored = m_plot->point(index).evaluation;
  return stored >= 0 && stored < int(m_evaluations.size()) ? &m_evaluations[size_t(stored)]
                                                           : nullptr;
}

} // namespace paretolab::app
