// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's run library: the run browser, reopening and comparing stored
// runs, and resuming an interrupted one. Kept apart from mainwindow.cpp, which
// lays out and drives a live run.

#include "mainwindow.h"

#include "paretoplot.h"
#include "rewardplot.h"
#include "runbrowser.h"
#include "runcomparison.h"
#include "runsetuppanel.h"
#include "samplesview.h"
#include "store/runrecorder.h"
#include "weightsliders.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace paretolab::app {

namespace {

double
number(const nlohmann::json& value)
{
  return value.is_number() ? value.get<double>() : std::nan("");
}

QVector<double>
meansOf(const nlohmann::json& row, const std::vector<std::string>& names)
{
  QVector<double> means;
  for (const auto& name : names)
    means << number(row["transformed_means"][name]);
  return means;
}

std::vector<std::string>
objectiveNames(const engine::TaskConfig& task)
{
  std::vector<std::string> names;
  for (const auto& objective : task.objectives)
    names.push_back(objective.name);
  return names;
}

} // namespace

void
MainWindow::showRunBrowser()
{
  try {
    if (!m_runBrowser) {
      m_runBrowser = new widgets::RunBrowser(this);
      connect(m_runBrowser, &widgets::RunBrowser::openRequested, this, [this](qint64 id) {
        openStoredRun(id);
        m_runBrowser->accept();
      });
      connect(m_runBrowser,
              &widgets::RunBrowser::renameRequested,
              this,
              [this](qint64 id, const QString& name) {
                engine::RunStore(m_controller->databasePath().toStdString())
                  .renameRun(id, name.toStdString());
                refreshRunBrowser();
              });
      connect(m_runBrowser, &widgets::RunBrowser::deleteRequested, this, [this](qint64 id) {
        engine::RunStore store(m_controller->databasePath().toStdString());
        store.deleteRun(id);
        std::error_code ignored;
        std::filesystem::remove_all(engine::runCheckpointDirectory(store, id), ignored);
        refreshRunBrowser();
      });
      connect(m_runBrowser, &widgets::RunBrowser::compareRequested, this, &MainWindow::compareRuns);
    }
    refreshRunBrowser();
    m_runBrowser->show();
    m_runBrowser->raise();
  } catch (const std::exception& e) {
    m_statusText->setText(QString::fromUtf8(e.what()));
  }
}

void
MainWindow::refreshRunBrowser()
{
  if (!m_runBrowser)
    return;
  const engine::RunStore store(m_controller->databasePath().toStdString());
  QVector<widgets::RunRow> rows;
  for (const auto& run : store.runs())
    rows << widgets::RunRow{ run.id,
                             QString::fromStdString(run.name),
                             QString::fromStdString(run.status),
                             QString::fromStdString(run.startedAt),
                             run.steps,
                             run.merges };
  m_runBrowser->setRuns(rows);
}

