// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/taskconfig.h"

#include <QtTest>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

using namespace paretolab::engine;

namespace {

// Engine enums have toString overloads returning std::string, which QCOMPARE would pick up
// through ADL; these compare by name instead.
template<typename Enum>
QString
nameOf(Enum value)
{
  return QString::fromStdString(toString(value));
}

QString
writeTaskFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
  const QString path = dir.filePath(name);
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
    qFatal("cannot write %s", qPrintable(path));
  return path;
}

// The message of the TaskError `f` throws; a null string when it throws nothing.
template<typename F>
QString
taskErrorMessage(F&& f)
{
  try {
    f();
  } catch (const TaskError& e) {
    return QString::fromUtf8(e.what());
  }
  return {};
}

QString
jsonTypeOf(const nlohmann::json& value)
{
  if (value.is_number_integer())
    return QStringLiteral("integer");
  if (value.is_number_float())
    return QStringLiteral("float");
  return QString::fromUtf8(value.type_name());
}

// Every key of toy.json set, and every default of the engine changed.
const char* const kFullTask = R"({
  "name": "Full toy task",
  "domain": "toy",
  "domain_options": { "length": 12, "corpus_size": 300, "seed": 9 },
  "objectives": [
    { "name": "ones", "weight": 0.5, "transform": "identity" },
    { "name": "alternation", "weight": 2,
      "transform": { "kind": "maximize", "low": 0.2, "high": 0.8 } },
    { "name": "pattern", "transform": { "kind": "target", "target": 0.75, "tolerance": 0.1 } }
  ],
  "model": { "embed_dim": 96, "layers": 3, "heads": 6, "context_length": 20,
             "dropout": 0.1, "tied_head": false },
  "pretrain": { "epochs": 5, "batch_size": 32, "learning_rate": 0.002,
                "validation_fraction": 0.2, "patience": 4, "max_grad_norm": 0.5, "seed": 11 },
  "training": {
    "total_steps": 30,
    "merge_period": "T",
    "subset_size": 2,
    "reset_optimizer_at_merge": false,
    "evaluation_batch": 48,
    "invalid_penalty": -0.5,
    "seed": 13,
    "pinned_rounds": [3, 1],
    "merge": { "strategy": "ties", "scale": 0.8, "density": 0.3 },
    "adaptive": { "enabled": true, "measure": "kl", "threshold": 0.02, "probe_batch": 16 },
    "ppo": {
      "learning_rate": 0.0005,
      "clip": 0.1,
      "kl_beta": 0.02,
      "epochs": 3,
      "minibatches": 4,
      "max_grad_norm": 2.0,
      "batch_size": 32,
      "advantage": "gae",
      "gamma": 0.99,
      "gae_lambda": 0.9,
      "value_coefficient": 0.25,
      "optimizer": "sgd",
      "temperature": 0.7,
      "top_p": 0.9,
      "max_new_tokens": 14
    }
  },
  "prior": "/tmp/prior.pt"
}
)";

// One row of rejectsBadTask: the task text, the key path and line its error must name,
// and a phrase of the message.
void
addBadTask(const char* name,
           const char* keyPath,
           int line,
           const char* mentions,
           const QByteArray& text)
{
  QTest::newRow(name) << text << QString::fromUtf8(keyPath) << line << QString::fromUtf8(mentions);
}

} // namespace

