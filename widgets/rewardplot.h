// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qcustomplotinclude.h"

namespace paretolab::widgets {

/// Per-objective mean reward against training step, for each expert and for
/// the merged policy. Call from the GUI thread only.
class RewardPlot : public QCustomPlot
{
  Q_OBJECT

public:
  explicit RewardPlot(QWidget* parent = nullptr);
};

} // namespace paretolab::widgets
