// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/runstore.h"

#include "store/runrecorder.h"

#include "paretolab_version.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>

namespace paretolab::engine {

namespace {

// Version 1 of the schema. Later versions append a migration step below and
// bump kRunStoreSchemaVersion; a database is never written by an older binary.
const char* const kSchemaV1 = R"sql(
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  task_json TEXT NOT NULL,
  seed INTEGER NOT NULL,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  finished_at TEXT,
  prior_version TEXT,
  engine_version TEXT
);
CREATE TABLE steps (
  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  policy TEXT NOT NULL,            -- 'expert:<objective>' or 'merged'
  step INTEGER NOT NULL,
  round INTEGER NOT NULL,
  raw_means TEXT NOT NULL,         -- JSON object, objective -> mean raw value
  transformed_means TEXT NOT NULL, -- JSON object, objective -> mean transformed value
  average_reward REAL,
  icv REAL,
  kl REAL,
  entropy REAL,
  metrics TEXT,                    -- JSON object of domain metrics
  seconds REAL
);
CREATE INDEX steps_by_run ON steps(run, step);
CREATE TABLE merges (
  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  round INTEGER NOT NULL,
  step INTEGER NOT NULL,
  lambda TEXT NOT NULL,            -- JSON array, per objective
  subset TEXT NOT NULL,            -- JSON array of objective indices
  divergence REAL,
  checkpoint TEXT,
  checkpoint_sha256 TEXT,
  PRIMARY KEY (run, round)
);
CREATE TABLE samples (
  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  policy TEXT NOT NULL,            -- 'merged:<round>', 'expert:<objective>' or 'lambda:<json>'
  sequence TEXT NOT NULL,
  raw_values TEXT NOT NULL         -- JSON array, per objective, null where not computable
);
CREATE INDEX samples_by_run ON samples(run, step);
CREATE TABLE front_points (
  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  lambda TEXT NOT NULL,
  means TEXT NOT NULL,
  non_dominated INTEGER NOT NULL
);
)sql";

nlohmann::json
byName(const std::vector<std::string>& names, const std::vector<double>& values)
{
  nlohmann::json object = nlohmann::json::object();
  for (size_t i = 0; i < names.size() && i < values.size(); ++i)
    object[names[i]] = values[i]; // NaN becomes null
  return object;
}

/// A prepared statement that finalises itself.
class Statement
{
public:
  Statement(sqlite3* db, const char* sql, const std::string& path)
    : m_path(path)
  {
    if (sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr) != SQLITE_OK)
      throw StoreError("run database " + path + ": " + sqlite3_errmsg(db));
  }
  ~Statement() { sqlite3_finalize(m_statement); }

  Statement& bind(int index, int64_t value)
  {
    sqlite3_bind_int64(m_statement, index, value);
    return *this;
  }
  Statement& bind(int index, double value)
  {
    sqlite3_bind_double(m_statement, index, value);
    return *this;
  }
  Statement& bind(int index, const std::string& value)
  {
    sqlite3_bind_text(m_statement, index, value.c_str(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
  }

  /// True while there is a row.
  bool step()
  {
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
      return true;
    if (rc == SQLITE_DONE)
      return false;
    throw StoreError("run database " + m_path + ": " +
                     sqlite3_errmsg(sqlite3_db_handle(m_statement)));
  }

  int64_t integer(int column) const { return sqlite3_column_int64(m_statement, column); }
  std::string text(int column) const
  {
    const auto* value = sqlite3_column_text(m_statement, column);
    return value ? reinterpret_cast<const char*>(value) : std::string{};
  }

private:
  sqlite3_stmt* m_statement = nullptr;
  std::string m_path;
};

RunRecord
readRun(Statement& row)
{
  RunRecord run;
  run.id = row.integer(0);
  run.name = row.text(1);
  run.taskJson = row.text(2);
  run.seed = uint64_t(row.integer(3));
  run.status = row.text(4);
  run.startedAt = row.text(5);
  run.finishedAt = row.text(6);
  run.priorVersion = row.text(7);
  run.engineVersion = row.text(8);
  run.steps = row.integer(9);
  run.merges = row.integer(10);
  return run;
}

const char* const kRunColumns =
  "SELECT id, name, task_json, seed, status, started_at, finished_at, prior_version, "
  "engine_version, (SELECT count(*) FROM steps WHERE steps.run = runs.id AND policy != "
  "'merged'), (SELECT count(*) FROM merges WHERE merges.run = runs.id) FROM runs ";

} // namespace

