// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "metatypes.h"
#include "runlibrary.h"
#include "samplespage.h"
#include "train/taskconfig.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

class QLabel;

namespace paretolab::widgets {
class RewardPlot;
class DivergencePlot;
class SamplesView;
class WeightsPanel;
} // namespace paretolab::widgets

namespace paretolab::app {

class FrontModel;
class RunLibrary;
class TrainingController;

/// Puts a run on the views: the reward curves, the front, the weights and
/// the samples, for a task about to run, a run in progress, or a stored run
/// read back. It follows the controller's reports, re-merges and sweeps, and
/// records each re-merged point in the run database when the run is stored.
/// It knows the run's task and domain; the views stay unaware of both.
/// GUI thread only.
class RunPresenter : public QObject
{
  Q_OBJECT

public:
  struct Views
  {
    widgets::RewardPlot* rewards = nullptr;
    FrontModel* front = nullptr;
    widgets::WeightsPanel* weights = nullptr;
    widgets::SamplesView* samples = nullptr;
    widgets::DivergencePlot* divergence = nullptr;
  };

  RunPresenter(Views views,
               TrainingController* controller,
               RunLibrary* runs,
               QObject* parent = nullptr);

  /// Clears every view for `task`. Throws std::invalid_argument when its domain cannot be made.
  void showTask(const engine::TaskConfig& task);
  /// Adds a batch of reports of the run in progress.
  void addReports(const QVector<engine::StepReport>& steps,
                  const QVector<engine::MergeReport>& merges);
  /// Adds a slider re-merge or a sweep point of `round`'s experts; returns its point index.
  int addRemerge(const QVector<double>& weights,
                 const engine::PolicyEvaluation& evaluation,
                 bool sweep,
                 qint64 round);
  /// Shows a stored run as it was recorded.
  void showStoredRun(const StoredRun& run);
  /// Shows `evaluation`'s samples; `lambda` is the policy's merge weights, when known.
  void showSamples(const engine::PolicyEvaluation& evaluation,
                   const QString& caption,
                   const QVector<double>& lambda = {});
  /// Shows point `index` and keeps it shown (pinned) until followLatest().
  void pin(int index);
  /// Shows the newest merge round again, and each new one as it comes.
  void followLatest();
  bool isPinned() const { return m_pinned; }

  /// The stored run on screen (re-merges are recorded there); 0: none.
  void setStoredRun(qint64 id) { m_storedRun = id; }
  qint64 storedRun() const { return m_storedRun; }
  /// Starts the clock of a slider re-merge, for remergeShown().
  void startRemergeClock() { m_remergeClock.start(); }
  /// The round whose experts the sliders merge: -1 for the latest.
  qint64 round() const;
  /// Per objective, the range of rewards the re-merges of the current round
  /// reached, as shown under the sliders; empty before any.
  QString reach() const;

  const engine::TaskConfig& task() const { return m_task; }
  std::shared_ptr<const engine::Domain> domain() const { return m_domain; }
  /// The samples on show, or null.
  const engine::PolicyEvaluation* shownSamples() const;
  QString shownCaption() const { return m_shownCaption; }
  /// The merge weights of the policy whose samples are on show; empty when not known.
  QVector<double> shownLambda() const { return m_shownLambda; }
  /// The samples on show as the user sees them: filtered, in the page's order.
  widgets::SampleSet samplesOnScreen() const;

Q_SIGNALS:
  /// A slider re-merge is on the front, `seconds` after the request.
  void remergeShown(double seconds);
  /// The first merge round is in: there are experts to re-merge.
  void expertsReady();

private:
  void connectController();
  void onRemergeReady(const QVector<double>& weights,
                      const engine::PolicyEvaluation& evaluation,
                      double seconds,
                      qint64 round);
  void recordFrontPoint(int index);
  /// Offers the stored run's rounds that have checkpoints on disk.
  void updateRounds();
  void updateReach();
  QLabel* info() const;
  /// Shows point `index`'s samples and selects it.
  void showPoint(int index);

  Views m_views;
  TrainingController* m_controller;
  RunLibrary* m_runs;
  qint64 m_storedRun = 0;
  qint64 m_latestRound = 0;
  bool m_pinned = false;
  QElapsedTimer m_remergeClock;
  engine::TaskConfig m_task;
  std::shared_ptr<const engine::Domain> m_domain;
  engine::PolicyEvaluation m_shown;
  QString m_shownCaption;
  QVector<double> m_shownLambda;
  bool m_hasShown = false;
};

} // namespace paretolab::app
