// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/runstore.h"

#include "core/paths.h"
#include "store/runrecorder.h"

#include "paretolab_version.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <limits>
#include <type_traits>

namespace paretolab::engine {

namespace {

// Version 1 of the schema. Later versions add a migration step in migrate()
// and bump kRunStoreSchemaVersion; a database is never written by an older binary.
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

// Version 2: each sample keeps the context it was generated from (a prompt, a
// source and its reference), as JSON; NULL for unconditional domains. Front
// points say what they are (a slider re-merge or a sweep point), whose round's
// experts they merged, and their raw means, so that they can be shown again.
const char* const kMigrateToV2 = R"sql(
ALTER TABLE samples ADD COLUMN context TEXT;
ALTER TABLE front_points ADD COLUMN kind TEXT NOT NULL DEFAULT 'remerged';
ALTER TABLE front_points ADD COLUMN round INTEGER;
ALTER TABLE front_points ADD COLUMN raw_means TEXT;
)sql";

// Version 3: the ICV is taken over samples, as the paper's figures are; the
// old figure, over per-objective means, is kept as the objective balance.
const char* const kMigrateToV3 = "ALTER TABLE steps ADD COLUMN objective_balance REAL;";

// Version 4: the KL between the experts at each merge; each sample's
// transformed rewards as the trainer computed them; and the merged policy's
// figures over its valid, unique samples.
const char* const kMigrateToV4 = R"sql(
ALTER TABLE merges ADD COLUMN kl_divergence REAL;
ALTER TABLE samples ADD COLUMN rewards TEXT;
ALTER TABLE steps ADD COLUMN valid_unique TEXT;
)sql";

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

nlohmann::json
byName(const std::vector<std::string>& names, const std::vector<double>& values)
{
  nlohmann::json object = nlohmann::json::object();
  for (size_t i = 0; i < names.size() && i < values.size(); ++i)
    object[names[i]] = values[i]; // NaN becomes null
  return object;
}

std::map<std::string, double>
numbersByName(const std::string& text)
{
  std::map<std::string, double> values;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_object())
    for (const auto& [name, value] : json.items())
      values[name] = value.is_number() ? value.get<double>() : kNaN;
  return values;
}

template<typename T>
std::vector<T>
numberList(const std::string& text)
{
  std::vector<T> values;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array())
    return values;
  for (const auto& value : json) {
    if constexpr (std::is_floating_point_v<T>)
      values.push_back(value.is_number() ? value.get<T>() : T(kNaN));
    else
      values.push_back(value.is_number() ? value.get<T>() : T{});
  }
  return values;
}

nlohmann::json
subsetJson(const PolicyEvaluation::Subset& subset, const std::vector<std::string>& names)
{
  return { { "count", subset.count },
           { "average_reward", subset.averageReward },
           { "icv", subset.icv },
           { "transformed_means", byName(names, subset.transformedMeans) } };
}

PolicyEvaluation::Subset
subsetFromJson(const std::string& text, const std::vector<std::string>& names)
{
  PolicyEvaluation::Subset subset;
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_object())
    return subset;
  const auto number = [&](const char* key) {
    const auto found = json.find(key);
    return found != json.end() && found->is_number() ? found->get<double>() : kNaN;
  };
  subset.count = int64_t(number("count"));
  subset.averageReward = number("average_reward");
  subset.icv = number("icv");
  const auto means =
    numbersByName(json.value("transformed_means", nlohmann::json::object()).dump());
  for (const auto& name : names) {
    const auto found = means.find(name);
    subset.transformedMeans.push_back(found == means.end() ? kNaN : found->second);
  }
  return subset;
}

RunRecord
readRun(const SqliteStatement& row)
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

// Steps are counted by the last step reached, not by rows: every step has one
// row per expert that trained in it. Round 0 is the prior, not a merge.
const char* const kRunColumns =
  "SELECT id, name, task_json, seed, status, started_at, finished_at, prior_version, "
  "engine_version, (SELECT coalesce(max(step), 0) FROM steps WHERE steps.run = runs.id AND "
  "policy != 'merged'), (SELECT count(*) FROM merges WHERE merges.run = runs.id AND round > 0) "
  "FROM runs ";

} // namespace

