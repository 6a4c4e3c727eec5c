// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "qcustomplotinclude.h"

#include <QWidget>

class QComboBox;
class QTableWidget;

namespace paretolab::widgets {

/// One stored run, as the comparison shows it.
struct ComparedRun
{
  QString name;
  QVector<double> steps;           ///< merge steps
  QVector<double> averages;        ///< average reward of the merged policy at each
  QVector<double> icv;             ///< its ICV at each
  QVector<double> hypervolumes;    ///< of the merged policies so far, at each
  QVector<QVector<double>> points; ///< per merge, the mean transformed reward per objective
  /// Settings and final metrics, in the order shown: ("m", "4"), ("average reward", "0.81").
  QVector<QPair<QString, QString>> facts;
};

/// Puts runs side by side for a paper: a table of their settings and final
/// metrics with the differences highlighted, a chosen metric (average reward,
/// ICV, hypervolume) against step, and their merged policies on any two
/// objectives. Legends sit outside the data. GUI thread only.
class RunComparison : public QWidget
{
  Q_OBJECT

public:
  explicit RunComparison(QWidget* parent = nullptr);
  void setRuns(const QStringList& objectiveNames, const QVector<ComparedRun>& runs);

  QTableWidget* table() const { return m_table; }
  QCustomPlot* curves() const { return m_curves; }
  QCustomPlot* fronts() const { return m_fronts; }
  /// 0: average reward, 1: ICV, 2: hypervolume.
  void showMetric(int metric);
  void showAxes(int xObjective, int yObjective);
  /// Whether row `row` of the table differs between the runs.
  bool rowDiffers(int row) const;

private:
  void fillTable();
  void drawCurves();
  void drawFronts();

  QStringList m_objectiveNames;
  QVector<ComparedRun> m_runs;
  QTableWidget* m_table = nullptr;
  QComboBox* m_metric = nullptr;
  QComboBox* m_x = nullptr;
  QComboBox* m_y = nullptr;
  QCustomPlot* m_curves = nullptr;
  QCustomPlot* m_fronts = nullptr;
};

} // namespace paretolab::widgets
