// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/runstore.h"
#include "train/reports.h"
#include "train/taskconfig.h"

#include <memory>
#include <optional>
#include <string>

namespace paretolab::engine {

/// The task a run was recorded with, parsed as it was then. Throws TaskError.
TaskConfig
storedTask(const RunRecord& run);

/// Throws std::runtime_error when a merge round's checkpoint is missing or
/// its bytes do not match the sha256 recorded with it.
void
verifyCheckpoint(const RunStore::MergeCheckpoint& checkpoint, int64_t runId);

/// One path to create, verify, resume and record a run, shared by
/// `paretolab-cli train` and the GUI's training worker.
///
/// A new run: construct, create(task, prior), then train with recorder() and
/// finish(). A resumed run: construct, resume(id), which checks the last
/// merge checkpoint's sha256 against the store, reads the run's own task back
/// and drops what the run recorded after that round; then train from
/// resumePoint(). Owns its RunStore: use it on one thread.
class RunSession
{
public:
  /// Opens the run database. Throws StoreError.
  explicit RunSession(const std::string& databasePath);

  /// Records a new run of `task` on prior `priorVersion` (its checkpoint path).
  void create(const TaskConfig& task, const std::string& priorVersion);
  /// Prepares run `runId` to continue after its last merge round. Throws
  /// std::runtime_error when the run has no such round or its checkpoint is
  /// missing or damaged, and TaskError when its task no longer reads.
  void resume(int64_t runId);
  /// "latest" (the newest interrupted run) or a run id; throws std::runtime_error.
  int64_t resolve(const std::string& which) const;

  int64_t runId() const { return m_runId; }
  /// The run's task, with training.checkpointDirectory set to the run's folder.
  const TaskConfig& task() const { return m_task; }
  /// The merge round a resumed run continues after.
  const std::optional<RunStore::MergeCheckpoint>& resumePoint() const { return m_resumePoint; }

  /// An observer that records every report in the store (one transaction
  /// each) and forwards it to `next`.
  std::unique_ptr<TrainingObserver> recorder(TrainingObserver* next = nullptr);
  /// Marks the run finished or cancelled.
  void finish(const RunResult& result);
  /// Marks the run failed.
  void fail();

  RunStore& store() { return m_store; }

private:
  void useTask(TaskConfig task);

  RunStore m_store;
  int64_t m_runId = 0;
  TaskConfig m_task;
  std::optional<RunStore::MergeCheckpoint> m_resumePoint;
};

} // namespace paretolab::engine