std::string
RunStore::defaultPath()
{
  return defaultDataDirectory() + "/runs.sqlite";
}

namespace {

/// A run database reached through a symbolic link is refused, naming where it
/// leads: runs, checkpoints and WAL files would otherwise land beside a file
/// the user did not name.
const std::string&
refuseSymbolicLink(const std::string& path)
{
  std::error_code error;
  if (std::filesystem::is_symlink(path, error))
    throw StoreError("the run database " + path + " is a symbolic link to " +
                     std::filesystem::read_symlink(path, error).string() +
                     "; ParetoLab does not follow it: open that file itself");
  return path;
}

} // namespace

RunStore::RunStore(const std::string& path)
  : m_db(refuseSymbolicLink(path), "run database")
{
  // Reading the schema first tells a foreign or damaged file apart before any write.
  const int version = schemaVersion();
  if (version > kRunStoreSchemaVersion)
    throw StoreError(m_db.describe() + " has schema version " + std::to_string(version) +
                     ", written by a newer ParetoLab (this one knows up to " +
                     std::to_string(kRunStoreSchemaVersion) + "); it is left untouched");
  m_db.requireIntact();
  m_db.execute("PRAGMA journal_mode = WAL");
  m_db.execute("PRAGMA synchronous = FULL");
  m_db.execute("PRAGMA foreign_keys = ON");
  migrate();
}

int
RunStore::schemaVersion() const
{
  return m_db.userVersion();
}

void
RunStore::migrate()
{
  const int version = schemaVersion();
  if (version == kRunStoreSchemaVersion)
    return;
  m_db.transaction([&] {
    if (version < 1)
      m_db.execute(kSchemaV1);
    if (version < 2)
      m_db.execute(kMigrateToV2);
    if (version < 3)
      m_db.execute(kMigrateToV3);
    if (version < 4)
      m_db.execute(kMigrateToV4);
    m_db.execute("PRAGMA user_version = " + std::to_string(kRunStoreSchemaVersion));
  });
}

int64_t
RunStore::createRun(const std::string& name,
                    const std::string& taskJson,
                    uint64_t seed,
                    const std::string& priorVersion)
{
  auto insert = m_db.prepare("INSERT INTO runs (name, task_json, seed, status, prior_version, "
                             "engine_version) VALUES (?, ?, ?, 'running', ?, ?)");
  insert.bind(1, name).bind(2, taskJson).bind(3, int64_t(seed)).bind(4, priorVersion);
  insert.bind(5, std::string(kParetoLabVersion));
  insert.step();
  return m_db.lastInsertId();
}

void
RunStore::recordStep(int64_t run,
                     const StepReport& report,
                     const std::vector<std::string>& objectiveNames)
{
  // A single MORLHF policy trains as no one objective's expert.
  const auto policy = report.expert < 0 ? std::string("policy")
                                        : "expert:" + objectiveNames.at(size_t(report.expert));
  insertStep(run, policy, report, objectiveNames);
}

