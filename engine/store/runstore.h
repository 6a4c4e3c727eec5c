// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/samplecontext.h"
#include "core/sqlitedatabase.h"
#include "train/reports.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace paretolab::engine {

/// A run database that cannot be used: not a database, corrupt, from a newer
/// schema, or locked by another process. The message says which and names the
/// file; the store never writes into such a file.
using StoreError = SqliteError;

inline constexpr int kRunStoreSchemaVersion = 4;

struct RunRecord
{
  int64_t id = 0;
  std::string name;
  std::string taskJson;
  uint64_t seed = 0;
  std::string status; ///< running, finished, cancelled, failed
  std::string startedAt;
  std::string finishedAt;
  std::string priorVersion;
  std::string engineVersion;
  int64_t steps = 0;  ///< training steps done: the last step recorded
  int64_t merges = 0; ///< merge rounds recorded, the prior's round 0 not counted
};

/// One row of the steps table: an expert's step, a MORLHF policy's step, or a
/// merged policy's evaluation.
struct StepRow
{
  int expert = -1;    ///< index of the expert's objective; -1 when the row is no expert's
  std::string policy; ///< "expert:<objective>", "policy" (MORLHF) or "merged"
  int64_t step = 0;
  int64_t round = 0;
  std::map<std::string, double> rawMeans; ///< NaN where no sample had a value
  std::map<std::string, double> transformedMeans;
  double averageReward = 0.0;
  double icv = 0.0;              ///< over samples (the paper's)
  double objectiveBalance = 0.0; ///< over per-objective means; NaN in schema v1 rows
  double kl = 0.0;
  double entropy = 0.0;
  std::map<std::string, double> metrics;
  double seconds = 0.0;
  /// Merged rows since schema v4: the figures over the valid, unique samples.
  std::optional<PolicyEvaluation::Subset> validUnique;

  /// The evaluation of a merged policy (or of the prior, at round 0), not a training step.
  bool isEvaluation() const { return policy == "merged"; }
};

struct MergeRow
{
  int64_t round = 0;
  int64_t step = 0;
  std::vector<double> lambda;
  std::vector<int> subset;
  double divergence = 0.0;   ///< the largest relative parameter distance of an expert
  double klDivergence = 0.0; ///< the largest per-token KL to an expert; NaN before schema v4
  std::string checkpoint;
  std::string checkpointSha256;
};

struct SampleRow
{
  int64_t step = 0;
  std::string policy; ///< "merged:<round>"
  std::string sample;
  SampleContext context;
  std::vector<double> raw; ///< per objective, NaN where not computable
  /// Per objective, the transformed reward the trainer scored (penalty
  /// included); empty before schema v4.
  std::vector<double> rewards;
};

/// A policy evaluated off the training path: a slider re-merge or a sweep point.
struct FrontPointRow
{
  std::string kind = "remerged"; ///< "remerged" or "sweep"
  int64_t round = -1;            ///< whose experts were merged; -1: not known (schema v1)
  std::vector<double> lambda;
  std::vector<double> means;    ///< mean transformed reward per objective
  std::vector<double> rawMeans; ///< mean raw value per objective; empty in schema v1 rows
  bool nonDominated = false;    ///< among the points recorded before it
};

/// Every run in one SQLite database, through the sqlite3 C API, in WAL mode
/// with synchronous=FULL and one transaction per report, so a run killed at any
/// moment keeps everything it reported. The schema is versioned
/// (PRAGMA user_version) and migrated forward on open.
///
/// Not thread-safe: use one store per thread (SQLite serialises writers
/// across connections and processes).
class RunStore
{
public:
  /// Opens or creates `path`. Throws StoreError for a file that is not a
  /// ParetoLab run database, is damaged, comes from a newer schema, is
  /// locked by another writer, or is a symbolic link.
  explicit RunStore(const std::string& path);

  /// $XDG_DATA_HOME/paretolab/runs.sqlite, or ~/.local/share/paretolab/runs.sqlite.
  static std::string defaultPath();

  int64_t createRun(const std::string& name,
                    const std::string& taskJson,
                    uint64_t seed,
                    const std::string& priorVersion);
  void recordStep(int64_t run,
                  const StepReport& report,
                  const std::vector<std::string>& objectiveNames);
  void recordMerge(int64_t run,
                   const MergeReport& report,
                   const std::vector<std::string>& objectiveNames,
                   const std::string& checkpointPath = {},
                   const std::string& checkpointSha256 = {});
  void finishRun(int64_t run, const std::string& status);
  /// A policy re-merged with weights `lambda` (a slider position or a sweep point)
  /// and its mean raw and transformed values per objective.
  void recordFrontPoint(int64_t run, const FrontPointRow& point);
  void renameRun(int64_t run, const std::string& name);
  /// Deletes the run and everything recorded for it.
  void deleteRun(int64_t run);

  std::vector<RunRecord> runs() const;
  std::optional<RunRecord> run(int64_t id) const;
  /// The newest run still marked running: one a crash or kill interrupted.
  std::optional<RunRecord> latestInterrupted() const;

  /// The newest merge round of `run` with a checkpoint file.
  struct MergeCheckpoint
  {
    int64_t round = 0;
    int64_t step = 0;
    std::string path;
    std::string sha256;
  };
  std::optional<MergeCheckpoint> lastCheckpoint(int64_t run) const;
  /// Drops what a killed run recorded after `step` (its unfinished round), so
  /// that resuming does not record it twice; marks the run running again.
  void discardAfter(int64_t run, int64_t step);

  /// Rows in the order they were recorded. `objectiveNames` (the run's, in the
  /// task's order) maps expert policies to their index.
  std::vector<StepRow> steps(int64_t run, const std::vector<std::string>& objectiveNames) const;
  std::vector<MergeRow> merges(int64_t run) const;
  std::vector<SampleRow> samples(int64_t run) const;
  std::vector<FrontPointRow> frontPoints(int64_t run) const;

  int schemaVersion() const;
  const std::string& path() const { return m_db.path(); }

private:
  void insertStep(int64_t run,
                  const std::string& policy,
                  const StepReport& report,
                  const std::vector<std::string>& objectiveNames,
                  const PolicyEvaluation::Subset* validUnique = nullptr);
  void migrate();

  SqliteDatabase m_db;
};

} // namespace paretolab::engine
