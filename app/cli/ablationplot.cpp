// SPDX-License-Identifier: GPL-3.0-or-later
#include "ablationplot.h"

#include "offscreengui.h"

#include "plotexport.h"
#include "rewardplot.h"

#include <algorithm>
#include <map>
#include <memory>

namespace paretolab::cli {

namespace {

/// The x position of a method and m: MORLHF first, then the periods, RS, CLP last.
struct Categories
{
  std::vector<int64_t> periods; // IterativeRS's, ascending; 0 (T) last
  bool morlhf = false;
  bool rs = false;
  bool clp = false;
  bool ric = false;

  double position(const ExperimentCell& cell) const
  {
    if (cell.method == "morlhf")
      return 0.0;
    const double first = morlhf ? 1.0 : 0.0;
    if (cell.method == "rs")
      return first + double(periods.size());
    if (cell.method == "clp")
      return first + double(periods.size()) + (rs ? 1.0 : 0.0);
    if (cell.method == "ric")
      return first + double(periods.size()) + (rs ? 1.0 : 0.0) + (clp ? 1.0 : 0.0);
    const auto found = std::find(periods.begin(), periods.end(), cell.period);
    return first + double(found - periods.begin());
  }
};

Categories
categoriesOf(const std::vector<GroupedResult>& groups)
{
  Categories categories;
  for (const auto& group : groups) {
    const auto& cell = group.cell;
    categories.morlhf = categories.morlhf || cell.method == "morlhf";
    categories.rs = categories.rs || cell.method == "rs";
    categories.clp = categories.clp || cell.method == "clp";
    categories.ric = categories.ric || cell.method == "ric";
    if (cell.method == "iterativers" &&
        std::find(categories.periods.begin(), categories.periods.end(), cell.period) ==
          categories.periods.end())
      categories.periods.push_back(cell.period);
  }
  // Ascending, with T (0) after every number.
  std::sort(categories.periods.begin(), categories.periods.end(), [](int64_t a, int64_t b) {
    return (a == 0 ? INT64_MAX : a) < (b == 0 ? INT64_MAX : b);
  });
  return categories;
}

/// One panel: `value` of every group against the categories.
void
drawPanel(QCustomPlot& plot,
          QCPAxisRect* rect,
          const std::vector<GroupedResult>& groups,
          const Categories& categories,
          const QString& label,
          Estimate GroupedResult::*value)
{
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  if (categories.morlhf)
    ticker->addTick(0, QStringLiteral("MORLHF"));
  const double first = categories.morlhf ? 1.0 : 0.0;
  for (size_t i = 0; i < categories.periods.size(); ++i)
    ticker->addTick(first + double(i),
                    categories.periods[i] == 0
                      ? QStringLiteral("m = T")
                      : QStringLiteral("m = %1").arg(categories.periods[i]));
  double last = first + double(categories.periods.size()) - 1.0;
  if (categories.rs)
    ticker->addTick(++last, QStringLiteral("RS (m = T)"));
  if (categories.clp)
    ticker->addTick(++last, QStringLiteral("CLP"));
  if (categories.ric)
    ticker->addTick(++last, QStringLiteral("RiC"));
  auto* x = rect->axis(QCPAxis::atBottom);
  auto* y = rect->axis(QCPAxis::atLeft);
  x->setTicker(ticker);
  x->setRange(-0.5, last + 0.5);
  y->setLabel(label);

  // One series per (method, optimizer): IterativeRS's periods joined by a line.
  std::map<std::string, std::vector<const GroupedResult*>> series;
  for (const auto& group : groups)
    series[group.cell.methodTitle() +
           (group.cell.optimizer.empty() ? "" : ", " + group.cell.optimizer)]
      .push_back(&group);
  int colour = 0;
  double low = 1e300, high = -1e300;
  for (const auto& [name, members] : series) {
    auto* graph = plot.addGraph(x, y);
    graph->setName(QString::fromStdString(name));
    const QColor tone = widgets::RewardPlot::objectiveColor(colour++);
    graph->setPen(QPen(tone, 2.0));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, tone, tone, 7));
    if (members.front()->cell.method != "iterativers")
      graph->setLineStyle(QCPGraph::lsNone);
    auto* bars = new QCPErrorBars(x, y);
    bars->removeFromLegend();
    bars->setPen(QPen(tone, 1.2));
    QVector<double> keys, values;
    QVector<double> errors;
    for (const auto* member : members) {
      const auto& estimate = member->*value;
      keys << categories.position(member->cell);
      values << estimate.mean;
      errors << estimate.halfWidth;
      low = std::min(low, estimate.mean - estimate.halfWidth);
      high = std::max(high, estimate.mean + estimate.halfWidth);
    }
    graph->setData(keys, values);
    bars->setDataPlottable(graph);
    bars->setData(errors);
  }
  if (low <= high) {
    const double margin = std::max((high - low) * 0.1, 1e-3);
    y->setRange(low - margin, high + margin);
  }
}

} // namespace

std::string
writeAblationPlot(const std::vector<GroupedResult>& groups,
                  const std::string& title,
                  const std::string& stem)
{
  const OffscreenGui gui;
  const auto categories = categoriesOf(groups);
  QCustomPlot plot;
  plot.plotLayout()->clear();
  auto* heading = new QCPTextElement(&plot, QString::fromStdString(title));
  plot.plotLayout()->addElement(0, 0, heading);
  auto* rewardRect = new QCPAxisRect(&plot);
  auto* icvRect = new QCPAxisRect(&plot);
  auto* panels = new QCPLayoutGrid;
  plot.plotLayout()->addElement(1, 0, panels);
  panels->addElement(0, 0, rewardRect);
  panels->addElement(0, 1, icvRect);
  auto* legend = new QCPLegend;
  plot.plotLayout()->addElement(2, 0, legend);
  plot.plotLayout()->setRowStretchFactor(2, 0.001);
  plot.plotLayout()->setRowStretchFactor(0, 0.001);
  legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
  legend->setWrap(4);
  plot.legend = legend;
  legend->setLayer(QStringLiteral("legend"));

  drawPanel(plot,
            rewardRect,
            groups,
            categories,
            QObject::tr("Average reward (95 % CI)"),
            &GroupedResult::averageReward);
  const int firstIcv = plot.graphCount();
  drawPanel(plot,
            icvRect,
            groups,
            categories,
            QObject::tr("ICV over samples (95 % CI)"),
            &GroupedResult::icv);
  for (int i = firstIcv; i < plot.graphCount(); ++i)
    plot.graph(i)->removeFromLegend(); // the same series as the left panel
  for (const auto& extension : { QStringLiteral(".png"), QStringLiteral(".svg") }) {
    const auto problem = widgets::exportPlot(&plot,
                                             QString::fromStdString(stem) + extension,
                                             900,
                                             420,
                                             extension == QStringLiteral(".png") ? 150 : 96);
    if (!problem.isEmpty())
      return problem.toStdString();
  }
  return {};
}

} // namespace paretolab::cli
