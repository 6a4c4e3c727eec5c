// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportactions.h"

#include "core/atomicfile.h"
#include "frontmodel.h"
#include "plotexport.h"
#include "plotexportdialog.h"
#include "runpresenter.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>

#include <cmath>

namespace paretolab::app {

namespace {

const QString kFolderKey = QStringLiteral("exportFolder");

} // namespace

ExportActions::ExportActions(QWidget* window,
                             const RunPresenter* presenter,
                             const FrontModel* front)
  : QObject(window)
  , m_window(window)
  , m_presenter(presenter)
  , m_front(front)
{
}

void
ExportActions::addTo(QMenu* menu, QCustomPlot* paretoPlot, QCustomPlot* rewardPlot)
{
  menu->addAction(
    tr("&Export samples…"), QKeySequence(tr("Ctrl+E")), this, &ExportActions::exportSamples);
  menu->addAction(tr("Export front &points…"), this, &ExportActions::exportFrontPoints);
  menu->addAction(tr("Export &Pareto plot…"), this, [this, paretoPlot] {
    exportPlot(paretoPlot, QStringLiteral("pareto-front.png"));
  });
  menu->addAction(tr("Export &reward plot…"), this, [this, rewardPlot] {
    exportPlot(rewardPlot, QStringLiteral("rewards.png"));
  });
}

QString
ExportActions::askForFile(const QString& title, const QString& name, const QString& filter)
{
  QSettings settings;
  const QString folder = settings.value(kFolderKey).toString();
  const QString start = folder.isEmpty() ? name : folder + QLatin1Char('/') + name;
  const QString path = QFileDialog::getSaveFileName(m_window, title, start, filter);
  if (!path.isEmpty())
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
  return path;
}

engine::SampleTable
ExportActions::sampleTable(const engine::PolicyEvaluation& evaluation,
                           const engine::TaskConfig& task)
{
  engine::SampleTable table;
  for (const auto& objective : task.objectives)
    table.objectiveNames.push_back(objective.name);
  table.samples = evaluation.samples;
  table.raw = evaluation.rawScores;
  for (const auto& row : evaluation.rawScores) {
    std::vector<double> rewards;
    for (size_t j = 0; j < row.size() && j < task.objectives.size(); ++j)
      rewards.push_back(std::isnan(row[j]) ? task.training.invalidPenalty
                                           : task.objectives[j].transform.apply(row[j]));
    table.rewards.push_back(std::move(rewards));
  }
  if (evaluation.contexts.size() == evaluation.samples.size())
    table.contexts = evaluation.contexts;
  return table;
}

QString
ExportActions::writeSamples(const QString& path, const engine::SampleFormat& format) const
{
  const auto onScreen = m_presenter->samplesOnScreen();
  engine::PolicyEvaluation evaluation;
  for (int i = 0; i < onScreen.samples.size(); ++i) {
    evaluation.samples.push_back(onScreen.samples[i].toStdString());
    const auto& row = onScreen.rawScores[i];
    evaluation.rawScores.emplace_back(row.begin(), row.end());
  }
  evaluation.contexts = onScreen.contexts;
  const auto& task = m_presenter->task();
  auto table = sampleTable(evaluation, task);
  if (m_presenter->storedRun() > 0)
    table.constants.push_back({ "run_id", std::to_string(m_presenter->storedRun()) });
  const auto lambda = m_presenter->shownLambda();
  if (lambda.size() == qsizetype(task.objectives.size()))
    for (size_t j = 0; j < task.objectives.size(); ++j)
      table.constants.push_back(
        { "lambda_" + task.objectives[j].name, engine::shortestText(lambda[qsizetype(j)]) });
  const auto written = format.write(table);
  engine::writeFileAtomically(path.toStdString(), written.bytes);
  QString text = tr("Exported %1 of %2 samples to %3.")
                   .arg(written.written)
                   .arg(onScreen.samples.size())
                   .arg(path);
  if (!written.skipped.empty())
    text += QLatin1Char(' ') + tr("Skipped %1: %2 (sample %3 and others).")
                                 .arg(written.skipped.size())
                                 .arg(QString::fromStdString(written.skipped.front().reason))
                                 .arg(written.skipped.front().line);
  return text;
}

void
ExportActions::exportSamples()
{
  const auto domain = m_presenter->domain();
  if (!m_presenter->shownSamples() || !domain) {
    Q_EMIT message(tr("There are no samples to export yet."));
    return;
  }
  QStringList filters;
  for (const auto& format : domain->sampleFormats()) {
    if (!format->canWrite())
      continue;
    filters << QStringLiteral("%1 (*.%2)")
                 .arg(QString::fromStdString(format->title()),
                      QString::fromStdString(format->extension()));
  }
  const QString path = askForFile(
    tr("Export samples"), QStringLiteral("samples.csv"), filters.join(QStringLiteral(";;")));
  if (path.isEmpty())
    return;
  try {
    Q_EMIT message(writeSamples(path, *domain->sampleFormat(path.toStdString())));
  } catch (const std::exception& e) {
    QMessageBox::warning(m_window, tr("Export samples"), QString::fromUtf8(e.what()));
  }
}

void
ExportActions::exportFrontPoints()
{
  if (m_front->plot()->pointCount() == 0) {
    Q_EMIT message(tr("There are no points on the front yet."));
    return;
  }
  const QString path =
    askForFile(tr("Export front points"), QStringLiteral("front-points.csv"), tr("CSV (*.csv)"));
  if (path.isEmpty())
    return;
  QStringList names;
  for (const auto& objective : m_presenter->task().objectives)
    names << QString::fromStdString(objective.name);
  try {
    engine::writeFileAtomically(path.toStdString(), m_front->csv(names, m_presenter->storedRun()));
    Q_EMIT message(tr("Exported %1 points to %2.").arg(m_front->plot()->pointCount()).arg(path));
  } catch (const std::exception& e) {
    QMessageBox::warning(m_window, tr("Export front points"), QString::fromUtf8(e.what()));
  }
}

void
ExportActions::exportPlot(QCustomPlot* plot, const QString& suggestedName)
{
  const QString path =
    askForFile(tr("Export plot"), suggestedName, tr("Images (*.png *.svg *.pdf)"));
  if (path.isEmpty())
    return;
  widgets::PlotExportDialog options(
    plot->size(), path.endsWith(QLatin1String(".png"), Qt::CaseInsensitive), m_window);
  if (options.exec() != QDialog::Accepted)
    return;
  options.remember();
  const QString error = widgets::exportPlot(
    plot, path, options.exportSize().width(), options.exportSize().height(), options.dpi());
  if (!error.isEmpty())
    QMessageBox::warning(m_window, tr("Export plot"), error);
  else
    Q_EMIT message(tr("Exported the plot to %1.").arg(path));
}

} // namespace paretolab::app
