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
    QCOMPARE(runs[0].steps, int64_t(2));
    QCOMPARE(runs[0].merges, int64_t(1));
    QCOMPARE(store.latestInterrupted()->id, id); // killed runs stay "running"

    const auto steps = store.stepRowsJson(id);
    QCOMPARE(steps.size(), size_t(3)); // two expert steps and the merged policy
    const auto first = nlohmann::json::parse(steps[0]);
    QCOMPARE(first["policy"].get<std::string>(), std::string("expert:qed"));
    QVERIFY(first["raw_means"]["sa"].is_null()); // NaN is stored as null
    QCOMPARE(first["metrics"]["validity"].get<double>(), 0.9);
    const auto merges = store.mergeRowsJson(id);
    QCOMPARE(nlohmann::json::parse(merges[0])["checkpoint_sha256"].get<std::string>(),
             std::string("ab12"));
    QCOMPARE(store.sampleRowsJson(id).size(), size_t(2));
    store.recordFrontPoint(id, { 0.25, 0.75 }, { 0.5, 0.6 }, true);
    const auto front = nlohmann::json::parse(store.frontPointRowsJson(id).at(0));
    QCOMPARE(front["lambda"][1].get<double>(), 0.75);
    QCOMPARE(front["non_dominated"].get<int>(), 1);

    store.finishRun(id, "finished");
    store.renameRun(id, "renamed");
    QCOMPARE(store.run(id)->status, std::string("finished"));
    QCOMPARE(store.run(id)->name, std::string("renamed"));
    QVERIFY(!store.latestInterrupted());
    store.deleteRun(id);
    QVERIFY(store.runs().empty());
    QVERIFY(store.stepRowsJson(id).empty()); // deleted with the run
  }

  void refusesFilesItMustNotWriteInto_data()
  {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a database")
      << QStringLiteral("garbage") << QStringLiteral("not a database");
    QTest::newRow("newer schema") << QStringLiteral("newer") << QStringLiteral("newer ParetoLab");
    QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("run database");
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
      if (damage == QStringLiteral("newer")) {
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
    QCOMPARE(runs[0].steps, int64_t(12));
    QCOMPARE(store.stepRowsJson(runs[0].id).size(), size_t(14)); // 12 expert steps, 2 merges
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
