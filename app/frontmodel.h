// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metatypes.h"
#include "paretoplot.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <vector>

namespace paretolab::app {

/// The evaluated policies behind the points of the Pareto plot: it adds each
/// point to the plot and keeps its evaluation (samples and scores), so that a
/// click on a point can show them. GUI thread only.
class FrontModel : public QObject
{
  Q_OBJECT

public:
  explicit FrontModel(widgets::ParetoPlot* plot, QObject* parent = nullptr);

  /// Starts over for objectives `names`.
  void reset(const QStringList& names);
  /// Adds the policy as a point of `kind`; returns the point's index.
  int add(const engine::PolicyEvaluation& evaluation,
          const QVector<double>& lambda,
          widgets::PointKind kind,
          const QString& label = {});
  /// The evaluation behind point `index`, or null.
  const engine::PolicyEvaluation* evaluation(int index) const;
  widgets::ParetoPlot* plot() const { return m_plot; }

Q_SIGNALS:
  /// The user clicked point `index`, which has an evaluation.
  void pointChosen(int index, const paretolab::engine::PolicyEvaluation& evaluation);

private:
  widgets::ParetoPlot* m_plot;
  std::vector<engine::PolicyEvaluation> m_evaluations; ///< indexed by FrontPoint::evaluation
};

} // namespace paretolab::app
