// SPDX-License-Identifier: GPL-3.0-or-later
#include "runlibrary.h"

#include "metrics/pareto.h"
#include "runbrowser.h"
#include "runcomparison.h"
#include "store/runrecorder.h"

#include <QMessageBox>
#include <QPushButton>

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace paretolab::app {

namespace {

engine::TaskConfig
taskOf(const engine::RunRecord& run)
{
  const auto json = nlohmann::json::parse(run.taskJson, nullptr, false);
  if (json.is_discarded())
    throw std::runtime_error("run " + std::to_string(run.id) + ": its stored task is not JSON");
  return engine::parseTaskConfig(json, "run " + std::to_string(run.id));
}

std::vector<std::string>
objectiveNames(const engine::TaskConfig& task)
{
  std::vector<std::string> names;
  for (const auto& objective : task.objectives)
    names.push_back(objective.name);
  return names;
}

double
valueOf(const std::map<std::string, double>& values, const std::string& name)
{
  const auto found = values.find(name);
  return found == values.end() ? std::nan("") : found->second;
}

/// A run's settings as the comparison table lists them.
QVector<QPair<QString, QString>>
facts(const engine::RunRecord& record, const engine::TaskConfig& task)
{
  const auto& training = task.training;
  QStringList objectives;
  for (const auto& objective : task.objectives)
    objectives << QStringLiteral("%1 ×%2 (%3)")
                    .arg(QString::fromStdString(objective.name))
                    .arg(objective.weight)
                    .arg(QString::fromStdString(objective.transform.toJson().dump()));
  const auto text = [](const std::string& value) { return QString::fromStdString(value); };
  return {
    { RunLibrary::tr("task"), text(task.name) },
    { RunLibrary::tr("domain"), text(task.domain) },
    { RunLibrary::tr("objectives"), objectives.join(QStringLiteral("; ")) },
    { RunLibrary::tr("merge period m"),
      training.mergePeriod == 0 ? QStringLiteral("T") : QString::number(training.mergePeriod) },
    { RunLibrary::tr("experts per round M"),
      training.subsetSize == 0 ? RunLibrary::tr("all") : QString::number(training.subsetSize) },
    { RunLibrary::tr("steps T"), QString::number(training.totalSteps) },
    { RunLibrary::tr("merge"), text(engine::toString(training.merge.strategy)) },
    { RunLibrary::tr("learning rate"), QString::number(training.ppo.learningRate) },
    { RunLibrary::tr("batch"), QString::number(training.ppo.batchSize) },
    { RunLibrary::tr("KL β"), QString::number(training.ppo.klBeta) },
    { RunLibrary::tr("seed"), QString::number(training.seed) },
    { RunLibrary::tr("status"), text(record.status) },
    { RunLibrary::tr("steps done"), QString::number(record.steps) }
  };
}

} // namespace

RunLibrary::RunLibrary(QWidget* window, std::function<QString()> databasePath)
  : QObject(window)
  , m_window(window)
  , m_databasePath(std::move(databasePath))
{
}

bool
RunLibrary::withStore(const std::function<void(engine::RunStore&)>& work)
{
  try {
    engine::RunStore store(m_databasePath().toStdString());
    work(store);
    return true;
  } catch (const std::exception& e) {
    Q_EMIT failed(QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0));
    return false;
  }
}

void
RunLibrary::showBrowser()
{
  if (!m_browser) {
    m_browser = new widgets::RunBrowser(m_window);
    connect(m_browser, &widgets::RunBrowser::openRequested, this, [this](qint64 id) {
      Q_EMIT openRequested(id);
      m_browser->accept();
    });
    connect(m_browser, &widgets::RunBrowser::renameRequested, this, &RunLibrary::rename);
    connect(m_browser, &widgets::RunBrowser::deleteRequested, this, &RunLibrary::remove);
    connect(m_browser, &widgets::RunBrowser::compareRequested, this, &RunLibrary::compare);
  }
  refresh();
  m_browser->show();
  m_browser->raise();
}

void
RunLibrary::refresh()
{
  if (!m_browser)
    return;
  withStore([this](engine::RunStore& store) {
    QVector<widgets::RunRow> rows;
    for (const auto& run : store.runs())
      rows << widgets::RunRow{ run.id,
                               QString::fromStdString(run.name),
                               QString::fromStdString(run.status),
                               QString::fromStdString(run.startedAt),
                               run.steps,
                               run.merges };
    m_browser->setRuns(rows);
  });
}

void
RunLibrary::rename(qint64 id, const QString& name)
{
  withStore([&](engine::RunStore& store) { store.renameRun(id, name.toStdString()); });
  refresh();
}

