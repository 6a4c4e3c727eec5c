// SPDX-License-Identifier: GPL-3.0-or-later
// Conditional Language Policy (Wang et al. 2024) as a method of the trainer:
// theta(w) = sum_i w_i theta_i over the conditioned parameters, trained for
// random w. The tests hold it to what the paper defines, not to itself.
// LibTorch before Qt: Qt's keywords would break ATen's headers (TOOLCHAIN.md).
#include "model/checkpoint.h"
#include "model/parameters.h"
#include "train/clppolicy.h"
#include "train/iterativerstrainer.h"
#include "train/taskconfig.h"

#include "support/toyprior.h"
#include "support/trainerprobes.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace paretolab::engine;
using namespace paretolab::engine::testing;

namespace {

TrainerOptions
clpOptions(int64_t steps)
{
  TrainerOptions options;
  options.method = Method::Clp;
  options.totalSteps = steps;
  options.mergePeriod = 4;
  options.evaluationBatch = 32;
  options.seed = 5;
  options.ppo.batchSize = 32;
  options.ppo.learningRate = 3e-3;
  return options;
}

double
meanReward(const IterativeRsTrainer& trainer, const Policy& policy, size_t objective)
{
  return trainer.evaluate(policy, 128, 77).transformedMeans[objective];
}

} // namespace

