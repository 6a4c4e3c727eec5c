// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qcustomplotinclude.h"

#include <QWidget>

namespace paretolab::widgets {

/// One stored run, as the comparison draws it.
struct ComparedRun
{
  QString name;
  QVector<double> steps;           ///< merge steps
  QVector<double> averages;        ///< average reward of the merged policy at each
  QVector<QVector<double>> points; ///< per merge, the mean transformed reward per objective
};

/// Overlays two or more runs: the merged policy's average reward against step,
/// and each run's merged policies in the plane of the first two objectives.
class RunComparison : public QWidget
{
  Q_OBJECT

public:
  explicit RunComparison(QWidget* parent = nullptr);
  void setRuns(const QStringList& objectiveNames, const QVector<ComparedRun>& runs);
  QCustomPlot* curves() const { return m_curves; }
  QCustomPlot* fronts() const { return m_fronts; }

private:
  QCustomPlot* m_curves = nullptr;
  QCustomPlot* m_fronts = nullptr;
};

} // namespace paretolab::widgets
