// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metatypes.h"
#include "paretoplot.h"

#include <QObject>
#include <QString>
#include <QVector>

#include <vector>

namespace paretolab::app {

/// The evaluated policies behind the points of the Pareto plot: every point
/// stays (the prior, each merge round, each slider re-merge and sweep point),
/// with its λ, the round whose experts it merged and its evaluation, so that
/// a click can show its samples and an export can list them all. GUI thread only.
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
          const QString& label = {},
          qint64 round = -1);
  /// The evaluation behind point `index`, or null.
  const engine::PolicyEvaluation* evaluation(int index) const;
  /// The merge round whose experts point `index` merged; -1 when not known.
  qint64 round(int index) const;
  /// The newest point of kind Merged (or the prior), or -1.
  int latestMerge() const;
  widgets::ParetoPlot* plot() const { return m_plot; }

  /// CSV of every point in the order shown: kind, round, label, λ per
  /// objective, the raw and transformed means, whether it is non-dominated
  /// and its exclusive hypervolume contribution (reference 0), then `run`.
  std::string csv(const QStringList& objectiveNames, qint64 run) const;

Q_SIGNALS:
  /// The user clicked point `index`, which has an evaluation.
  void pointChosen(int index, const paretolab::engine::PolicyEvaluation& evaluation);

private:
  struct Entry
  {
    engine::PolicyEvaluation evaluation;
    qint64 round = -1;
  };

  widgets::ParetoPlot* m_plot;
  std::vector<Entry> m_entries; ///< indexed by FrontPoint::evaluation
};

} // namespace paretolab::app