class TestClp : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() { toyPrior(); }

  void oneHotWeightsSampleExactlyTheConditionedExpert()
  {
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives({ 1.0, 1.0 }), clpOptions(8));
    TrainingObserver quiet;
    trainer.run(quiet);
    const auto thetas = trainer.expertPolicies();
    QCOMPARE(thetas.size(), size_t(2));
    QVERIFY(maxDifference(parametersOf(thetas[0]), parametersOf(thetas[1])) > 1e-4);
    for (size_t i = 0; i < thetas.size(); ++i) {
      const auto steered = trainer.remerge(oneHot(2, i));
      QCOMPARE(maxDifference(parametersOf(steered), parametersOf(thetas[i])), 0.0);
      QCOMPARE(trainer.evaluate(steered, 16, 3).samples,
               trainer.evaluate(thetas[i], 16, 3).samples);
    }
  }

  void onlyTheConditionedParametersDiffer_data()
  {
    QTest::addColumn<int>("scope");
    QTest::newRow("full") << int(ClpScope::Full);
    QTest::newRow("attention") << int(ClpScope::Attention);
    QTest::newRow("logits") << int(ClpScope::Logits);
  }

  void onlyTheConditionedParametersDiffer()
  {
    QFETCH(int, scope);
    auto options = clpOptions(4);
    options.clp.scope = ClpScope(scope);
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives({ 1.0, 1.0 }), options);
    TrainingObserver quiet;
    trainer.run(quiet);
    const auto thetas = trainer.expertPolicies();
    const auto a = parametersOf(thetas[0]);
    const auto b = parametersOf(thetas[1]);
    const auto mask = clpConditionedMask(*toyPrior().state().model, ClpScope(scope));
    const auto conditioned = std::count(mask.begin(), mask.end(), true);
    QVERIFY(conditioned > 0);
    if (ClpScope(scope) != ClpScope::Full)
      QVERIFY(conditioned < int64_t(mask.size()));
    bool anyConditionedDiffers = false;
    for (size_t j = 0; j < mask.size(); ++j) {
      const double difference = (a[j] - b[j]).abs().max().item<double>();
      if (!mask[j])
        QCOMPARE(difference, 0.0); // shared: one tensor, trained for every w
      else
        anyConditionedDiffers = anyConditionedDiffers || difference > 0.0;
    }
    QVERIFY(anyConditionedDiffers);
    // The merged policy is theta of the task's weights, and moved off the prior.
    QVERIFY(maxDifference(parametersOf(trainer.mergedPolicy()),
                          snapshotParameters(*toyPrior().state().model)) > 1e-4);
  }

  void withOneObjectiveItIsPlainPpo()
  {
    // With one objective, w = (1) every step: theta(w) is the policy itself,
    // and CLP's update is PPO's. MORLHF with one objective is plain PPO.
    auto options = clpOptions(6);
    options.mergePeriod = 3;
    IterativeRsTrainer clp(toyDomain(), toyPrior(), toyObjectives({ 1.0 }), options);
    options.method = Method::Morlhf;
    options.optimizerAtMerge = OptimizerAtMerge::Keep; // CLP's Adam never restarts
    IterativeRsTrainer ppo(toyDomain(), toyPrior(), toyObjectives({ 1.0 }), options);
    Recorder clpSteps, ppoSteps;
    const auto clpResult = clp.run(clpSteps);
    const auto ppoResult = ppo.run(ppoSteps);
    QCOMPARE(maxDifference(parametersOf(clp.mergedPolicy()), parametersOf(ppo.mergedPolicy())),
             0.0);
    QCOMPARE(clpResult.final.samples, ppoResult.final.samples);
    QCOMPARE(clpSteps.steps.size(), ppoSteps.steps.size());
    QCOMPARE(clpSteps.steps.back().transformedMeans, ppoSteps.steps.back().transformedMeans);
  }

  void theWeightsSteerTheTrainedPolicy()
  {
    // Two conflicting objectives: asking for one gives more of it than asking
    // for the other, on every seed. Plain SGD: on this toy Adam sometimes
    // collapses one objective's policy, IterativeRS's experts as well as CLP's.
    for (uint64_t seed : { 1, 2, 3 }) {
      auto options = clpOptions(24);
      options.seed = seed;
      options.ppo.optimizer = OptimizerKind::Sgd;
      options.ppo.learningRate = 0.05;
      IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives({ 1.0, 1.0 }), options);
      TrainingObserver quiet;
      const auto result = trainer.run(quiet);
      const auto forOnes = trainer.remerge({ 1.0, 0.0 });
      const auto forAlternation = trainer.remerge({ 0.0, 1.0 });
      const double onesMargin =
        meanReward(trainer, forOnes, 0) - meanReward(trainer, forAlternation, 0);
      const double alternationMargin =
        meanReward(trainer, forAlternation, 1) - meanReward(trainer, forOnes, 1);
      qInfo("seed %d: w = (1, 0) gives %.3f more ones, w = (0, 1) %.3f more alternation",
            int(seed),
            onesMargin,
            alternationMargin);
      QVERIFY2(onesMargin > 0.04, "w = (1, 0) should give more ones than w = (0, 1)");
      QVERIFY2(alternationMargin > 0.0, "w = (0, 1) should alternate more than w = (1, 0)");
      QVERIFY(result.final.averageReward > result.initial.averageReward);
    }
  }

  void aResumedRunEqualsAnUninterruptedOne()
  {
    QTemporaryDir dir;
    auto options = clpOptions(12);
    options.checkpointDirectory = dir.filePath(QStringLiteral("straight")).toStdString();
    IterativeRsTrainer straight(toyDomain(), toyPrior(), toyObjectives(), options);
    TrainingObserver quiet;
    const auto expected = straight.run(quiet);

    options.checkpointDirectory = dir.filePath(QStringLiteral("killed")).toStdString();
    std::stop_source stop;
    StopAfter stopper(stop, 6);
    IterativeRsTrainer killed(toyDomain(), toyPrior(), toyObjectives(), options);
    killed.run(stopper, stop.get_token());
    const auto checkpoint = options.checkpointDirectory + "/round-1.plround";
    QVERIFY(std::filesystem::exists(checkpoint));

    IterativeRsTrainer resumed(toyDomain(), toyPrior(), toyObjectives(), options);
    resumed.resumeFrom(checkpoint);
    Recorder after;
    const auto result = resumed.run(after);
    QCOMPARE(after.steps.front().step, int64_t(5));
    QCOMPARE(result.stepsDone, int64_t(12));
    for (size_t i = 0; i < 3; ++i)
      QCOMPARE(maxDifference(parametersOf(resumed.expertPolicies()[i]),
                             parametersOf(straight.expertPolicies()[i])),
               0.0);
    QCOMPARE(result.final.samples, expected.final.samples);

    // A checkpoint of another method is refused, not misread.
    auto iterative = options;
    iterative.method = Method::IterativeRS;
    IterativeRsTrainer other(toyDomain(), toyPrior(), toyObjectives(), iterative);
    QVERIFY_THROWS_EXCEPTION(CheckpointError, other.resumeFrom(checkpoint));
  }

  void theTaskFileChoosesClp()
  {
    const auto task = parseTaskText(R"({"domain": "toy", "method": "clp",
      "objectives": [{"name": "ones"}, {"name": "alternation"}],
      "training": {"clp": {"scope": "attention", "alpha": 0.5}}})",
                                    "clp.json");
    QCOMPARE(int(task.training.method), int(Method::Clp));
    QCOMPARE(int(task.training.clp.scope), int(ClpScope::Attention));
    QCOMPARE(task.training.clp.alpha, 0.5);
    const auto refused = [](const char* text) {
      try {
        parseTaskText(text, "clp.json");
      } catch (const TaskError& e) {
        return QString::fromUtf8(e.what());
      }
      return QString();
    };
    QVERIFY(refused(R"({"domain": "toy", "method": "clp", "objectives": [{"name": "ones"}],
      "training": {"ppo": {"advantage": "gae"}}})")
              .contains(QStringLiteral("RLOO")));
    QVERIFY(refused(R"({"domain": "toy", "method": "clp", "objectives": [{"name": "ones"},
      {"name": "pattern"}], "training": {"subset_size": 1}})")
              .contains(QStringLiteral("one policy")));
    QVERIFY(refused(R"({"domain": "toy", "method": "clp", "objectives": [{"name": "ones"}],
      "training": {"clp": {"alpha": 0}}})")
              .contains(QStringLiteral("alpha")));
    QVERIFY(refused(R"({"domain": "toy", "method": "clp", "objectives": [{"name": "ones"}],
      "training": {"clp": {"scope": "mlp"}}})")
              .contains(QStringLiteral("scope")));
  }
};

QTEST_GUILESS_MAIN(TestClp)
#include "tst_clp.moc"
