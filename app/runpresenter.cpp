// SPDX-License-Identifier: GPL-3.0-or-later
#include "runpresenter.h"

#include "methodwording.h"

#include "core/domainregistry.h"
#include "divergenceplot.h"
#include "frontmodel.h"
#include "paretoplot.h"
#include "rewardplot.h"
#include "samplesview.h"
#include "store/runstore.h"
#include "trainingcontroller.h"
#include "weightsliders.h"
#include "weightspanel.h"

#include <QLabel>

#include <cmath>

namespace paretolab::app {

namespace {

QStringList
namesOf(const engine::TaskConfig& task)
{
  QStringList names;
  for (const auto& objective : task.objectives)
    names << QString::fromStdString(objective.name);
  return names;
}

QVector<double>
meansOf(const std::map<std::string, double>& values, const engine::TaskConfig& task)
{
  QVector<double> means;
  for (const auto& objective : task.objectives) {
    const auto found = values.find(objective.name);
    means << (found == values.end() ? std::nan("") : found->second);
  }
  return means;
}

} // namespace

RunPresenter::RunPresenter(Views views,
                           TrainingController* controller,
                           RunLibrary* runs,
                           QObject* parent)
  : QObject(parent)
  , m_views(views)
  , m_controller(controller)
  , m_runs(runs)
{
  connectController();
  connect(m_views.front, &FrontModel::pointChosen, this, [this](int index) { pin(index); });
  connect(m_views.samples,
          &widgets::SamplesView::followLatestRequested,
          this,
          &RunPresenter::followLatest);
}

QLabel*
RunPresenter::info() const
{
  return m_views.weights->info();
}

qint64
RunPresenter::round() const
{
  return m_views.weights->chosenRound();
}

void
RunPresenter::updateRounds()
{
  if (m_storedRun > 0)
    m_views.weights->setRounds(m_runs->storedRounds(m_storedRun));
}

QString
RunPresenter::reach() const
{
  return m_views.weights->reach();
}

void
RunPresenter::updateReach()
{
  const qint64 chosen = round() >= 0 ? round() : m_latestRound;
  const auto* plot = m_views.front->plot();
  QVector<double> low, high;
  int count = 0;
  for (int index = 0; index < plot->pointCount(); ++index) {
    const auto& point = plot->point(index);
    const bool offPath =
      point.kind == widgets::PointKind::Remerged || point.kind == widgets::PointKind::Sweep;
    if (!offPath || m_views.front->round(index) != chosen)
      continue;
    if (low.isEmpty()) {
      low = high = point.objectives;
    } else {
      for (int j = 0; j < point.objectives.size() && j < low.size(); ++j) {
        low[j] = std::min(low[j], point.objectives[j]);
        high[j] = std::max(high[j], point.objectives[j]);
      }
    }
    ++count;
  }
  if (count < 2) {
    m_views.weights->setReach({});
    return;
  }
  QStringList ranges;
  double widest = 0.0;
  for (int j = 0; j < low.size(); ++j) {
    ranges << tr("%1 %2–%3")
                .arg(QString::fromStdString(m_task.objectives[size_t(j)].name))
                .arg(low[j], 0, 'f', 2)
                .arg(high[j], 0, 'f', 2);
    widest = std::max(widest, high[j] - low[j]);
  }
  const auto wording = wordingOf(m_task.training.method);
  QString text = wording.reach.arg(chosen).arg(count).arg(ranges.join(QStringLiteral(" · ")));
  if (widest < 0.1)
    text += QLatin1Char(' ') + wording.narrowReach;
  m_views.weights->setReach(text);
}

void
RunPresenter::showPoint(int index)
{
  const auto* evaluation = m_views.front->evaluation(index);
  if (!evaluation)
    return;
  m_views.front->plot()->setSelected(index);
  const auto& point = m_views.front->plot()->point(index);
  QString caption;
  switch (point.kind) {
    case widgets::PointKind::Prior:
      caption = tr("Samples of the prior");
      break;
    case widgets::PointKind::Merged:
      caption = tr("Samples of the merged policy: %1").arg(point.label);
      break;
    case widgets::PointKind::Remerged:
      caption = wordingOf(m_task.training.method).steeredPoint.arg(point.label);
      break;
    case widgets::PointKind::Sweep:
      caption = tr("Samples of the sweep point %1").arg(point.label);
      break;
  }
  if (m_pinned)
    caption += QLatin1Char(' ') + tr("(pinned)");
  showSamples(*evaluation, caption, point.lambda);
}

void
RunPresenter::pin(int index)
{
  m_pinned = true;
  m_views.samples->setPinned(true);
  showPoint(index);
}

void
RunPresenter::followLatest()
{
  m_pinned = false;
  m_views.samples->setPinned(false);
  showPoint(m_views.front->latestMerge());
}

void
RunPresenter::connectController()
{
  connect(m_controller,
          &TrainingController::reportsReady,
          this,
          [this](const auto& steps, const auto& merges) {
            addReports(steps, merges);
            if (!merges.isEmpty() && merges.back().round > 0 &&
                m_task.training.method != engine::Method::Morlhf)
              Q_EMIT expertsReady();
          });
  connect(m_controller, &TrainingController::runStored, this, &RunPresenter::setStoredRun);
  connect(m_views.weights,
          &widgets::WeightsPanel::roundChosen,
          this,
          [this](qint64 round, const QString& checkpoint) {
            if (round >= 0)
              m_controller->loadRound(checkpoint);
            updateReach();
          });
  connect(m_controller, &TrainingController::roundLoaded, this, [this](qint64 round) {
    info()->setText(wordingOf(m_task.training.method).roundLoaded.arg(round));
  });
  connect(m_controller, &TrainingController::remergeReady, this, &RunPresenter::onRemergeReady);
  connect(m_controller, &TrainingController::remergeFailed, info(), &QLabel::setText);
  connect(m_controller,
          &TrainingController::sweepPoint,
          this,
          [this](const auto& weights, const auto& evaluation, int index, int count, qint64 round) {
            recordFrontPoint(addRemerge(weights, evaluation, /*sweep=*/true, round));
            info()->setText(tr("Sweep: %1 of %2 weight vectors").arg(index + 1).arg(count));
          });
  connect(m_controller, &TrainingController::sweepStopped, this, [this](int done, int count) {
    info()->setText(tr("Sweep stopped after %1 of %2 weight vectors.").arg(done).arg(count));
  });
}

void
RunPresenter::onRemergeReady(const QVector<double>& weights,
                             const engine::PolicyEvaluation& evaluation,
                             double seconds,
                             qint64 round)
{
  // What the user asked for stays on show until they ask for the latest again.
  const int index = addRemerge(weights, evaluation, /*sweep=*/false, round);
  pin(index);
  recordFrontPoint(index);
  const double shownAfter = m_remergeClock.isValid() ? m_remergeClock.elapsed() / 1000.0 : seconds;
  info()->setText(wordingOf(m_task.training.method)
                    .steered.arg(evaluation.samples.size())
                    .arg(shownAfter, 0, 'f', 2)
                    .arg(evaluation.averageReward, 0, 'f', 3));
  Q_EMIT remergeShown(shownAfter);
}

void
RunPresenter::recordFrontPoint(int index)
{
  if (m_storedRun == 0 || index < 0)
    return;
  const auto* plot = m_views.front->plot();
  const auto& point = plot->point(index);
  engine::FrontPointRow row;
  row.kind = point.kind == widgets::PointKind::Sweep ? "sweep" : "remerged";
  row.round = m_views.front->round(index);
  row.lambda.assign(point.lambda.begin(), point.lambda.end());
  row.means.assign(point.objectives.begin(), point.objectives.end());
  if (const auto* evaluation = m_views.front->evaluation(index))
    row.rawMeans = evaluation->rawMeans;
  row.nonDominated = plot->nonDominated().value(index);
  m_runs->recordFrontPoint(m_storedRun, row);
}

void
RunPresenter::showTask(const engine::TaskConfig& task)
{
  m_domain = engine::makeDomain(task.domain, task.domainOptions);
  m_task = task;
  m_storedRun = 0;
  const auto names = namesOf(task);
  QVector<double> weights;
  for (const auto& objective : task.objectives)
    weights << objective.weight;
  m_views.weights->sliders()->setObjectives(names, weights);
  m_views.weights->setRounds({});
  m_views.weights->setReach({});
  m_latestRound = 0;
  m_views.rewards->setSeries(names);
  m_views.front->reset(names);
  m_views.samples->clear();
  m_views.samples->setPinned(false);
  m_pinned = false;
  const auto wording = wordingOf(task.training.method);
  m_views.weights->sliders()->setCaption(wording.sliderCaption);
  m_views.weights->sliders()->setEnabled(task.training.method != engine::Method::Morlhf);
  m_views.weights->setRoundsLabel(wording.roundsLabel);
  info()->setText(wording.idle);
  m_views.divergence->clear(wording.noDivergence);
  m_hasShown = false;
  m_shownCaption.clear();
}

void
RunPresenter::addReports(const QVector<engine::StepReport>& steps,
                         const QVector<engine::MergeReport>& merges)
{
  for (const auto& step : steps)
    m_views.rewards->addExpertStep(
      step.expert,
      int(step.step),
      QVector<double>(step.transformedMeans.begin(), step.transformedMeans.end()));
  for (const auto& merge : merges) {
    const auto& means = merge.evaluation.transformedMeans;
    m_views.rewards->addMergedPoint(int(merge.step), QVector<double>(means.begin(), means.end()));
    if (merge.round > 0 && m_task.training.method == engine::Method::IterativeRS)
      m_views.divergence->addMerge(int(merge.round), merge.divergence, merge.klDivergence);
    const bool prior = merge.round == 0;
    const int index = m_views.front->add(
      merge.evaluation,
      QVector<double>(merge.lambda.begin(), merge.lambda.end()),
      prior ? widgets::PointKind::Prior : widgets::PointKind::Merged,
      prior ? tr("Prior") : tr("Round %1, step %2").arg(merge.round).arg(merge.step),
      merge.round);
    if (!m_pinned)
      showPoint(index);
  }
  if (!merges.isEmpty()) {
    m_latestRound = merges.back().round;
    updateRounds();
  }
  if (!merges.isEmpty() && merges.back().round > 0)
    info()->setText(wordingOf(m_task.training.method).roundDone.arg(merges.back().round));
}

int
RunPresenter::addRemerge(const QVector<double>& weights,
                         const engine::PolicyEvaluation& evaluation,
                         bool sweep,
                         qint64 round)
{
  QStringList lambda;
  for (double w : weights)
    lambda << QString::number(w, 'f', 2);
  const QString label = round >= 0
                          ? tr("λ = (%1), %2")
                              .arg(lambda.join(QStringLiteral(", ")),
                                   wordingOf(m_task.training.method).roundPolicy.arg(round))
                          : tr("λ = (%1)").arg(lambda.join(QStringLiteral(", ")));
  const int index =
    m_views.front->add(evaluation,
                       weights,
                       sweep ? widgets::PointKind::Sweep : widgets::PointKind::Remerged,
                       label,
                       round);
  updateReach();
  return index;
}

void
RunPresenter::showStoredRun(const StoredRun& run)
{
  showTask(run.task);
  m_storedRun = run.record.id;
  for (const auto& row : run.steps) {
    const auto means = meansOf(row.transformedMeans, run.task);
    if (!row.isEvaluation()) {
      m_views.rewards->addExpertStep(row.expert, int(row.step), means);
      continue;
    }
    m_views.rewards->addMergedPoint(int(row.step), means);
    engine::PolicyEvaluation evaluation;
    evaluation.transformedMeans.assign(means.begin(), means.end());
    evaluation.averageReward = row.averageReward;
    evaluation.icv = row.icv;
    evaluation.rawMeans.clear();
    for (const auto& objective : run.task.objectives) {
      const auto found = row.rawMeans.find(objective.name);
      evaluation.rawMeans.push_back(found == row.rawMeans.end() ? std::nan("") : found->second);
    }
    const bool prior = row.round == 0;
    m_views.front->add(evaluation,
                       {},
                       prior ? widgets::PointKind::Prior : widgets::PointKind::Merged,
                       prior ? tr("Prior") : tr("Round %1, step %2").arg(row.round).arg(row.step),
                       row.round);
  }
  for (const auto& merge : run.merges) {
    m_latestRound = std::max<qint64>(m_latestRound, merge.round);
    if (merge.round > 0 && run.task.training.method == engine::Method::IterativeRS)
      m_views.divergence->addMerge(int(merge.round), merge.divergence, merge.klDivergence);
  }
  updateRounds();
  // The points evaluated off the training path come back too.
  for (const auto& point : run.frontPoints) {
    engine::PolicyEvaluation evaluation;
    evaluation.transformedMeans = point.means;
    evaluation.rawMeans = point.rawMeans;
    addRemerge(QVector<double>(point.lambda.begin(), point.lambda.end()),
               evaluation,
               point.kind == "sweep",
               point.round);
  }
  if (!run.lastSamples.empty()) {
    engine::PolicyEvaluation last;
    for (const auto& sample : run.lastSamples) {
      last.samples.push_back(sample.sample);
      last.rawScores.push_back(sample.raw);
      last.contexts.push_back(sample.context);
    }
    // The run's last samples come from its policy at the task's weights.
    QVector<double> weights;
    double total = 0.0;
    for (const auto& objective : m_task.objectives)
      total += objective.weight;
    for (const auto& objective : m_task.objectives)
      weights << (total > 0.0 ? objective.weight / total : 0.0);
    showSamples(last,
                tr("Samples of run %1, %2")
                  .arg(run.record.id)
                  .arg(QString::fromStdString(run.lastSamples.front().policy)),
                weights);
  }
}

void
RunPresenter::showSamples(const engine::PolicyEvaluation& evaluation,
                          const QString& caption,
                          const QVector<double>& lambda)
{
  m_shown = evaluation;
  m_shownCaption = caption;
  m_shownLambda = lambda;
  m_hasShown = true;
  widgets::SampleSet set;
  set.domain = m_domain;
  set.objectiveNames = namesOf(m_task);
  for (const auto& sample : evaluation.samples)
    set.samples << QString::fromStdString(sample);
  for (const auto& row : evaluation.rawScores)
    set.rawScores << QVector<double>(row.begin(), row.end());
  if (evaluation.contexts.size() == evaluation.samples.size())
    set.contexts = evaluation.contexts;
  set.caption = caption;
  m_views.samples->setSamples(set);
}

widgets::SampleSet
RunPresenter::samplesOnScreen() const
{
  return m_views.samples->shownInDisplayOrder();
}

const engine::PolicyEvaluation*
RunPresenter::shownSamples() const
{
  return m_hasShown ? &m_shown : nullptr;
}

} // namespace paretolab::app
