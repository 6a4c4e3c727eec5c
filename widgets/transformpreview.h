// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rewardtransform.h"
#include "qcustomplotinclude.h"

namespace paretolab::widgets {

/// A small plot of one objective's transform: the reward in [0, 1] against
/// the raw value, over a range that shows where it changes. GUI thread only.
class TransformPreview : public QCustomPlot
{
  Q_OBJECT

public:
  explicit TransformPreview(QWidget* parent = nullptr);

  /// Draws `transform` of objective `name`.
  void setTransform(const engine::RewardTransform& transform, const QString& name);
  /// The raw-value range drawn, chosen from the transform's parameters.
  static QPair<double, double> rawRange(const engine::RewardTransform& transform);
  /// The number of points drawn.
  int pointCount() const;
};

} // namespace paretolab::widgets