void
RunStore::insertStep(int64_t run,
                     const std::string& policy,
                     const StepReport& report,
                     const std::vector<std::string>& objectiveNames,
                     const PolicyEvaluation::Subset* validUnique)
{
  auto insert = m_db.prepare("INSERT INTO steps (run, policy, step, round, raw_means, "
                             "transformed_means, average_reward, icv, kl, entropy, metrics, "
                             "seconds, objective_balance, valid_unique) VALUES (?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, ?, ?, ?, ?, ?)");
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
    .bind(12, report.seconds)
    .bind(13, report.objectiveBalance);
  if (validUnique)
    insert.bind(14, subsetJson(*validUnique, objectiveNames).dump());
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
  m_db.transaction([&] {
    auto merge = m_db.prepare("INSERT OR REPLACE INTO merges (run, round, step, lambda, subset, "
                              "divergence, checkpoint, checkpoint_sha256, kl_divergence) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    merge.bind(1, run)
      .bind(2, report.round)
      .bind(3, report.step)
      .bind(4, nlohmann::json(report.lambda).dump())
      .bind(5, nlohmann::json(report.subset).dump())
      .bind(6, report.divergence)
      .bind(7, checkpointPath)
      .bind(8, checkpointSha256)
      .bind(9, report.klDivergence);
    merge.step();
    // The merged policy's evaluation is one more row of the steps table.
    StepReport merged;
    merged.step = report.step;
    merged.round = report.round;
    merged.rawMeans = e.rawMeans;
    merged.transformedMeans = e.transformedMeans;
    merged.averageReward = e.averageReward;
    merged.icv = e.icv;
    merged.objectiveBalance = e.objectiveBalance;
    merged.klToPrior = e.klToPrior;
    merged.entropy = e.entropy;
    merged.domainMetrics = e.domainMetrics;
    merged.seconds = report.seconds;
    insertStep(run, "merged", merged, objectiveNames, &e.validUnique);
    auto sample = m_db.prepare("INSERT INTO samples (run, step, policy, sequence, raw_values, "
                               "context, rewards) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (size_t i = 0; i < e.samples.size(); ++i) {
      sample.reset();
      sample.bind(1, run)
        .bind(2, report.step)
        .bind(3, "merged:" + std::to_string(report.round))
        .bind(4, e.samples[i])
        .bind(5, nlohmann::json(e.rawScores.at(i)).dump());
      if (i < e.contexts.size() && !e.contexts[i].empty())
        sample.bind(6, e.contexts[i].toJson().dump());
      if (i < e.rewards.size())
        sample.bind(7, nlohmann::json(e.rewards[i]).dump());
      sample.step();
    }
  });
}

void
RunStore::finishRun(int64_t run, const std::string& status)
{
  auto update = m_db.prepare("UPDATE runs SET status = ?, finished_at = "
                             "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
  update.bind(1, status).bind(2, run);
  update.step();
}

void
RunStore::recordFrontPoint(int64_t run, const FrontPointRow& point)
{
  auto insert = m_db.prepare("INSERT INTO front_points (run, lambda, means, non_dominated, kind, "
                             "round, raw_means) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, run)
    .bind(2, nlohmann::json(point.lambda).dump())
    .bind(3, nlohmann::json(point.means).dump())
    .bind(4, int64_t(point.nonDominated))
    .bind(5, point.kind)
    .bind(6, point.round)
    .bind(7, nlohmann::json(point.rawMeans).dump());
  insert.step();
}

void
RunStore::renameRun(int64_t run, const std::string& name)
{
  auto update = m_db.prepare("UPDATE runs SET name = ? WHERE id = ?");
  update.bind(1, name).bind(2, run);
  update.step();
}

void
RunStore::deleteRun(int64_t run)
{
  auto remove = m_db.prepare("DELETE FROM runs WHERE id = ?");
  remove.bind(1, run);
  remove.step();
}

std::vector<RunRecord>
RunStore::runs() const
{
  auto query = m_db.prepare(std::string(kRunColumns) + "ORDER BY id");
  std::vector<RunRecord> records;
  while (query.step())
    records.push_back(readRun(query));
  return records;
}

std::optional<RunRecord>
RunStore::run(int64_t id) const
{
  auto query = m_db.prepare(std::string(kRunColumns) + "WHERE id = ?");
  query.bind(1, id);
  if (!query.step())
    return std::nullopt;
  return readRun(query);
}

std::optional<RunRecord>
RunStore::latestInterrupted() const
{
  auto query =
    m_db.prepare(std::string(kRunColumns) + "WHERE status = 'running' ORDER BY id DESC LIMIT 1");
  if (!query.step())
    return std::nullopt;
  return readRun(query);
}

std::optional<RunStore::MergeCheckpoint>
RunStore::lastCheckpoint(int64_t run) const
{
  auto query = m_db.prepare("SELECT round, step, checkpoint, checkpoint_sha256 FROM merges "
                            "WHERE run = ? AND checkpoint != '' ORDER BY round DESC LIMIT 1");
  query.bind(1, run);
  if (!query.step())
    return std::nullopt;
  return MergeCheckpoint{ query.integer(0), query.integer(1), query.text(2), query.text(3) };
}

void
RunStore::discardAfter(int64_t run, int64_t step)
{
  m_db.transaction([&] {
    for (const char* sql : { "DELETE FROM steps WHERE run = ? AND step > ?",
                             "DELETE FROM samples WHERE run = ? AND step > ?",
                             "DELETE FROM merges WHERE run = ? AND step > ?" }) {
      auto remove = m_db.prepare(sql);
      remove.bind(1, run).bind(2, step);
      remove.step();
    }
    auto update =
      m_db.prepare("UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?");
    update.bind(1, run);
    update.step();
  });
}

std::vector<StepRow>
RunStore::steps(int64_t run, const std::vector<std::string>& objectiveNames) const
{
  auto query = m_db.prepare("SELECT policy, step, round, raw_means, transformed_means, "
                            "average_reward, icv, kl, entropy, metrics, seconds, "
                            "objective_balance, valid_unique FROM steps "
                            "WHERE run = ? ORDER BY rowid");
  query.bind(1, run);
  std::vector<StepRow> rows;
  while (query.step()) {
    StepRow row;
    row.policy = query.text(0);
    const std::string expertPrefix = "expert:";
    if (row.policy.rfind(expertPrefix, 0) == 0) {
      const auto name = row.policy.substr(expertPrefix.size());
      for (size_t i = 0; i < objectiveNames.size(); ++i)
        if (objectiveNames[i] == name)
          row.expert = int(i);
    }
    row.step = query.integer(1);
    row.round = query.integer(2);
    row.rawMeans = numbersByName(query.text(3));
    row.transformedMeans = numbersByName(query.text(4));
    row.averageReward = query.real(5);
    row.icv = query.real(6);
    row.kl = query.real(7);
    row.entropy = query.real(8);
    row.metrics = numbersByName(query.text(9));
    row.seconds = query.real(10);
    row.objectiveBalance = query.real(11);
    if (!query.isNull(12))
      row.validUnique = subsetFromJson(query.text(12), objectiveNames);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<MergeRow>
RunStore::merges(int64_t run) const
{
  auto query = m_db.prepare("SELECT round, step, lambda, subset, divergence, checkpoint, "
                            "checkpoint_sha256, kl_divergence FROM merges WHERE run = ? "
                            "ORDER BY round");
  query.bind(1, run);
  std::vector<MergeRow> rows;
  while (query.step())
    rows.push_back({ query.integer(0),
                     query.integer(1),
                     numberList<double>(query.text(2)),
                     numberList<int>(query.text(3)),
                     query.real(4),
                     query.isNull(7) ? kNaN : query.real(7),
                     query.text(5),
                     query.text(6) });
  return rows;
}

std::vector<SampleRow>
RunStore::samples(int64_t run) const
{
  auto query = m_db.prepare("SELECT step, policy, sequence, raw_values, context, rewards "
                            "FROM samples WHERE run = ? ORDER BY rowid");
  query.bind(1, run);
  std::vector<SampleRow> rows;
  while (query.step()) {
    SampleRow row;
    row.step = query.integer(0);
    row.policy = query.text(1);
    row.sample = query.text(2);
    row.raw = numberList<double>(query.text(3));
    if (!query.isNull(4))
      row.context = SampleContext::fromJson(nlohmann::json::parse(query.text(4), nullptr, false));
    if (!query.isNull(5))
      row.rewards = numberList<double>(query.text(5));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<FrontPointRow>
RunStore::frontPoints(int64_t run) const
{
  auto query = m_db.prepare("SELECT kind, round, lambda, means, raw_means, non_dominated "
                            "FROM front_points WHERE run = ? ORDER BY rowid");
  query.bind(1, run);
  std::vector<FrontPointRow> rows;
  while (query.step())
    rows.push_back({ query.text(0),
                     query.isNull(1) ? -1 : query.integer(1),
                     numberList<double>(query.text(2)),
                     numberList<double>(query.text(3)),
                     query.isNull(4) ? std::vector<double>{} : numberList<double>(query.text(4)),
                     query.integer(5) != 0 });
  return rows;
}

std::string
runCheckpointDirectory(const RunStore& store, int64_t run)
{
  return (std::filesystem::path(store.path()).parent_path() / "checkpoints" /
          ("run-" + std::to_string(run)))
    .string();
}

} // namespace paretolab::engine