bool
MainWindow::openStoredRun(qint64 id, bool loadExperts)
{
  if (m_controller->isActive())
    return false;
  try {
    const engine::RunStore store(m_controller->databasePath().toStdString());
    const auto run = store.run(id);
    if (!run)
      throw std::runtime_error("no run " + std::to_string(id));
    const auto task =
      engine::parseTaskConfig(nlohmann::json::parse(run->taskJson), "run " + std::to_string(id));
    const auto names = objectiveNames(task);
    QStringList objectiveLabels;
    for (const auto& name : names)
      objectiveLabels << QString::fromStdString(name);
    m_runningTask = task;
    m_storedRun = id;
    m_runSetup->setTask(task, tr("run %1").arg(id));
    m_sliders->setObjectives(objectiveLabels, QVector<double>(names.size(), 1.0));
    m_rewardPlot->setSeries(objectiveLabels);
    paretoPlot()->setObjectiveNames(objectiveLabels);
    paretoPlot()->clearPoints();
    m_evaluations.clear();

    for (const auto& text : store.stepRowsJson(id)) {
      const auto row = nlohmann::json::parse(text);
      const auto policy = row["policy"].get<std::string>();
      const auto means = meansOf(row, names);
      if (policy == "merged") {
        m_rewardPlot->addMergedPoint(row["step"].get<int>(), means);
        engine::PolicyEvaluation evaluation;
        evaluation.transformedMeans.assign(means.begin(), means.end());
        addFrontPoint(evaluation,
                      {},
                      int(row["round"].get<int>() == 0 ? widgets::PointKind::Prior
                                                       : widgets::PointKind::Merged));
      } else {
        const auto expert = std::find(names.begin(), names.end(), policy.substr(7));
        if (expert != names.end())
          m_rewardPlot->addExpertStep(int(expert - names.begin()), row["step"].get<int>(), means);
      }
    }
    // The samples of the last merge round.
    engine::PolicyEvaluation last;
    std::string lastPolicy;
    for (const auto& text : store.sampleRowsJson(id)) {
      const auto row = nlohmann::json::parse(text);
      if (row["policy"] != lastPolicy) {
        last = {};
        lastPolicy = row["policy"];
      }
      last.samples.push_back(row["sequence"]);
      std::vector<double> raw;
      for (const auto& value : row["raw_values"])
        raw.push_back(number(value));
      last.rawScores.push_back(raw);
    }
    if (!last.samples.empty())
      showSamples(last);
    // Its experts, so that the sliders and Sweep re-merge this run and no other.
    if (loadExperts && store.lastCheckpoint(id) && !m_controller->isActive())
      m_controller->openRun(id, m_cacheDirectory);
    m_statusText->setText(tr("Opened run %1 (%2, %3 steps).")
                            .arg(id)
                            .arg(QString::fromStdString(run->status))
                            .arg(run->steps));
    return true;
  } catch (const std::exception& e) {
    m_statusText->setText(tr("Cannot open run %1: %2").arg(id).arg(QString::fromUtf8(e.what())));
    return false;
  }
}

void
MainWindow::compareRuns(const QVector<qint64>& ids)
{
  try {
    const engine::RunStore store(m_controller->databasePath().toStdString());
    QVector<widgets::ComparedRun> runs;
    QStringList objectiveLabels;
    for (qint64 id : ids) {
      const auto run = store.run(id);
      if (!run)
        continue;
      const auto task = engine::parseTaskConfig(nlohmann::json::parse(run->taskJson), "run");
      const auto names = objectiveNames(task);
      if (objectiveLabels.isEmpty())
        for (const auto& name : names)
          objectiveLabels << QString::fromStdString(name);
      widgets::ComparedRun compared;
      compared.name = tr("%1: %2").arg(id).arg(QString::fromStdString(run->name));
      for (const auto& text : store.stepRowsJson(id)) {
        const auto row = nlohmann::json::parse(text);
        if (row["policy"] != "merged")
          continue;
        compared.steps << row["step"].get<double>();
        compared.averages << number(row["average_reward"]);
        compared.points << meansOf(row, names);
      }
      runs << compared;
    }
    auto* view = new widgets::RunComparison;
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowTitle(tr("Compare runs"));
    view->setRuns(objectiveLabels, runs);
    view->resize(900, 420);
    view->show();
    m_comparison = view;
  } catch (const std::exception& e) {
    m_statusText->setText(QString::fromUtf8(e.what()));
  }
}

void
MainWindow::offerToResume()
{
  try {
    const engine::RunStore store(m_controller->databasePath().toStdString());
    const auto run = store.latestInterrupted();
    if (!run || !store.lastCheckpoint(run->id))
      return;
    auto* box = new QMessageBox(
      QMessageBox::Question,
      tr("Resume the interrupted run?"),
      tr("Run %1 (“%2”) stopped unexpectedly after %3 steps. Resume it from its last merge "
         "round?")
        .arg(run->id)
        .arg(QString::fromStdString(run->name))
        .arg(run->steps),
      QMessageBox::NoButton,
      this);
    auto* resume = box->addButton(tr("&Resume"), QMessageBox::AcceptRole);
    box->addButton(tr("&Not now"), QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = run->id;
    connect(box, &QMessageBox::buttonClicked, this, [this, resume, id](QAbstractButton* button) {
      if (button == resume && openStoredRun(id, /*loadExperts=*/false)) {
        m_runClock.start();
        m_controller->resumeRun(id, m_cacheDirectory);
      }
    });
    box->open();
    m_resumeOffer = box;
  } catch (const std::exception& e) {
    m_statusText->setText(QString::fromUtf8(e.what()));
  }
}

} // namespace paretolab::app
