// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Training on several ranks (issue 17): `train --ranks N` starts N - 1
// `worker` processes on this machine and is rank 0 itself; `worker` joins a
// run by hand. Rank 0 sends the others the task, the prior and the checkpoint
// to resume, so that they need nothing but the domain's data.

#include "childprocess.h"
#include "train/rankgroup.h"
#include "train/taskconfig.h"

#include <memory>
#include <string>
#include <vector>

namespace paretolab::cli {

/// How a process finds the other ranks: `worker`'s options.
struct RankOptions
{
  int rank = 0;
  int world = 0;      ///< 0: not distributed
  std::string master; ///< HOST:PORT of rank 0's rendezvous
  std::string bind;   ///< the address this rank binds; empty: the route to the master
  int timeoutSeconds = 300;

  engine::RankAddress address() const;
};

/// Rank 0 of `train --ranks N`, with its N - 1 workers on this machine over
/// loopback. Workers still running when it is destroyed are killed: they
/// hold nothing that rank 0 has not written.
class LocalRanks
{
public:
  LocalRanks(int world, int timeoutSeconds, const std::string& cacheDirectory);
  ~LocalRanks();

  std::shared_ptr<engine::RankGroup> group() const { return m_group; }
  /// Waits for the workers to end; throws DistributedError naming those that failed.
  void waitForWorkers();
  /// What became of the workers that have ended badly, with the end of their
  /// logs, after giving those still running a few seconds to notice a lost
  /// peer and end. Their logs are then kept.
  std::string describeFailures();

private:
  std::string m_logDirectory;
  bool m_keepLogs = false; ///< a worker failed: its log is worth reading
  std::vector<std::unique_ptr<ChildProcess>> m_workers;
  std::shared_ptr<engine::RankGroup> m_group;
};

/// Rank 0 sends the other ranks what they train: the task, the prior's bytes
/// and the checkpoint to resume from (empty: a new run).
void
shareRun(engine::RankGroup& ranks,
         const engine::TaskConfig& task,
         const std::string& priorPath,
         const std::string& resumeCheckpoint);

/// A rank other than 0: receives the run from rank 0, trains the experts it
/// owns, and ends with it. Returns the exit code.
int
runWorkerRank(const std::shared_ptr<engine::RankGroup>& ranks, const std::string& cacheDirectory);

} // namespace paretolab::cli