class TestTaskConfig : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void loadsShippedToyTask()
  {
    const auto task = loadTaskConfig(PARETOLAB_SOURCE_DIR "/resources/tasks/toy.json");
    QCOMPARE(QString::fromStdString(task.name), QStringLiteral("Toy bit strings"));
    QCOMPARE(QString::fromStdString(task.domain), QStringLiteral("toy"));
    QCOMPARE(task.domainOptions.at("length").get<int>(), 16);
    QCOMPARE(task.domainOptions.at("corpus_size").get<int>(), 2000);
    QCOMPARE(task.domainOptions.at("seed").get<int>(), 1);

    QCOMPARE(task.objectives.size(), std::size_t(3));
    const char* const names[] = { "ones", "alternation", "pattern" };
    for (std::size_t i = 0; i < 3; ++i) {
      QCOMPARE(QString::fromStdString(task.objectives[i].name), QLatin1String(names[i]));
      QCOMPARE(task.objectives[i].weight, 1.0);
      QCOMPARE(nameOf(task.objectives[i].transform.kind), QStringLiteral("identity"));
    }

    QCOMPARE(task.model.embedDim, int64_t(64));
    QCOMPARE(task.model.layers, int64_t(2));
    QCOMPARE(task.model.heads, int64_t(4));
    QCOMPARE(task.model.contextLength, int64_t(24));

    QCOMPARE(task.pretrain.epochs, int64_t(6));
    QCOMPARE(task.pretrain.batchSize, int64_t(64));
    QCOMPARE(task.pretrain.learningRate, 0.003);
    QCOMPARE(task.pretrain.patience, int64_t(2));
    QCOMPARE(task.pretrain.seed, uint64_t(1));

    QCOMPARE(task.training.totalSteps, int64_t(40));
    QCOMPARE(task.training.mergePeriod, int64_t(4));
    QCOMPARE(task.training.subsetSize, int64_t(0));
    QCOMPARE(task.training.seed, uint64_t(1));
    QCOMPARE(task.training.evaluationBatch, int64_t(128));
    QCOMPARE(nameOf(task.training.merge.strategy), QStringLiteral("linear"));
    QCOMPARE(task.training.adaptive.enabled, false);
    QCOMPARE(task.training.ppo.learningRate, 0.001);
    QCOMPARE(task.training.ppo.klBeta, 0.05);
    QCOMPARE(task.training.ppo.clip, 0.2);
    QCOMPARE(task.training.ppo.epochs, int64_t(2));
    QCOMPARE(task.training.ppo.minibatches, int64_t(2));
    QCOMPARE(task.training.ppo.batchSize, int64_t(64));
    QCOMPARE(nameOf(task.training.ppo.advantage), QStringLiteral("rloo"));
    QCOMPARE(nameOf(task.training.ppo.optimizer), QStringLiteral("adam"));
    QVERIFY(task.priorPath.empty());
  }

  void loadsFullTask()
  {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto path = writeTaskFile(dir, QStringLiteral("full.json"), kFullTask);
    const auto task = loadTaskConfig(path.toStdString());

    QCOMPARE(QString::fromStdString(task.name), QStringLiteral("Full toy task"));
    QCOMPARE(QString::fromStdString(task.domain), QStringLiteral("toy"));
    QCOMPARE(task.domainOptions,
             (nlohmann::json{ { "length", 12 }, { "corpus_size", 300 }, { "seed", 9 } }));
    QCOMPARE(QString::fromStdString(task.priorPath), QStringLiteral("/tmp/prior.pt"));
    QCOMPARE(task.source, nlohmann::json::parse(kFullTask));

    QCOMPARE(task.objectives.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(task.objectives[0].name), QStringLiteral("ones"));
    QCOMPARE(task.objectives[0].weight, 0.5);
    QCOMPARE(nameOf(task.objectives[0].transform.kind), QStringLiteral("identity"));
    QCOMPARE(QString::fromStdString(task.objectives[1].name), QStringLiteral("alternation"));
    QCOMPARE(task.objectives[1].weight, 2.0);
    QCOMPARE(nameOf(task.objectives[1].transform.kind), QStringLiteral("maximize"));
    QCOMPARE(task.objectives[1].transform.low, 0.2);
    QCOMPARE(task.objectives[1].transform.high, 0.8);
    QCOMPARE(task.objectives[1].transform.apply(0.5), 0.5);
    QCOMPARE(QString::fromStdString(task.objectives[2].name), QStringLiteral("pattern"));
    QCOMPARE(task.objectives[2].weight, 1.0); // the default
    QCOMPARE(nameOf(task.objectives[2].transform.kind), QStringLiteral("target"));
    QCOMPARE(task.objectives[2].transform.target, 0.75);
    QCOMPARE(task.objectives[2].transform.tolerance, 0.1);

    QCOMPARE(task.model.embedDim, int64_t(96));
    QCOMPARE(task.model.layers, int64_t(3));
    QCOMPARE(task.model.heads, int64_t(6));
    QCOMPARE(task.model.contextLength, int64_t(20));
    QCOMPARE(task.model.dropout, 0.1);
    QCOMPARE(task.model.tiedHead, false);

    QCOMPARE(task.pretrain.epochs, int64_t(5));
    QCOMPARE(task.pretrain.batchSize, int64_t(32));
    QCOMPARE(task.pretrain.learningRate, 0.002);
    QCOMPARE(task.pretrain.validationFraction, 0.2);
    QCOMPARE(task.pretrain.patience, int64_t(4));
    QCOMPARE(task.pretrain.maxGradNorm, 0.5);
    QCOMPARE(task.pretrain.seed, uint64_t(11));

    const auto& training = task.training;
    QCOMPARE(training.totalSteps, int64_t(30));
    QCOMPARE(training.mergePeriod, int64_t(0)); // "T": one merge at the end
    QCOMPARE(training.subsetSize, int64_t(2));
    QCOMPARE(training.resetOptimizerAtMerge, false);
    QCOMPARE(training.evaluationBatch, int64_t(48));
    QCOMPARE(training.invalidPenalty, -0.5);
    QCOMPARE(training.seed, uint64_t(13));
    QCOMPARE(training.pinnedRounds, (std::set<int64_t>{ 1, 3 }));
    QCOMPARE(nameOf(training.merge.strategy), QStringLiteral("ties"));
    QCOMPARE(training.merge.scale, 0.8);
    QCOMPARE(training.merge.density, 0.3);
    QCOMPARE(training.adaptive.enabled, true);
    QCOMPARE(nameOf(training.adaptive.measure), QStringLiteral("kl"));
    QCOMPARE(training.adaptive.threshold, 0.02);
    QCOMPARE(training.adaptive.probeBatch, int64_t(16));

    const auto& ppo = training.ppo;
    QCOMPARE(ppo.learningRate, 0.0005);
    QCOMPARE(ppo.clip, 0.1);
    QCOMPARE(ppo.klBeta, 0.02);
    QCOMPARE(ppo.epochs, int64_t(3));
    QCOMPARE(ppo.minibatches, int64_t(4));
    QCOMPARE(ppo.maxGradNorm, 2.0);
    QCOMPARE(ppo.batchSize, int64_t(32));
    QCOMPARE(nameOf(ppo.advantage), QStringLiteral("gae"));
    QCOMPARE(ppo.gamma, 0.99);
    QCOMPARE(ppo.gaeLambda, 0.9);
    QCOMPARE(ppo.valueCoefficient, 0.25);
    QCOMPARE(nameOf(ppo.optimizer), QStringLiteral("sgd"));
    QCOMPARE(ppo.sampling.temperature, 0.7);
    QCOMPARE(ppo.sampling.topP, 0.9);
    QCOMPARE(ppo.sampling.maxNewTokens, int64_t(14));
  }

  void minimalTaskTakesDefaults()
  {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto path =
      writeTaskFile(dir,
                    QStringLiteral("minimal.json"),
                    R"({ "domain": "toy", "objectives": [ { "name": "pattern" } ] })");
    const auto task = loadTaskConfig(path.toStdString());
    // The name falls back to the file's stem.
    QCOMPARE(QString::fromStdString(task.name), QStringLiteral("minimal"));
    QCOMPARE(task.domainOptions, nlohmann::json::object());
    QCOMPARE(task.objectives.size(), std::size_t(1));
    QCOMPARE(task.objectives[0].weight, 1.0);
    QCOMPARE(nameOf(task.objectives[0].transform.kind), QStringLiteral("identity"));

    const GptOptions model;
    QCOMPARE(task.model.embedDim, model.embedDim);
    QCOMPARE(task.model.heads, model.heads);
    QCOMPARE(task.model.contextLength, model.contextLength);
    const TrainerOptions training;
    QCOMPARE(task.training.totalSteps, training.totalSteps);
    QCOMPARE(task.training.mergePeriod, training.mergePeriod);
    QCOMPARE(task.training.ppo.batchSize, training.ppo.batchSize);
    QCOMPARE(nameOf(task.training.merge.strategy), QStringLiteral("linear"));
    QCOMPARE(task.pretrain.epochs, PretrainOptions{}.epochs);
    QVERIFY(task.priorPath.empty());
  }

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

    addBadTask(
      "unknown domain", "domain", 3, "unknown domain \"chess\" (available: molecules, toy)", R"({
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
               "must be a number above 0 to 10, got \"fast\"",
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

  void applyOverride_data()
  {
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QString>("assignment");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QString>("type");

    const QByteArray task =
      R"({"name": "t", "training": {"total_steps": 40, "ppo": {"clip": 0.2}}})";
    QTest::newRow("integer")
      << task << "training.total_steps=7"
      << QByteArray(R"({"name": "t", "training": {"total_steps": 7, "ppo": {"clip": 0.2}}})")
      << "/training/total_steps"
      << "integer";
    QTest::newRow("float") << task << "training.ppo.learning_rate=3e-4"
                           << QByteArray(R"({"name": "t", "training": {"total_steps": 40,
                                             "ppo": {"clip": 0.2, "learning_rate": 0.0003}}})")
                           << "/training/ppo/learning_rate"
                           << "float";
    QTest::newRow("string into a new section")
      << task << "training.merge.strategy=ties"
      << QByteArray(R"({"name": "t", "training": {"total_steps": 40, "ppo": {"clip": 0.2},
                        "merge": {"strategy": "ties"}}})")
      << "/training/merge/strategy"
      << "string";
    QTest::newRow("T stays a string")
      << task << "training.merge_period=T"
      << QByteArray(R"({"name": "t", "training": {"total_steps": 40, "ppo": {"clip": 0.2},
                        "merge_period": "T"}})")
      << "/training/merge_period"
      << "string";
    QTest::newRow("invalid JSON becomes a string")
      << task << "name=Toy, again"
      << QByteArray(
           R"({"name": "Toy, again", "training": {"total_steps": 40, "ppo": {"clip": 0.2}}})")
      << "/name"
      << "string";
    QTest::newRow("two JSON values become a string")
      << task << "training.total_steps=1 2"
      << QByteArray(R"({"name": "t", "training": {"total_steps": "1 2", "ppo": {"clip": 0.2}}})")
      << "/training/total_steps"
      << "string";
    QTest::newRow("quoted JSON string")
      << task << "name=\"42\""
      << QByteArray(R"({"name": "42", "training": {"total_steps": 40, "ppo": {"clip": 0.2}}})")
      << "/name"
      << "string";
    QTest::newRow("number replaces a string")
      << task << "name=42"
      << QByteArray(R"({"name": 42, "training": {"total_steps": 40, "ppo": {"clip": 0.2}}})")
      << "/name"
      << "integer";
    QTest::newRow("empty value")
      << task << "name="
      << QByteArray(R"({"name": "", "training": {"total_steps": 40, "ppo": {"clip": 0.2}}})")
      << "/name"
      << "string";
    QTest::newRow("value with =")
      << task << "name=a=b"
      << QByteArray(R"({"name": "a=b", "training": {"total_steps": 40, "ppo": {"clip": 0.2}}})")
      << "/name"
      << "string";
    QTest::newRow("boolean") << QByteArray("{}") << "training.adaptive.enabled=true"
                             << QByteArray(R"({"training": {"adaptive": {"enabled": true}}})")
                             << "/training/adaptive/enabled"
                             << "boolean";
    QTest::newRow("null") << QByteArray(R"({"prior": "p.pt"})") << "prior=null"
                          << QByteArray(R"({"prior": null})") << "/prior"
                          << "null";
    QTest::newRow("array") << QByteArray("{}") << "training.pinned_rounds=[1, 2]"
                           << QByteArray(R"({"training": {"pinned_rounds": [1, 2]}})")
                           << "/training/pinned_rounds"
                           << "array";
    QTest::newRow("object replaces a section")
      << task << "training={\"total_steps\": 5}"
      << QByteArray(R"({"name": "t", "training": {"total_steps": 5}})") << "/training"
      << "object";
    QTest::newRow("array element")
      << QByteArray(R"({"objectives": [{"name": "ones"}, {"name": "pattern"}]})")
      << "objectives.1.weight=0.25"
      << QByteArray(R"({"objectives": [{"name": "ones"}, {"name": "pattern", "weight": 0.25}]})")
      << "/objectives/1/weight"
      << "float";
  }

  void applyOverride()
  {
    QFETCH(QByteArray, before);
    QFETCH(QString, assignment);
    QFETCH(QByteArray, after);
    QFETCH(QString, pointer);
    QFETCH(QString, type);
    auto json = nlohmann::json::parse(before.toStdString());
    paretolab::engine::applyOverride(json, assignment.toStdString());
    QCOMPARE(json, nlohmann::json::parse(after.toStdString()));
    // nlohmann compares 7 and 7.0 equal, so check the type too.
    QCOMPARE(jsonTypeOf(json.at(nlohmann::json::json_pointer(pointer.toStdString()))), type);
  }

  void applyOverrideRejects_data()
  {
    QTest::addColumn<QString>("assignment");

    QTest::newRow("no =") << "abc";
    QTest::newRow("empty") << "";
    QTest::newRow("no key") << "=5";
    QTest::newRow("into a string") << "name.first=5";
    QTest::newRow("into a number") << "training.total_steps.x=5";
    QTest::newRow("empty key segment") << "training..total_steps=5";
    QTest::newRow("empty last segment") << "training.=5";
    QTest::newRow("empty segment under a new key") << "fresh..x=1";
  }

  void applyOverrideRejects()
  {
    QFETCH(QString, assignment);
    auto json = nlohmann::json::parse(R"({"name": "t", "training": {"total_steps": 40}})");
    const auto unchanged = json;
    const auto message =
      taskErrorMessage([&] { paretolab::engine::applyOverride(json, assignment.toStdString()); });
    QVERIFY2(!message.isNull(),
             qPrintable(QString::fromStdString("no TaskError thrown; " + json.dump())));
    QVERIFY2(message.startsWith(QStringLiteral("--set ") + assignment + QLatin1Char(':')),
             qPrintable(message));
    QVERIFY2(json == unchanged, json.dump().c_str());
  }

  void loadAppliesOverrides()
  {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto path = writeTaskFile(dir, QStringLiteral("toy.json"), kFullTask);
    const auto task = loadTaskConfig(path.toStdString(),
                                     { "training.total_steps=7",
                                       "training.merge.strategy=task-arithmetic",
                                       "training.merge_period=3",
                                       "training.ppo.learning_rate=3e-4",
                                       "objectives.1.weight=0.25",
                                       "name=Overridden",
                                       "prior=null" });
    QCOMPARE(task.training.totalSteps, int64_t(7));
    QCOMPARE(nameOf(task.training.merge.strategy), QStringLiteral("task-arithmetic"));
    QCOMPARE(task.training.mergePeriod, int64_t(3));
    QCOMPARE(task.training.ppo.learningRate, 3e-4);
    QCOMPARE(task.objectives[1].weight, 0.25);
    QCOMPARE(QString::fromStdString(task.name), QStringLiteral("Overridden"));
    QVERIFY(task.priorPath.empty());
    // Untouched keys keep the file's values, and the source records the overrides.
    QCOMPARE(task.training.subsetSize, int64_t(2));
    QCOMPARE(task.training.merge.density, 0.3);
    QCOMPARE(task.source.at("training").at("total_steps").get<int>(), 7);
    QCOMPARE(task.source.at("name").get<std::string>(), std::string("Overridden"));

    // Later assignments win.
    const auto twice =
      loadTaskConfig(path.toStdString(), { "training.total_steps=7", "training.total_steps=9" });
    QCOMPARE(twice.training.totalSteps, int64_t(9));
  }

  void loadValidatesOverrides()
  {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto path = writeTaskFile(dir, QStringLiteral("toy.json"), kFullTask);

    // An override that breaks validation: named, but with no line, as the text no longer matches.
    auto message =
      taskErrorMessage([&] { loadTaskConfig(path.toStdString(), { "training.merge_period=0" }); });
    QVERIFY2(message.startsWith(path + QStringLiteral(": training.merge_period: ")),
             qPrintable(message));
    message = taskErrorMessage(
      [&] { loadTaskConfig(path.toStdString(), { "training.ppo.lerning_rate=0.1" }); });
    QVERIFY2(message.startsWith(path + QStringLiteral(": training.ppo.lerning_rate: unknown key")),
             qPrintable(message));
    message =
      taskErrorMessage([&] { loadTaskConfig(path.toStdString(), { "objectives.0.name=zeros" }); });
    QVERIFY2(message.contains(QLatin1String("objectives.0.name: \"zeros\"")), qPrintable(message));

    // A malformed assignment.
    message = taskErrorMessage([&] { loadTaskConfig(path.toStdString(), { "abc" }); });
    QVERIFY2(message.startsWith(QLatin1String("--set abc:")), qPrintable(message));
  }
};

QTEST_GUILESS_MAIN(TestTaskConfig)
#include "tst_taskconfig.moc"
