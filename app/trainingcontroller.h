// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metatypes.h"
#include "train/taskconfig.h"
#include "train/trainer.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace paretolab::app {

class RunControl;

/// Runs training and re-merging off the GUI thread.
///
/// Training runs on one QThread: the prior is obtained (pretrained and cached
/// on first use), then the IterativeRS trainer runs with an observer that
/// sends reports to the GUI coalesced to about ten batches a second.
/// Re-merges run on a second QThread so the sliders work during training:
/// only the latest request is kept, and a result that a newer request has
/// made stale is dropped, never delivered.
///
/// Create and call from the GUI thread. Signals arrive there, queued. The
/// destructor stops both threads and waits for them.
class TrainingController : public QObject
{
  Q_OBJECT

public:
  enum class State
  {
    Idle,
    Preparing, ///< loading or pretraining the prior
    Training,
    Paused,
    Finished,
  };
  Q_ENUM(State)

  explicit TrainingController(QObject* parent = nullptr);
  ~TrainingController() override;

  /// Starts a run of `task`; ignored while one is active.
  void start(const engine::TaskConfig& task, const QString& cacheDirectory);
  /// Continues stored run `runId` after its last merge round (see RunStore).
  void resumeRun(qint64 runId, const QString& cacheDirectory);
  /// Loads the experts of stored run `runId`'s last merge round, without
  /// training, so that re-merges and sweeps use that run. Emits runOpened.
  void openRun(qint64 runId, const QString& cacheDirectory);
  /// The run database runs are recorded in (RunStore::defaultPath() unless set).
  void setDatabasePath(const QString& path) { m_databasePath = path; }
  QString databasePath() const { return m_databasePath; }

  /// Only obtains the task's prior (pretraining and caching it when needed);
  /// emits priorReady. Ignored while a run is active.
  void pretrain(const engine::TaskConfig& task, const QString& cacheDirectory);
  /// Obtains a prior pretrained on the user's `corpusFile` with the task's
  /// model and pretraining options (cached under the file's contents); emits
  /// priorReady with its path. Ignored while a run is active.
  void pretrainOnFile(const engine::TaskConfig& task,
                      const QString& corpusFile,
                      const QString& cacheDirectory);
  void pause();
  void resume();
  /// Asks the run to stop after the current step. Thread-safe, returns at once.
  void stop();
  State state() const { return m_state; }
  bool isActive() const;

  /// The trainer of the current or last run (null before the first run).
  std::shared_ptr<engine::Trainer> trainer() const;

  /// Re-merges the experts of the latest merge round with `weights` and scores
  /// `sampleCount` samples of the result. Latest request wins.
  /// `round` chooses whose experts are merged: -1 for the latest round, or a
  /// round made available by loadRound().
  void requestRemerge(const QVector<double>& weights, int sampleCount = 64, qint64 round = -1);
  /// Makes the experts of stored round `checkpoint` available for re-merging;
  /// emits roundLoaded or remergeFailed.
  void loadRound(const QString& checkpoint);
  /// Evaluates a grid over the simplex with `divisions` steps per axis (the
  /// Rewarded-Soups front); each point arrives as sweepPoint. A later
  /// re-merge or sweep request cancels it (latest request wins); sweepStopped
  /// then says how far it got.
  void requestSweep(int divisions, int sampleCount = 64, qint64 round = -1);

Q_SIGNALS:
  void stateChanged(paretolab::app::TrainingController::State state);
  /// validationLoss and validity (the valid share of samples) are NaN until the first epoch ends.
  void pretrainProgress(qint64 done, qint64 total, double validationLoss, double validity);
  /// Steps and merges since the last batch, plus overall progress.
  void reportsReady(const QVector<paretolab::engine::StepReport>& steps,
                    const QVector<paretolab::engine::MergeReport>& merges,
                    qint64 stepsDone,
                    qint64 totalSteps);
  /// The worker has finished the step under way at a pause, and waits; every
  /// step it did has been reported.
  void stepsHeld(qint64 stepsDone);
  /// Delivered after the state has become Finished.
  void runFinished(const paretolab::engine::RunResult& result);
  /// The experts of stored run `runId` are loaded for re-merging.
  void runOpened(qint64 runId);
  /// The run is recorded in the run database as `runId`.
  void runStored(qint64 runId);
  /// The run database cannot be used; the run goes on without being recorded.
  void storeWarning(const QString& message);
  /// The prior is in the cache (or was given): `path` is its checkpoint.
  void priorReady(const QString& path, bool pretrained);
  /// Delivered after the state has become Idle.
  void runFailed(const QString& message);
  /// `round` is the merge round whose experts were merged.
  void remergeReady(const QVector<double>& weights,
                    const paretolab::engine::PolicyEvaluation& evaluation,
                    double seconds,
                    qint64 round);
  void sweepPoint(const QVector<double>& weights,
                  const paretolab::engine::PolicyEvaluation& evaluation,
                  int index,
                  int count,
                  qint64 round);
  /// The experts of `round` can now be re-merged.
  void roundLoaded(qint64 round);
  void remergeFailed(const QString& message);
  /// A sweep was cancelled by a newer request after `done` of `count` points.
  void sweepStopped(int done, int count);

private:
  struct RemergeRequest
  {
    QVector<double> weights;
    int sampleCount = 64;
    qint64 round = -1;
  };

  void setState(State state);
  /// What a launch does: train a new run, only obtain the prior, or resume a stored run.
  struct Launch
  {
    bool train = true;
    qint64 resumeRun = 0;
    bool openOnly = false; ///< with resumeRun: load the experts, do not train
    QString corpusFile;    ///< pretrain on this file, not the domain's corpus
  };
  void launch(const engine::TaskConfig& task, const QString& cacheDirectory, Launch what);
  /// Runs on m_trainingThread with copies of everything it reads.
  void runTraining(engine::TaskConfig task,
                   QString cacheDirectory,
                   QString databasePath,
                   std::shared_ptr<RunControl> control,
                   Launch what);
  void runSweep(std::shared_ptr<engine::Trainer> trainer,
                QVector<QVector<double>> grid,
                int sampleCount,
                qint64 round,
                uint64_t generation);
  void processRemerges();

  QThread m_trainingThread;
  QThread m_remergeThread;
  QObject m_trainingContext; ///< lives on m_trainingThread; target of queued work
  QObject m_remergeContext;  ///< lives on m_remergeThread
  std::shared_ptr<RunControl> m_control;
  State m_state = State::Idle;
  QString m_databasePath;

  mutable std::mutex m_mutex; // guards m_trainer and m_pendingRemerge
  std::shared_ptr<engine::Trainer> m_trainer;
  std::optional<RemergeRequest> m_pendingRemerge;
  std::atomic<bool> m_remergeScheduled{ false };
  std::atomic<uint64_t> m_remergeGeneration{ 0 };
};

} // namespace paretolab::app
