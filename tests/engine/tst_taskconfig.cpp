// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/taskconfig.h"

#include "support/taskfiles.h"

#include <QtTest>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

using namespace paretolab::engine;
using namespace paretolab::engine::testing;

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

  void loadsBundledTaskByName()
  {
    const auto byName = loadTaskConfig("toy");
    const auto byPath = loadTaskConfig(PARETOLAB_SOURCE_DIR "/resources/tasks/toy.json");
    QCOMPARE(byName.source, byPath.source);
    QCOMPARE(byName.name, byPath.name);
    try {
      loadTaskConfig("no-such-task");
      QFAIL("a name that is neither a file nor a bundled task was accepted");
    } catch (const TaskError& e) {
      QCOMPARE(QString::fromUtf8(e.what()),
               QStringLiteral("no-such-task: no such task file, and no bundled task of that name"));
    }
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
    QCOMPARE(nameOf(training.optimizerAtMerge), QStringLiteral("keep"));
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
    QCOMPARE(ppo.sampling.topP, 1.0); // rollouts are never truncated
    QCOMPARE(ppo.sampling.maxNewTokens, int64_t(14));
    QCOMPARE(ppo.valueClip, 0.3);
    QCOMPARE(ppo.whitenAdvantages, true);

    const auto& evaluation = task.training.evaluationSampling;
    QCOMPARE(evaluation.temperature, 0.5);
    QCOMPARE(evaluation.topP, 0.9);
    QCOMPARE(evaluation.maxNewTokens, int64_t(14)); // taken from the rollouts'

    const auto& selection = task.training.merge.selection;
    QCOMPARE(selection.candidates, int64_t(5));
    QCOMPARE(nameOf(selection.criterion), QStringLiteral("pareto"));
    QCOMPARE(selection.batch, int64_t(24));
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
