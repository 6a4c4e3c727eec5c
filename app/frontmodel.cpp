// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontmodel.h"

#include "core/sampleformat.h"
#include "metrics/pareto.h"

#include <cmath>
#include <sstream>

namespace paretolab::app {

namespace {

const char*
kindName(widgets::PointKind kind)
{
  switch (kind) {
    case widgets::PointKind::Prior:
      return "prior";
    case widgets::PointKind::Merged:
      return "merged";
    case widgets::PointKind::Remerged:
      return "remerged";
    case widgets::PointKind::Sweep:
      return "sweep";
  }
  return "";
}

void
writeNumber(std::ostringstream& out, double value)
{
  out << ',';
  if (!std::isnan(value))
    out << value;
}

} // namespace

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
  m_entries.clear();
}

int
FrontModel::add(const engine::PolicyEvaluation& evaluation,
                const QVector<double>& lambda,
                widgets::PointKind kind,
                const QString& label,
                qint64 round)
{
  widgets::FrontPoint point;
  point.objectives =
    QVector<double>(evaluation.transformedMeans.begin(), evaluation.transformedMeans.end());
  point.lambda = lambda;
  for (size_t i = 0; i < evaluation.samples.size() && i < 3; ++i)
    point.samples << QString::fromStdString(evaluation.samples[i]);
  point.kind = kind;
  point.label = label;
  if (!evaluation.samples.empty() || evaluation.icv != 0.0)
    point.icv = evaluation.icv;
  point.evaluation = int(m_entries.size());
  m_entries.push_back({ evaluation, round });
  return m_plot->addPoint(point);
}

const engine::PolicyEvaluation*
FrontModel::evaluation(int index) const
{
  if (index < 0 || index >= m_plot->pointCount())
    return nullptr;
  const int stored = m_plot->point(index).evaluation;
  return stored >= 0 && stored < int(m_entries.size()) ? &m_entries[size_t(stored)].evaluation
                                                       : nullptr;
}

qint64
FrontModel::round(int index) const
{
  if (index < 0 || index >= m_plot->pointCount())
    return -1;
  const int stored = m_plot->point(index).evaluation;
  return stored >= 0 && stored < int(m_entries.size()) ? m_entries[size_t(stored)].round : -1;
}

int
FrontModel::latestMerge() const
{
  for (int index = m_plot->pointCount() - 1; index >= 0; --index) {
    const auto kind = m_plot->point(index).kind;
    if (kind == widgets::PointKind::Merged || kind == widgets::PointKind::Prior)
      return index;
  }
  return -1;
}

std::string
FrontModel::csv(const QStringList& objectiveNames, qint64 run) const
{
  std::vector<engine::ObjectivePoint> points;
  for (int index = 0; index < m_plot->pointCount(); ++index) {
    const auto& objectives = m_plot->point(index).objectives;
    points.emplace_back(objectives.begin(), objectives.end());
  }
  const auto contributions = engine::hypervolumeContributions(
    points, engine::ObjectivePoint(size_t(objectiveNames.size()), 0.0));
  const auto nonDominated = m_plot->nonDominated();

  std::ostringstream out;
  out.precision(10);
  out << "kind,round,label";
  for (const auto& name : objectiveNames)
    out << ',' << engine::csvField("lambda_" + name.toStdString());
  for (const auto& name : objectiveNames)
    out << ',' << engine::csvField(name.toStdString());
  for (const auto& name : objectiveNames)
    out << ',' << engine::csvField(name.toStdString() + "_reward");
  out << ",non_dominated,hypervolume_contribution,run\n";
  for (int index = 0; index < m_plot->pointCount(); ++index) {
    const auto& point = m_plot->point(index);
    const auto* shown = evaluation(index);
    out << kindName(point.kind) << ',';
    if (round(index) >= 0)
      out << round(index);
    out << ',' << engine::csvField(point.label.toStdString());
    for (int j = 0; j < objectiveNames.size(); ++j)
      writeNumber(out, j < point.lambda.size() ? point.lambda[j] : std::nan(""));
    for (int j = 0; j < objectiveNames.size(); ++j)
      writeNumber(out,
                  shown && size_t(j) < shown->rawMeans.size() ? shown->rawMeans[size_t(j)]
                                                              : std::nan(""));
    for (int j = 0; j < objectiveNames.size(); ++j)
      writeNumber(out, j < point.objectives.size() ? point.objectives[j] : std::nan(""));
    out << ',' << (nonDominated.value(index) ? 1 : 0);
    writeNumber(out, contributions[size_t(index)]);
    out << ',';
    if (run > 0)
      out << run;
    out << '\n';
  }
  return out.str();
}

} // namespace paretolab::app
