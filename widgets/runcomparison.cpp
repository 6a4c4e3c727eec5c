// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcomparison.h"

#include "plotexport.h"
#include "rewardplot.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace paretolab::widgets {

namespace {

const QColor kDifference(255, 236, 179);

/// A plot whose legend sits below the axes, in one row.
QCustomPlot*
comparisonPlot(QWidget* parent)
{
  auto* plot = new QCustomPlot(parent);
  plot->axisRect()->insetLayout()->take(plot->legend);
  plot->plotLayout()->addElement(1, 0, plot->legend);
  plot->plotLayout()->setRowStretchFactor(1, 0.001);
  plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  plot->legend->setVisible(true);
  plot->setMinimumSize(360, 280);
  plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  addPlotExportMenu(plot);
  return plot;
}

} // namespace

RunComparison::RunComparison(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  m_table = new QTableWidget(splitter);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  m_table->setToolTip(tr("Settings and final metrics; highlighted rows differ between the runs"));
  splitter->addWidget(m_table);

  auto* plots = new QWidget(splitter);
  auto* plotsLayout = new QHBoxLayout(plots);
  auto* left = new QVBoxLayout;
  m_metric = new QComboBox(plots);
  m_metric->addItems(
    { tr("Average reward"), tr("ICV (over samples)"), tr("Hypervolume of the merged policies") });
  left->addWidget(m_metric);
  m_curves = comparisonPlot(plots);
  m_curves->xAxis->setLabel(tr("Step"));
  left->addWidget(m_curves, 1);
  plotsLayout->addLayout(left, 1);

  auto* right = new QVBoxLayout;
  auto* axes = new QHBoxLayout;
  m_x = new QComboBox(plots);
  m_y = new QComboBox(plots);
  axes->addWidget(new QLabel(tr("x:"), plots));
  axes->addWidget(m_x, 1);
  axes->addWidget(new QLabel(tr("y:"), plots));
  axes->addWidget(m_y, 1);
  right->addLayout(axes);
  m_fronts = comparisonPlot(plots);
  right->addWidget(m_fronts, 1);
  plotsLayout->addLayout(right, 1);
  splitter->addWidget(plots);
  layout->addWidget(splitter);

  connect(m_metric, &QComboBox::currentIndexChanged, this, [this] { drawCurves(); });
  connect(m_x, &QComboBox::currentIndexChanged, this, [this] { drawFronts(); });
  connect(m_y, &QComboBox::currentIndexChanged, this, [this] { drawFronts(); });
}

void
RunComparison::setRuns(const QStringList& objectiveNames, const QVector<ComparedRun>& runs)
{
  m_objectiveNames = objectiveNames;
  m_runs = runs;
  {
    const QSignalBlocker x(m_x), y(m_y);
    m_x->clear();
    m_y->clear();
    m_x->addItems(objectiveNames);
    m_y->addItems(objectiveNames);
    m_x->setCurrentIndex(0);
    m_y->setCurrentIndex(objectiveNames.size() > 1 ? 1 : 0);
  }
  fillTable();
  drawCurves();
  drawFronts();
}

void
RunComparison::showMetric(int metric)
{
  m_metric->setCurrentIndex(metric);
}

void
RunComparison::showAxes(int xObjective, int yObjective)
{
  m_x->setCurrentIndex(xObjective);
  m_y->setCurrentIndex(yObjective);
}

bool
RunComparison::rowDiffers(int row) const
{
  return m_table->verticalHeaderItem(row) &&
         m_table->verticalHeaderItem(row)->data(Qt::UserRole).toBool();
}

void
RunComparison::fillTable()
{
  // Rows are the union of the runs' facts, in the first run's order.
  QStringList names;
  for (const auto& run : m_runs)
    for (const auto& [name, value] : run.facts)
      if (!names.contains(name))
        names << name;
  m_table->clear();
  m_table->setRowCount(int(names.size()));
  m_table->setColumnCount(int(m_runs.size()));
  QStringList headers;
  for (const auto& run : m_runs)
    headers << run.name;
  m_table->setHorizontalHeaderLabels(headers);
  for (int row = 0; row < names.size(); ++row) {
    QStringList values;
    for (int column = 0; column < m_runs.size(); ++column) {
      QString value;
      for (const auto& [name, text] : m_runs[column].facts)
        if (name == names[row])
          value = text;
      values << value;
      m_table->setItem(row, column, new QTableWidgetItem(value));
    }
    const auto count = values.size();
    const bool differs = count > 1 && values.removeDuplicates() < count - 1;
    auto* header = new QTableWidgetItem(names[row]);
    header->setData(Qt::UserRole, differs);
    m_table->setVerticalHeaderItem(row, header);
    if (!differs)
      continue;
    QFont bold = m_table->font();
    bold.setBold(true);
    header->setFont(bold);
    for (int column = 0; column < m_runs.size(); ++column) {
      m_table->item(row, column)->setBackground(kDifference);
      m_table->item(row, column)->setFont(bold);
    }
  }
}

void
RunComparison::drawCurves()
{
  m_curves->clearGraphs();
  const int metric = m_metric->currentIndex();
  m_curves->yAxis->setLabel(m_metric->currentText());
  for (int r = 0; r < m_runs.size(); ++r) {
    const auto& run = m_runs[r];
    auto* curve = m_curves->addGraph();
    curve->setName(run.name);
    curve->setPen(QPen(RewardPlot::objectiveColor(r), 2));
    curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    curve->setData(run.steps,
                   metric == 0   ? run.averages
                   : metric == 1 ? run.icv
                                 : run.hypervolumes);
  }
  m_curves->rescaleAxes();
  m_curves->replot(QCustomPlot::rpQueuedReplot);
}

void
RunComparison::drawFronts()
{
  m_fronts->clearGraphs();
  const int x = std::max(0, m_x->currentIndex());
  const int y = std::max(0, m_y->currentIndex());
  m_fronts->xAxis->setLabel(tr("%1 (reward)").arg(m_objectiveNames.value(x)));
  m_fronts->yAxis->setLabel(tr("%1 (reward)").arg(m_objectiveNames.value(y)));
  for (int r = 0; r < m_runs.size(); ++r) {
    const auto& run = m_runs[r];
    const QColor colour = RewardPlot::objectiveColor(r);
    auto* front = m_fronts->addGraph();
    front->setName(run.name);
    front->setLineStyle(QCPGraph::lsNone);
    front->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, colour, 7));
    QVector<double> xs, ys;
    for (const auto& point : run.points) {
      xs << point.value(x);
      ys << point.value(y);
    }
    front->setData(xs, ys, /*alreadySorted=*/false);
  }
  m_fronts->xAxis->setRange(0, 1);
  m_fronts->yAxis->setRange(0, 1);
  m_fronts->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace paretolab::widgets
