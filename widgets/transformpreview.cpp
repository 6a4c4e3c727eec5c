// SPDX-License-Identifier: GPL-3.0-or-later
#include "transformpreview.h"

#include <algorithm>
#include <cmath>

namespace paretolab::widgets {

namespace {

constexpr int kPoints = 200;

} // namespace

TransformPreview::TransformPreview(QWidget* parent)
  : QCustomPlot(parent)
{
  setMinimumHeight(110);
  addGraph();
  graph(0)->setPen(QPen(QColor(31, 119, 180), 2));
  yAxis->setRange(-0.05, 1.05);
  yAxis->setLabel(tr("reward"));
  QFont small = font();
  small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
  for (auto* axis : { xAxis, yAxis }) {
    axis->setTickLabelFont(small);
    axis->setLabelFont(small);
  }
  axisRect()->setMinimumMargins(QMargins(2, 2, 2, 2));
}

QPair<double, double>
TransformPreview::rawRange(const engine::RewardTransform& t)
{
  using Kind = engine::RewardTransform::Kind;
  const auto around = [](double a, double b) {
    const double span = std::max(std::abs(b - a), 1e-6);
    return QPair<double, double>{ std::min(a, b) - 0.5 * span, std::max(a, b) + 0.5 * span };
  };
  switch (t.kind) {
    case Kind::Identity:
      return { 0.0, 1.0 };
    case Kind::Maximize:
    case Kind::Minimize:
      return around(t.low, t.high);
    case Kind::Target:
      return around(t.target - 3 * t.tolerance, t.target + 3 * t.tolerance);
    case Kind::Sigmoid:
      return around(t.center - 5 * std::abs(t.scale), t.center + 5 * std::abs(t.scale));
    case Kind::DoubleSigmoid:
      return around(t.low - 3 * std::abs(t.scale), t.high + 3 * std::abs(t.scale));
  }
  return { 0.0, 1.0 };
}

void
TransformPreview::setTransform(const engine::RewardTransform& transform, const QString& name)
{
  const auto [low, high] = rawRange(transform);
  QVector<double> x(kPoints), y(kPoints);
  for (int i = 0; i < kPoints; ++i) {
    x[i] = low + (high - low) * i / (kPoints - 1);
    y[i] = transform.apply(x[i]);
  }
  graph(0)->setData(x, y, true);
  xAxis->setRange(low, high);
  xAxis->setLabel(tr("raw %1").arg(name));
  replot(QCustomPlot::rpQueuedReplot);
}

int
TransformPreview::pointCount() const
{
  return graph(0)->dataCount();
}

} // namespace paretolab::widgets
