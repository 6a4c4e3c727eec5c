// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/runstore.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace paretolab::engine;

namespace {

const std::vector<std::string> kObjectives{ "qed", "sa" };

StepReport
step(int64_t number, int expert)
{
  StepReport report;
  report.step = number;
  report.round = 1 + (number - 1) / 2;
  report.expert = expert;
  report.rawMeans = { 0.5, std::nan("") };
  report.transformedMeans = { 0.5, 0.25 };
  report.averageReward = 0.375;
  report.domainMetrics = { { "validity", 0.9 } };
  return report;
}

MergeReport
merge(int64_t round)
{
  MergeReport report;
  report.round = round;
  report.step = 2 * round;
  report.lambda = { 0.5, 0.5 };
  report.subset = { 0, 1 };
  report.evaluation.transformedMeans = { 0.6, 0.4 };
  report.evaluation.rawMeans = { 0.6, 3.0 };
  report.evaluation.samples = { "CCO", "c1ccccc1" };
  report.evaluation.rawScores = { { 0.4, 1.9 }, { 0.44, std::nan("") } };
  return report;
}

} // namespace

class TestRunStore : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void init() { QVERIFY(m_dir.isValid()); }

  void recordsARunAndReadsItBackAfterReopening()
  {
    const auto path = m_dir.filePath(QStringLiteral("runs.sqlite")).toStdString();
    int64_t id = 0;
    {
      RunStore store(path);
      QCOMPARE(store.schemaVersion(), kRunStoreSchemaVersion);
      id = store.createRun("first", R"({"domain":"molecules"})", 7, "prior-abc");
      store.recordStep(id, step(1, 0), kObjectives);
      store.recordStep(id, step(1, 1), kObjectives);
      store.recordMerge(id, merge(1), kObjectives, "/tmp/round1.plckpt", "ab12");
    }
    RunStore store(path);
    const auto runs = store.runs();
    QCOMPARE(runs.size(), size_t(1));
    QCOMPARE(runs[0].name, std::string("first"));
    QCOMPARE(runs[0].seed, uint64_t(7));
    QCOMPARE(runs[0].status, std::string("running"));
    QCOMPARE(runs[0].steps, int64_t(1)); // one step of two experts
    QCOMPARE(runs[0].merges, int64_t(1));
    QCOMPARE(store.latestInterrupted()->id, id); // killed runs stay "running"

    const auto steps = store.steps(id, kObjectives);
    QCOMPARE(steps.size(), size_t(3)); // two expert steps and the merged policy
    QCOMPARE(steps[0].policy, std::string("expert:qed"));
    QCOMPARE(steps[0].expert, 0);
    QCOMPARE(steps[1].expert, 1);
    QCOMPARE(steps[2].expert, -1);                   // the merged policy
    QVERIFY(std::isnan(steps[0].rawMeans.at("sa"))); // NaN survives the round trip
    QCOMPARE(steps[0].metrics.at("validity"), 0.9);
    const auto merges = store.merges(id);
    QCOMPARE(merges[0].checkpointSha256, std::string("ab12"));
    QCOMPARE(merges[0].lambda, (std::vector<double>{ 0.5, 0.5 }));
    QCOMPARE(merges[0].subset, (std::vector<int>{ 0, 1 }));
    const auto samples = store.samples(id);
    QCOMPARE(samples.size(), size_t(2));
    QCOMPARE(samples[1].sample, std::string("c1ccccc1"));
    QVERIFY(std::isnan(samples[1].raw[1]));
    QVERIFY(samples[0].context.empty()); // an unconditional domain
    store.recordFrontPoint(id,
                           { .kind = "sweep",
                             .round = 3,
                             .lambda = { 0.25, 0.75 },
                             .means = { 0.5, 0.6 },
                             .rawMeans = { 0.5, 2.5 },
                             .nonDominated = true });
    const auto front = store.frontPoints(id).at(0);
    QCOMPARE(front.kind, std::string("sweep"));
    QCOMPARE(front.round, int64_t(3));
    QCOMPARE(front.lambda[1], 0.75);
    QCOMPARE(front.rawMeans[1], 2.5);
    QVERIFY(front.nonDominated);

    store.finishRun(id, "finished");
    store.renameRun(id, "renamed");
    QCOMPARE(store.run(id)->status, std::string("finished"));
    QCOMPARE(store.run(id)->name, std::string("renamed"));
    QVERIFY(!store.latestInterrupted());
    store.deleteRun(id);
    QVERIFY(store.runs().empty());
    QVERIFY(store.steps(id, kObjectives).empty()); // deleted with the run
  }

  // Schema v4: a MORLHF policy's steps, the experts' KL at a merge, each
  // sample's rewards and the figures over the valid, unique samples.
  void keepsWhatTheFidelityFiguresNeed()
  {
    RunStore store(m_dir.filePath(QStringLiteral("v4.sqlite")).toStdString());
    const auto id = store.createRun("morlhf", "{}", 1, "");
    store.recordStep(id, step(1, -1), kObjectives);
    auto report = merge(1);
    report.divergence = 0.125;
    report.klDivergence = 0.0625;
    report.evaluation.rewards = { { 0.4, 0.9 }, { 0.44, -1.0 } };
    report.evaluation.validUnique = {
      .count = 1, .transformedMeans = { 0.4, 0.9 }, .averageReward = 0.65, .icv = 3.5
    };
    store.recordMerge(id, report, kObjectives, "", "");

    const auto steps = store.steps(id, kObjectives);
    QCOMPARE(steps[0].policy, std::string("policy"));
    QCOMPARE(steps[0].expert, -1);
    QVERIFY(!steps[0].isEvaluation());
    QVERIFY(steps[1].isEvaluation());
    QVERIFY(!steps[0].validUnique);
    QCOMPARE(steps[1].validUnique->count, int64_t(1));
    QCOMPARE(steps[1].validUnique->averageReward, 0.65);
    QCOMPARE(steps[1].validUnique->transformedMeans, (std::vector<double>{ 0.4, 0.9 }));
    QCOMPARE(store.run(id)->steps, int64_t(1));
    QCOMPARE(store.merges(id)[0].divergence, 0.125);
    QCOMPARE(store.merges(id)[0].klDivergence, 0.0625);
    QCOMPARE(store.samples(id)[1].rewards, (std::vector<double>{ 0.44, -1.0 }));
  }

  void keepsEachSamplesContext()
  {
    const auto path = m_dir.filePath(QStringLiteral("contexts.sqlite")).toStdString();
    RunStore store(path);
    const auto id = store.createRun("prompted", "{}", 1, "");
    auto report = merge(1);
    report.evaluation.contexts = { SampleContext{
                                     "pkg-a", "long text <sep>", { { "reference", "short" } } },
                                   SampleContext{ "pkg-b", "other <sep>", {} } };
    store.recordMerge(id, report, kObjectives);
    const auto samples = store.samples(id);
    QCOMPARE(samples[0].context.id, std::string("pkg-a"));
    QCOMPARE(samples[0].context.field("reference"), std::string("short"));
    QCOMPARE(samples[1].context.prompt, std::string("other <sep>"));
  }

  // Steps are training steps, not rows: three experts in each of 5 steps are 5 steps.
  // Merges count rounds after the prior's round 0.
  void countsStepsAndMergesAsAUserDoes()
  {
    const auto path = m_dir.filePath(QStringLiteral("counts.sqlite")).toStdString();
    RunStore store(path);
    const auto id = store.createRun("counted", "{}", 1, "");
    auto prior = merge(0);
    prior.step = 0;
    store.recordMerge(id, prior, kObjectives);
    for (int number = 1; number <= 5; ++number)
      for (int expert : { 0, 1 })
        store.recordStep(id, step(number, expert), kObjectives);
    store.recordMerge(id, merge(2), kObjectives);
    QCOMPARE(store.run(id)->steps, int64_t(5));
    QCOMPARE(store.run(id)->merges, int64_t(1));
  }

  void refusesFilesItMustNotWriteInto_data()
  {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a database")
      << QStringLiteral("garbage") << QStringLiteral("not a database");
    QTest::newRow("newer schema") << QStringLiteral("newer") << QStringLiteral("newer ParetoLab");
    QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("run database");
    QTest::newRow("symbolic link")
      << QStringLiteral("symlink") << QStringLiteral("symbolic link to");
  }

  void refusesFilesItMustNotWriteInto()
  {
    QFETCH(QString, damage);
    QFETCH(QString, message);
    const auto path = m_dir.filePath(damage + QStringLiteral(".sqlite")).toStdString();
    if (damage == QStringLiteral("garbage")) {
      std::ofstream(path) << std::string(5000, 'x');
    } else {
      {
        RunStore store(path);
        const auto id = store.createRun("r", "{}", 1, "");
        for (int i = 1; i <= 200; ++i)
          store.recordStep(id, step(i, 0), kObjectives);
      }
      if (damage == QStringLiteral("symlink")) {
        const auto target = path + ".target";
        std::filesystem::rename(path, target);
        std::filesystem::create_symlink(target, path);
      } else if (damage == QStringLiteral("newer")) {
        sqlite3* db = nullptr;
        sqlite3_open(path.c_str(), &db);
        sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
        sqlite3_close(db);
      } else {
        std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
      }
    }
    const auto before = std::filesystem::file_size(path);
    try {
      RunStore store(path);
      QFAIL("a damaged or foreign database opened");
    } catch (const StoreError& e) {
      const QString what = QString::fromUtf8(e.what());
      QVERIFY2(what.contains(message), qPrintable(what));
      QVERIFY2(what.contains(QString::fromStdString(path)), qPrintable(what));
    }
    QCOMPARE(std::filesystem::file_size(path), before); // left untouched
  }

  // A database written by schema v1 (tests/data/store/runs-v1.sqlite, a real
  // four-step toy run) opens and reads with the current schema; when the schema
  // moves on, this is where its migration is proved.
  void opensAndMigratesASchemaV1Database()
  {
    const auto copy = m_dir.filePath(QStringLiteral("v1.sqlite")).toStdString();
    std::filesystem::copy_file(PARETOLAB_SOURCE_DIR "/tests/data/store/runs-v1.sqlite", copy);
    RunStore store(copy);
    QCOMPARE(store.schemaVersion(), kRunStoreSchemaVersion);
    const auto runs = store.runs();
    QCOMPARE(runs.size(), size_t(1));
    QCOMPARE(runs[0].name, std::string("Toy bit strings"));
    QCOMPARE(runs[0].status, std::string("finished"));
    QCOMPARE(runs[0].steps, int64_t(4));  // four steps of three experts each
    QCOMPARE(runs[0].merges, int64_t(1)); // the prior's round 0 is not a merge
    const std::vector<std::string> toy{ "ones", "alternation", "pattern" };
    QCOMPARE(store.steps(runs[0].id, toy).size(), size_t(14));  // 12 expert rows, 2 merged
    QVERIFY(store.samples(runs[0].id).front().context.empty()); // v1 had no contexts
    QVERIFY(store.samples(runs[0].id).front().rewards.empty()); // nor rewards
    QVERIFY(std::isnan(store.merges(runs[0].id).front().klDivergence));
    QVERIFY(store.createRun("after migration", "{}", 1, "") > runs[0].id);
  }

  void reportsALockHeldByAnotherWriter()
  {
    const auto path = m_dir.filePath(QStringLiteral("locked.sqlite")).toStdString();
    RunStore store(path);
    sqlite3* other = nullptr;
    sqlite3_open(path.c_str(), &other);
    QCOMPARE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    try {
      store.createRun("blocked", "{}", 1, "");
      QFAIL("wrote while another connection held the write lock");
    } catch (const StoreError& e) {
      QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("locked")), e.what());
    }
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    QVERIFY(store.createRun("after", "{}", 1, "") > 0);
  }

private:
  QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestRunStore)
#include "tst_runstore.moc"
