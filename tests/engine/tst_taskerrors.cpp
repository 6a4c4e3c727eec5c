// SPDX-License-Identifier: GPL-3.0-or-later
// A task file that cannot be used is refused with a message that names the
// file, the line and the key.
#include "train/taskconfig.h"

#include "support/taskfiles.h"

#include <QtTest>

#include <string>

using namespace paretolab::engine;
using namespace paretolab::engine::testing;

class TestTaskErrors : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void rejectsBadTask_data()
  {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("keyPath");
    QTest::addColumn<int>("line"); // 0: the key is not in the file, so no line
    QTest::addColumn<QString>("mentions");

    addBadTask("unknown top-level key", "colour", 4, "unknown key", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "colour": "blue"
})");

    addBadTask("misspelt key in training.ppo", "training.ppo.lerning_rate", 8, "unknown key", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "total_steps": 10,
    "ppo": {
      "clip": 0.2,
      "lerning_rate": 0.001
    }
  }
})");

    addBadTask(
      "misspelt key in training.adaptive", "training.adaptive.enable", 5, "unknown key", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "adaptive": { "enable": true }
  }
})");

    addBadTask("misspelt key in an objective", "objectives.0.wieght", 4, "unknown key", R"({
  "domain": "toy",
  "objectives": [
    { "name": "ones", "wieght": 2 }
  ]
})");

    addBadTask("rollouts truncated by top_p", "training.ppo.top_p", 5, "evaluation.top_p", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "ppo": { "top_p": 0.9 }
  }
})");

    addBadTask("unknown method", "method", 4, "iterativers, morlhf, rs", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" }, { "name": "pattern" } ],
  "method": "morl"
})");

    addBadTask("MORLHF with a subset", "training.subset_size", 4, "one policy", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" }, { "name": "pattern" } ],
  "training": { "subset_size": 1 },
  "method": "morlhf"
})");

    addBadTask("unknown optimizer_at_merge", "training.optimizer_at_merge", 4, "merge", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": { "optimizer_at_merge": "average" }
})");

    addBadTask("unknown selection criterion",
               "training.merge.selection.criterion",
               5,
               "pareto",
               R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "merge": { "selection": { "candidates": 4, "criterion": "best" } }
  }
})");

    const char* const mergePeriod = R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "total_steps": 10,
    "merge_period": %1
  }
})";
    const auto withPeriod = [&](const char* value) {
      return QString::fromLatin1(mergePeriod).arg(QLatin1String(value)).toUtf8();
    };
    addBadTask("merge_period 0", "training.merge_period", 6, "at least 1", withPeriod("0"));
    addBadTask("merge_period -1", "training.merge_period", 6, "at least 1", withPeriod("-1"));
    addBadTask("merge_period \"X\"", "training.merge_period", 6, "got \"X\"", withPeriod("\"X\""));
    addBadTask("merge_period 2.5", "training.merge_period", 6, "integer", withPeriod("2.5"));

    addBadTask("subset_size above the objective count",
               "training.subset_size",
               5,
               "number of objectives (2)",
               R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" }, { "name": "pattern" } ],
  "training": {
    "subset_size": 3
  }
})");

    addBadTask("unknown domain",
               "domain",
               3,
               "unknown domain \"chess\" (available: dna, molecules, text, toy)",
               R"({
  "name": "chess task",
  "domain": "chess",
  "objectives": [ { "name": "ones" } ]
})");

    addBadTask("missing domain", "domain", 0, "is required", R"({
  "objectives": [ { "name": "ones" } ]
})");

    addBadTask(
      "bad domain option", "domain_options", 3, "length must be an integer from 2 to 64", R"({
  "domain": "toy",
  "domain_options": { "length": 1 },
  "objectives": [ { "name": "ones" } ]
})");

    addBadTask("unknown domain option", "domain_options", 3, "no option 'colour'", R"({
  "domain": "toy",
  "domain_options": { "colour": 1 },
  "objectives": [ { "name": "ones" } ]
})");

    addBadTask("unknown objective name",
               "objectives.0.name",
               4,
               "\"zeros\" is not an objective of the toy domain",
               R"({
  "domain": "toy",
  "objectives": [
    { "name": "zeros", "weight": 1 }
  ]
})");

    addBadTask("duplicate objective",
               "objectives.1.name",
               5,
               "\"ones\" is listed twice",
               R"({
  "domain": "toy",
  "objectives": [
    { "name": "ones" },
    { "name": "ones" }
  ]
})");

    addBadTask("no objectives", "objectives", 3, "non-empty array", R"({
  "domain": "toy",
  "objectives": []
})");

    addBadTask("objectives not an array", "objectives", 3, "non-empty array", R"({
  "domain": "toy",
  "objectives": { "name": "ones" }
})");

    addBadTask("negative weight", "objectives.0.weight", 4, "got -1", R"({
  "domain": "toy",
  "objectives": [
    { "name": "ones", "weight": -1 }
  ]
})");

    addBadTask("negative weight of the second objective",
               "objectives.1.weight",
               5,
               "got -0.5",
               R"({
  "domain": "toy",
  "objectives": [
    { "name": "ones", "weight": 1 },
    { "name": "pattern", "weight": -0.5 }
  ]
})");

    addBadTask("all-zero weights", "objectives", 3, "sum to zero", R"({
  "domain": "toy",
  "objectives": [
    { "name": "ones", "weight": 0 },
    { "name": "pattern", "weight": 0.0 }
  ]
})");

    addBadTask(
      "bad transform kind", "objectives.0.transform", 5, "unknown kind \"logarithmic\"", R"({
  "domain": "toy",
  "objectives": [
    { "name": "ones",
      "transform": { "kind": "logarithmic" } }
  ]
})");

    addBadTask("transform with high below low",
               "objectives.0.transform",
               4,
               "\"high\" must be greater than \"low\"",
               R"({
  "domain": "toy",
  "objectives": [
    { "name": "ones", "transform": { "kind": "maximize", "low": 1, "high": 0 } }
  ]
})");

    addBadTask("heads not dividing embed_dim", "model.heads", 6, "must divide embed_dim (64)", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "model": {
    "embed_dim": 64,
    "heads": 5
  }
})");

    // The default of 4 heads does not divide 66; "heads" is not in the file.
    addBadTask(
      // heads is not in the file: the error points at the model object instead.
      "default heads not dividing embed_dim",
      "model.heads",
      4,
      "must divide embed_dim (66)",
      R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "model": { "embed_dim": 66 }
})");

    addBadTask("string for an integer",
               "training.total_steps",
               5,
               "must be an integer of at least 1, got \"40\"",
               R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "total_steps": "40"
  }
})");

    addBadTask("string for a number",
               "training.ppo.learning_rate",
               6,
               "must be a number above 0 and at most 10, got \"fast\"",
               R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "ppo": {
      "learning_rate": "fast"
    }
  }
})");

    addBadTask("number out of range", "pretrain.validation_fraction", 4, "got 1.5", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "pretrain": { "validation_fraction": 1.5 }
})");

    addBadTask("number for a boolean", "model.tied_head", 4, "must be true or false", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "model": { "tied_head": 1 }
})");

    addBadTask("number for a string", "name", 2, "must be a string", R"({
  "name": 5,
  "domain": "toy",
  "objectives": [ { "name": "ones" } ]
})");

    addBadTask("array for a section", "training", 4, "must be an object", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": []
})");

    addBadTask(
      "unknown merge strategy", "training.merge.strategy", 5, "unknown value \"average\"", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "merge": { "strategy": "average" }
  }
})");

    addBadTask("half precision",
               "pretrain.precision",
               4,
               "unknown value \"float16\" (one of: float32, bfloat16)",
               R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "pretrain": { "precision": "float16" }
})");

    addBadTask("pinned round 0", "training.pinned_rounds", 5, "start at 1", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "pinned_rounds": [2, 0]
  }
})");

    addBadTask("more minibatches than sequences",
               "training.ppo.minibatches",
               7,
               "must not exceed batch_size",
               R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "ppo": {
      "batch_size": 4,
      "minibatches": 8
    }
  }
})");

    addBadTask("prior not a path", "prior", 4, "path of a prior checkpoint", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "prior": 3
})");

    // Where files are written is the user's choice (--db, --cache-dir), never a task file's.
    addBadTask("a cache directory", "cache_dir", 4, "cannot choose where", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "cache_dir": "/etc"
})");
    addBadTask("a run database", "database", 4, "--db and --cache-dir", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "database": "/var/lib/other/runs.sqlite"
})");
    addBadTask(
      "a checkpoint directory", "training.checkpoint_directory", 5, "cannot choose where", R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": {
    "checkpoint_directory": "/usr/lib"
  }
})");

    // An unknown top-level key whose name also occurs earlier, inside a nested section.
    addBadTask("unknown top-level key named like a nested one",
               "seed",
               5,
               "unknown key",
               R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ],
  "training": { "seed": 3 },
  "seed": 4
})");
  }

  void rejectsBadTask()
  {
    QFETCH(QByteArray, text);
    QFETCH(QString, keyPath);
    QFETCH(int, line);
    QFETCH(QString, mentions);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto path = writeTaskFile(dir, QStringLiteral("bad.json"), text);
    // The text itself is valid JSON: the error comes from validation.
    QVERIFY(nlohmann::json::accept(text.toStdString()));

    const auto message = taskErrorMessage([&] { loadTaskConfig(path.toStdString()); });
    QVERIFY2(!message.isNull(), "no TaskError thrown");
    QVERIFY2(message.contains(QStringLiteral(": ") + keyPath + QStringLiteral(": ")),
             qPrintable(message));
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QVERIFY2(message.startsWith(path + QLatin1Char(':')), qPrintable(message));

    const QString prefix = line > 0 ? QStringLiteral("%1:%2: %3: ").arg(path).arg(line).arg(keyPath)
                                    : QStringLiteral("%1: %2: ").arg(path, keyPath);
    QVERIFY2(message.startsWith(prefix),
             qPrintable(message + QStringLiteral("\nexpected prefix: ") + prefix));
  }

  void rejectsInvalidJson_data()
  {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("position"); // line:column, as nlohmann counts them

    QTest::newRow("missing comma") << QByteArray(R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" } ]
  "model": {}
})") << "4:9";  // the end of the unexpected "model"
    QTest::newRow("trailing comma") << QByteArray(R"({
  "domain": "toy",
  "objectives": [ { "name": "ones" }, ]
})") << "3:39"; // the ']'
    QTest::newRow("bad literal") << QByteArray(R"({"domain": tru})") << "1:15";
    QTest::newRow("single quotes") << QByteArray("{'domain': 'toy'}") << "1:2";
    QTest::newRow("truncated") << QByteArray("{\n  \"domain\": \"toy\"\n") << "3:0";
    QTest::newRow("empty file") << QByteArray() << "1:0";
  }

  void rejectsInvalidJson()
  {
    QFETCH(QByteArray, text);
    QFETCH(QString, position);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto path = writeTaskFile(dir, QStringLiteral("broken.json"), text);
    const auto message = taskErrorMessage([&] { loadTaskConfig(path.toStdString()); });
    QVERIFY2(!message.isNull(), "no TaskError thrown");
    QVERIFY2(
      message.startsWith(path + QLatin1Char(':') + position + QStringLiteral(": not valid JSON: ")),
      qPrintable(message));
    // nlohmann's own exception prefix is stripped.
    QVERIFY2(!message.contains(QLatin1String("[json.exception")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("syntax error")), qPrintable(message));
  }

  void rejectsMissingFile()
  {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto path = dir.filePath(QStringLiteral("absent.json"));
    const auto message = taskErrorMessage([&] { loadTaskConfig(path.toStdString()); });
    QVERIFY2(!message.isNull(), "no TaskError thrown");
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("cannot open")), qPrintable(message));
  }

  void rejectsDirectory()
  {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto message = taskErrorMessage([&] { loadTaskConfig(dir.path().toStdString()); });
    QVERIFY2(!message.isNull(), "no TaskError thrown");
    QVERIFY2(message.contains(dir.path()), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("not valid JSON")), qPrintable(message));
  }

  void parseWithoutTextHasNoLineNumbers()
  {
    const auto json = nlohmann::json::parse(R"({"domain": "toy", "objectives": [{"name": "ones"}],
                                                "training": {"merge_period": 0}})");
    const auto message = taskErrorMessage([&] { parseTaskConfig(json); });
    QCOMPARE(message.left(message.indexOf(QLatin1String(" must"))),
             QStringLiteral("task: training.merge_period:"));
    // The default origin names the task.
    const auto ok = nlohmann::json::parse(R"({"domain": "toy", "objectives": [{"name": "ones"}]})");
    QCOMPARE(QString::fromStdString(parseTaskConfig(ok).name), QStringLiteral("task"));
    QCOMPARE(QString::fromStdString(parseTaskConfig(ok, "dir/my-task.json").name),
             QStringLiteral("my-task"));
  }
};

QTEST_GUILESS_MAIN(TestTaskErrors)
#include "tst_taskerrors.moc"