std::string
RunStore::defaultPath()
{
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::string(xdg) + "/paretolab/runs.sqlite";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.local/share/paretolab/runs.sqlite";
  return "runs.sqlite";
}

RunStore::RunStore(const std::string& path)
  : m_path(path)
{
  const std::filesystem::path file(path);
  if (file.has_parent_path())
    std::filesystem::create_directories(file.parent_path());
  if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string message = m_db ? sqlite3_errmsg(m_db) : "cannot open";
    sqlite3_close(m_db);
    m_db = nullptr;
    throw StoreError("run database " + path + ": " + message);
  }
  try {
    // Fail at once instead of waiting forever on another process's write lock.
    sqlite3_busy_timeout(m_db, 2000);
    // Reading the schema first tells a foreign or damaged file apart before any write.
    const int version = schemaVersion();
    if (version > kRunStoreSchemaVersion)
      throw StoreError("run database " + path + " has schema version " + std::to_string(version) +
                       ", written by a newer ParetoLab (this one knows up to " +
                       std::to_string(kRunStoreSchemaVersion) + "); it is left untouched");
    {
      // Scoped: a live statement holds a read transaction, and WAL cannot be
      // switched on inside one.
      Statement check(m_db, "PRAGMA quick_check", path);
      if (!check.step() || check.text(0) != "ok")
        throw StoreError("run database " + path + " is damaged (" + check.text(0) +
                         "); it is left untouched");
    }
    execute("PRAGMA journal_mode = WAL");
    execute("PRAGMA synchronous = FULL");
    execute("PRAGMA foreign_keys = ON");
    migrate();
  } catch (...) {
    sqlite3_close(m_db);
    m_db = nullptr;
    throw;
  }
}

RunStore::~RunStore()
{
  sqlite3_close(m_db);
}

void
RunStore::execute(const std::string& sql) const
{
  char* error = nullptr;
  if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : sqlite3_errmsg(m_db);
    sqlite3_free(error);
    const bool locked =
      sqlite3_errcode(m_db) == SQLITE_BUSY || sqlite3_errcode(m_db) == SQLITE_LOCKED;
    throw StoreError("run database " + m_path + ": " + message +
                     (locked ? " (another ParetoLab process is writing to it)" : ""));
  }
}

int
RunStore::schemaVersion() const
{
  Statement version(m_db, "PRAGMA user_version", m_path);
  return version.step() ? int(version.integer(0)) : 0;
}

