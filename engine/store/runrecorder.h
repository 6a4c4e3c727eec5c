// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/runstore.h"
#include "train/reports.h"

#include <string>
#include <vector>

namespace paretolab::engine {

/// Writes every report of a run into a RunStore as it happens (one transaction
/// each), so that a killed run keeps everything it reported. Forwards to
/// another observer when given. Call on the thread that owns the store.
class RunRecorder : public TrainingObserver
{
public:
  RunRecorder(RunStore& store,
              int64_t run,
              std::vector<std::string> objectives,
              TrainingObserver* next = nullptr)
    : m_store(store)
    , m_run(run)
    , m_objectives(std::move(objectives))
    , m_next(next)
  {
  }

  void onStep(const StepReport& report) override
  {
    m_store.recordStep(m_run, report, m_objectives);
    if (m_next)
      m_next->onStep(report);
  }

  void onMerge(const MergeReport& report) override
  {
    m_store.recordMerge(m_run, report, m_objectives, report.checkpoint, report.checkpointSha256);
    if (m_next)
      m_next->onMerge(report);
  }

private:
  RunStore& m_store;
  int64_t m_run;
  std::vector<std::string> m_objectives;
  TrainingObserver* m_next;
};

/// The folder for run `run`'s merge-round checkpoints, beside the database.
std::string
runCheckpointDirectory(const RunStore& store, int64_t run);

} // namespace paretolab::engine