void
RunLibrary::remove(qint64 id)
{
  withStore([&](engine::RunStore& store) {
    store.deleteRun(id);
    std::error_code ignored;
    std::filesystem::remove_all(engine::runCheckpointDirectory(store, id), ignored);
  });
  refresh();
}

std::optional<StoredRun>
RunLibrary::load(qint64 id)
{
  std::optional<StoredRun> loaded;
  withStore([&](engine::RunStore& store) {
    const auto record = store.run(id);
    if (!record)
      throw std::runtime_error("no run " + std::to_string(id));
    StoredRun run;
    run.record = *record;
    run.task = taskOf(*record);
    run.steps = store.steps(id, objectiveNames(run.task));
    run.merges = store.merges(id);
    for (auto& sample : store.samples(id)) {
      if (!run.lastSamples.empty() && run.lastSamples.back().policy != sample.policy)
        run.lastSamples.clear();
      run.lastSamples.push_back(std::move(sample));
    }
    run.frontPoints = store.frontPoints(id);
    run.hasCheckpoint = store.lastCheckpoint(id).has_value();
    loaded = std::move(run);
  });
  return loaded;
}

std::optional<engine::RunRecord>
RunLibrary::record(qint64 id)
{
  try {
    return engine::RunStore(m_databasePath().toStdString()).run(id);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void
RunLibrary::compare(const QVector<qint64>& ids)
{
  withStore([&](engine::RunStore& store) {
    QVector<widgets::ComparedRun> runs;
    QStringList labels;
    for (qint64 id : ids) {
      const auto record = store.run(id);
      if (!record)
        continue;
      const auto task = taskOf(*record);
      const auto names = objectiveNames(task);
      if (labels.isEmpty())
        for (const auto& name : names)
          labels << QString::fromStdString(name);
      widgets::ComparedRun compared;
      compared.name = tr("%1: %2").arg(id).arg(QString::fromStdString(record->name));
      std::vector<engine::ObjectivePoint> merged;
      const engine::StepRow* last = nullptr;
      for (const auto& row : store.steps(id, names)) {
        if (!row.isEvaluation())
          continue;
        last = &row;
        compared.steps << double(row.step);
        compared.averages << row.averageReward;
        compared.icv << row.icv;
        QVector<double> means;
        for (const auto& name : names)
          means << valueOf(row.transformedMeans, name);
        compared.points << means;
        merged.emplace_back(means.begin(), means.end());
        compared.hypervolumes << engine::hypervolume(merged,
                                                     engine::ObjectivePoint(names.size(), 0.0));
      }
      compared.facts = facts(*record, task);
      if (last) {
        compared.facts.append(
          { tr("average reward"), QString::number(last->averageReward, 'f', 4) });
        compared.facts.append({ tr("ICV (samples)"), QString::number(last->icv, 'f', 3) });
        compared.facts.append(
          { tr("objective balance"), QString::number(last->objectiveBalance, 'f', 3) });
        compared.facts.append({ tr("hypervolume of the merged policies"),
                                QString::number(compared.hypervolumes.back(), 'f', 4) });
        compared.facts.append({ tr("KL to the prior"), QString::number(last->kl, 'f', 4) });
      }
      runs << compared;
    }
    auto* view = new widgets::RunComparison;
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->setWindowTitle(tr("Compare runs"));
    view->setRuns(labels, runs);
    view->resize(1000, 680);
    view->show();
    m_comparison = view;
  });
}

void
RunLibrary::closeWindows()
{
  if (m_comparison)
    m_comparison->close();
}

void
RunLibrary::offerToResume()
{
  withStore([&](engine::RunStore& store) {
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
      m_window);
    auto* resume = box->addButton(tr("&Resume"), QMessageBox::AcceptRole);
    box->addButton(tr("&Not now"), QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const qint64 id = run->id;
    connect(box, &QMessageBox::buttonClicked, this, [this, resume, id](QAbstractButton* button) {
      if (button == resume)
        Q_EMIT resumeRequested(id);
    });
    box->open();
    m_resumeOffer = box;
  });
}

void
RunLibrary::recordFrontPoint(qint64 run, const engine::FrontPointRow& point)
{
  withStore([&](engine::RunStore& store) { store.recordFrontPoint(run, point); });
}

QVector<QPair<qint64, QString>>
RunLibrary::storedRounds(qint64 run)
{
  QVector<QPair<qint64, QString>> rounds;
  withStore([&](engine::RunStore& store) {
    for (const auto& merge : store.merges(run))
      if (merge.round > 0 && !merge.checkpoint.empty() && std::filesystem::exists(merge.checkpoint))
        rounds.append({ merge.round, QString::fromStdString(merge.checkpoint) });
  });
  return rounds;
}

} // namespace paretolab::app
