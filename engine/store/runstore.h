// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/reports.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace paretolab::engine {

/// A run database that cannot be used: not a database, corrupt, from a newer
/// schema, or locked by another process. The message says which and names the
/// file; the store never writes into such a file.
class StoreError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kRunStoreSchemaVersion = 1;

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
  int64_t steps = 0;  ///< expert step rows recorded
  int64_t merges = 0; ///< merge rows recorded
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
  /// ParetoLab run database, is damaged, comes from a newer schema, or is
  /// locked by another writer.
  explicit RunStore(const std::string& path);
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

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
  /// and its mean transformed reward per objective.
  void recordFrontPoint(int64_t run,
                        const std::vector<double>& lambda,
                        const std::vector<double>& means,
                        bool nonDominated);
  std::vector<std::string> frontPointRowsJson(int64_t run) const;
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

  /// Per-step rows as JSON objects (for export and comparison views).
  std::vector<std::string> stepRowsJson(int64_t run) const;
  std::vector<std::string> mergeRowsJson(int64_t run) const;
  std::vector<std::string> sampleRowsJson(int64_t run) const;

  int schemaVersion() const;
  const std::string& path() const { return m_path; }

private:
  void execute(const std::string& sql) const;
  void insertStep(int64_t run,
                  const std::string& policy,
                  const StepReport& report,
                  const std::vector<std::string>& objectiveNames);
  /// The first column of `sql`'s rows for `run` (bound as its only parameter).
  std::vector<std::string> jsonRows(const char* sql, int64_t run) const;
  void migrate();

  std::string m_path;
  sqlite3* m_db = nullptr;
};

} // namespace paretolab::engine