void
RunStore::migrate()
{
  const int version = schemaVersion();
  if (version == kRunStoreSchemaVersion)
    return;
  execute("BEGIN IMMEDIATE");
  try {
    if (version < 1)
      execute(kSchemaV1);
    execute("PRAGMA user_version = " + std::to_string(kRunStoreSchemaVersion));
    execute("COMMIT");
  } catch (...) {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

int64_t
RunStore::createRun(const std::string& name,
                    const std::string& taskJson,
                    uint64_t seed,
                    const std::string& priorVersion)
{
  Statement insert(m_db,
                   "INSERT INTO runs (name, task_json, seed, status, prior_version, "
                   "engine_version) VALUES (?, ?, ?, 'running', ?, ?)",
                   m_path);
  insert.bind(1, name).bind(2, taskJson).bind(3, int64_t(seed)).bind(4, priorVersion);
  insert.bind(5, std::string(kParetoLabVersion));
  insert.step();
  return sqlite3_last_insert_rowid(m_db);
}

void
RunStore::recordStep(int64_t run,
                     const StepReport& report,
                     const std::vector<std::string>& objectiveNames)
{
  insertStep(run, "expert:" + objectiveNames.at(size_t(report.expert)), report, objectiveNames);
}

void
RunStore::insertStep(int64_t run,
                     const std::string& policy,
                     const StepReport& report,
                     const std::vector<std::string>& objectiveNames)
{
  Statement insert(m_db,
                   "INSERT INTO steps (run, policy, step, round, raw_means, transformed_means, "
                   "average_reward, icv, kl, entropy, metrics, seconds) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   m_path);
  insert.bind(1, run)
    .bind(2, policy)
    .bind(3, report.step)
    .bind(4, report.round)
    .bind(5, byName(objectiveNames, report.rawMeans).dump())
    .bind(6, byName(objectiveNames, report.transformedMeans).dump())
    .bind(7, report.averageReward)
    .bind(8, report.icv)
    .bind(9, report.klToPrior)
    .bind(10, report.entropy)
    .bind(11, nlohmann::json(report.domainMetrics).dump())
    .bind(12, report.seconds);
  insert.step(); // autocommit: one transaction per report
}

void
RunStore::recordMerge(int64_t run,
                      const MergeReport& report,
                      const std::vector<std::string>& objectiveNames,
                      const std::string& checkpointPath,
                      const std::string& checkpointSha256)
{
  const auto& e = report.evaluation;
  execute("BEGIN IMMEDIATE");
  try {
    Statement merge(m_db,
                    "INSERT OR REPLACE INTO merges (run, round, step, lambda, subset, divergence, "
                    "checkpoint, checkpoint_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    m_path);
    merge.bind(1, run)
      .bind(2, report.round)
      .bind(3, report.step)
      .bind(4, nlohmann::json(report.lambda).dump())
      .bind(5, nlohmann::json(report.subset).dump())
      .bind(6, report.divergence)
      .bind(7, checkpointPath)
      .bind(8, checkpointSha256);
    merge.step();
    // The merged policy's evaluation is one more row of the steps table.
    StepReport merged;
    merged.step = report.step;
    merged.round = report.round;
    merged.rawMeans = e.rawMeans;
    merged.transformedMeans = e.transformedMeans;
    merged.averageReward = e.averageReward;
    merged.icv = e.icv;
    merged.klToPrior = e.klToPrior;
    merged.entropy = e.entropy;
    merged.domainMetrics = e.domainMetrics;
    merged.seconds = report.seconds;
    insertStep(run, "merged", merged, objectiveNames);
    for (size_t i = 0; i < e.samples.size(); ++i) {
      Statement sample(m_db,
                       "INSERT INTO samples (run, step, policy, sequence, raw_values) "
                       "VALUES (?, ?, ?, ?, ?)",
                       m_path);
      sample.bind(1, run)
        .bind(2, report.step)
        .bind(3, "merged:" + std::to_string(report.round))
        .bind(4, e.samples[i])
        .bind(5, nlohmann::json(e.rawScores.at(i)).dump());
      sample.step();
    }
    execute("COMMIT");
  } catch (...) {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void
RunStore::finishRun(int64_t run, const std::string& status)
{
  Statement update(m_db,
                   "UPDATE runs SET status = ?, finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
                   "'now') WHERE id = ?",
                   m_path);
  update.bind(1, status).bind(2, run);
  update.step();
}

void
RunStore::recordFrontPoint(int64_t run,
                           const std::vector<double>& lambda,
                           const std::vector<double>& means,
                           bool nonDominated)
{
  Statement insert(m_db,
                   "INSERT INTO front_points (run, lambda, means, non_dominated) "
                   "VALUES (?, ?, ?, ?)",
                   m_path);
  insert.bind(1, run)
    .bind(2, nlohmann::json(lambda).dump())
    .bind(3, nlohmann::json(means).dump())
    .bind(4, int64_t(nonDominated));
  insert.step();
}

std::vector<std::string>
RunStore::frontPointRowsJson(int64_t run) const
{
  return jsonRows("SELECT json_object('lambda', json(lambda), 'means', json(means), "
                  "'non_dominated', non_dominated) FROM front_points WHERE run = ? ORDER BY rowid",
                  run);
}

void
RunStore::renameRun(int64_t run, const std::string& name)
{
  Statement update(m_db, "UPDATE runs SET name = ? WHERE id = ?", m_path);
  update.bind(1, name).bind(2, run);
  update.step();
}

void
RunStore::deleteRun(int64_t run)
{
  Statement remove(m_db, "DELETE FROM runs WHERE id = ?", m_path);
  remove.bind(1, run);
  remove.step();
}

std::vector<RunRecord>
RunStore::runs() const
{
  Statement query(m_db, (std::string(kRunColumns) + "ORDER BY id").c_str(), m_path);
  std::vector<RunRecord> records;
  while (query.step())
    records.push_back(readRun(query));
  return records;
}

std::optional<RunRecord>
RunStore::run(int64_t id) const
{
  Statement query(m_db, (std::string(kRunColumns) + "WHERE id = ?").c_str(), m_path);
  query.bind(1, id);
  if (!query.step())
    return std::nullopt;
  return readRun(query);
}

std::optional<RunRecord>
RunStore::latestInterrupted() const
{
  Statement query(
    m_db,
    (std::string(kRunColumns) + "WHERE status = 'running' ORDER BY id DESC LIMIT 1").c_str(),
    m_path);
  if (!query.step())
    return std::nullopt;
  return readRun(query);
}

std::optional<RunStore::MergeCheckpoint>
RunStore::lastCheckpoint(int64_t run) const
{
  Statement query(m_db,
                  "SELECT round, step, checkpoint, checkpoint_sha256 FROM merges WHERE run = ? "
                  "AND checkpoint != '' ORDER BY round DESC LIMIT 1",
                  m_path);
  query.bind(1, run);
  if (!query.step())
    return std::nullopt;
  return MergeCheckpoint{ query.integer(0), query.integer(1), query.text(2), query.text(3) };
}

void
RunStore::discardAfter(int64_t run, int64_t step)
{
  execute("BEGIN IMMEDIATE");
  try {
    for (const char* sql : { "DELETE FROM steps WHERE run = ? AND step > ?",
                             "DELETE FROM samples WHERE run = ? AND step > ?",
                             "DELETE FROM merges WHERE run = ? AND step > ?" }) {
      Statement remove(m_db, sql, m_path);
      remove.bind(1, run).bind(2, step);
      remove.step();
    }
    Statement update(
      m_db, "UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?", m_path);
    update.bind(1, run);
    update.step();
    execute("COMMIT");
  } catch (...) {
    sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

std::vector<std::string>
RunStore::jsonRows(const char* sql, int64_t run) const
{
  Statement query(m_db, sql, m_path);
  query.bind(1, run);
  std::vector<std::string> rows;
  while (query.step())
    rows.push_back(query.text(0));
  return rows;
}

std::vector<std::string>
RunStore::stepRowsJson(int64_t run) const
{
  return jsonRows("SELECT json_object('policy', policy, 'step', step, 'round', round, "
                  "'raw_means', json(raw_means), 'transformed_means', json(transformed_means), "
                  "'average_reward', average_reward, 'icv', icv, 'kl', kl, 'entropy', entropy, "
                  "'metrics', json(metrics), 'seconds', seconds) FROM steps WHERE run = ? "
                  "ORDER BY rowid",
                  run);
}

std::vector<std::string>
RunStore::mergeRowsJson(int64_t run) const
{
  return jsonRows("SELECT json_object('round', round, 'step', step, 'lambda', json(lambda), "
                  "'subset', json(subset), 'divergence', divergence, 'checkpoint', checkpoint, "
                  "'checkpoint_sha256', checkpoint_sha256) FROM merges WHERE run = ? "
                  "ORDER BY round",
                  run);
}

std::vector<std::string>
RunStore::sampleRowsJson(int64_t run) const
{
  return jsonRows("SELECT json_object('step', step, 'policy', policy, 'sequence', sequence, "
                  "'raw_values', json(raw_values)) FROM samples WHERE run = ? ORDER BY rowid",
                  run);
}

std::string
runCheckpointDirectory(const RunStore& store, int64_t run)
{
  return (std::filesystem::path(store.path()).parent_path() / "checkpoints" /
          ("run-" + std::to_string(run)))
    .string();
}

} // namespace paretolab::engine
