// SPDX-License-Identifier: GPL-3.0-or-later
// LibTorch before Qt: Qt's keywords would break ATen's headers (TOOLCHAIN.md).
#include "model/checkpoint.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"
#include "train/evaluation.h"
#include "train/iterativerstrainer.h"
#include "train/merge.h"
#include "train/ppo.h"

#include "support/toyprior.h"
#include "support/trainerprobes.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace paretolab::engine;
using namespace paretolab::engine::testing;

namespace {

TrainerOptions
smallOptions()
{
  TrainerOptions options;
  options.totalSteps = 3;
  options.mergePeriod = 1;
  options.evaluationBatch = 16;
  options.seed = 11;
  options.ppo.batchSize = 16;
  options.ppo.learningRate = 1e-3;
  return options;
}

} // namespace

class TestIterativeRsTrainer : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() { toyPrior(); }

  // m = T: one merge at the end, of experts that never saw each other (Rewarded Soups).
  void mergingOnceEqualsMergingIndependentlyTrainedExperts()
  {
    auto options = smallOptions();
    options.mergePeriod = 0;
    options.ppo.epochs = 2;
    options.ppo.minibatches = 2;
    const auto objectives = toyObjectives({ 2.0, 1.0, 1.0 });
    IterativeRsTrainer together(toyDomain(), toyPrior(), objectives, options);
    Recorder recorder;
    const auto result = together.run(recorder);
    QCOMPARE(result.rounds, int64_t(1));
    QCOMPARE(recorder.merges.back().step, int64_t(3));

    std::vector<ParameterSet> alone;
    for (const auto& objective : objectives) {
      auto single = objective;
      single.weight = 1.0;
      IterativeRsTrainer trainer(toyDomain(), toyPrior(), { single }, options);
      TrainingObserver quiet;
      trainer.run(quiet);
      alone.push_back(parametersOf(trainer.mergedPolicy()));
    }
    const auto experts = together.expertPolicies();
    for (size_t i = 0; i < alone.size(); ++i)
      QCOMPARE(maxDifference(parametersOf(experts[i]), alone[i]), 0.0);

    const auto expected = mergeParameters(
      { &alone[0], &alone[1], &alone[2] }, { 0.5, 0.25, 0.25 }, alone[0], MergeOptions{});
    QVERIFY(maxDifference(parametersOf(together.mergedPolicy()), expected) < 1e-6);
    QVERIFY(maxDifference(alone[0], alone[1]) > 1e-4); // the experts really differ
  }

  void onlyTheSampledExpertsTrainInARound()
  {
    auto options = smallOptions();
    options.totalSteps = 8;
    options.mergePeriod = 2;
    options.subsetSize = 1;
    options.pinnedRounds = { 1, 2, 3, 4 };
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives(), options);
    Recorder recorder;
    trainer.run(recorder);
    QCOMPARE(recorder.merges.size(), size_t(5));
    std::set<int> chosen;
    for (int64_t round = 1; round <= 4; ++round) {
      const auto& report = recorder.merges[round];
      QCOMPARE(report.subset.size(), size_t(1));
      const int trained = report.subset.front();
      chosen.insert(trained);
      QCOMPARE(report.lambda[trained], 1.0);
      const auto start = parametersOf(trainer.mergedPolicy(round - 1));
      const auto experts = trainer.expertPolicies(round);
      for (int j = 0; j < 3; ++j) {
        const double moved = maxDifference(parametersOf(experts[j]), start);
        if (j == trained)
          QVERIFY(moved > 1e-5);
        else
          QCOMPARE(moved, 0.0);
      }
      // With one member, the merge is that expert.
      QCOMPARE(
        maxDifference(parametersOf(trainer.mergedPolicy(round)), parametersOf(experts[trained])),
        0.0);
    }
    for (const auto& step : recorder.steps)
      QCOMPARE(step.expert, recorder.merges[step.round].subset.front());
    QVERIFY2(chosen.size() > 1, "four rounds all drew the same expert");
  }

  void averageRewardRisesOnTheToyTask_data()
  {
    QTest::addColumn<int>("period");
    QTest::addColumn<QString>("advantage");
    QTest::addColumn<bool>("morlhf");
    QTest::newRow("IterativeRS m=4, RLOO") << 4 << QStringLiteral("rloo") << false;
    QTest::newRow("IterativeRS m=1, RLOO") << 1 << QStringLiteral("rloo") << false;
    QTest::newRow("IterativeRS m=4, GAE") << 4 << QStringLiteral("gae") << false;
    QTest::newRow("MORLHF, RLOO") << 4 << QStringLiteral("rloo") << true;
  }

  void averageRewardRisesOnTheToyTask()
  {
    QFETCH(int, period);
    QFETCH(QString, advantage);
    QFETCH(bool, morlhf);
    TrainerOptions options;
    if (morlhf)
      options.method = Method::Morlhf;
    options.totalSteps = 40;
    options.mergePeriod = period;
    options.seed = 5;
    options.evaluationBatch = 256;
    options.ppo.learningRate = 1e-3;
    options.ppo.epochs = 2;
    options.ppo.minibatches = 2;
    options.ppo.batchSize = 64;
    if (advantage == QStringLiteral("gae"))
      options.ppo.advantage = AdvantageEstimator::Gae;
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives({ 1.0, 1.0, 1.0 }), options);
    Recorder recorder;
    const auto result = trainer.run(recorder);
    QCOMPARE(result.stepsDone, int64_t(40));
    // Three experts every step, or one policy.
    QCOMPARE(recorder.steps.size(), size_t(morlhf ? 40 : 120));
    for (const auto& step : recorder.steps) { // domain metrics come with every step
      const double validity = step.domainMetrics.at("validity");
      QVERIFY(validity >= 0.0 && validity <= 1.0);
    }
    const double before = result.initial.averageReward;
    const double after = result.final.averageReward;
    qInfo("average reward %.6f -> %.6f, KL %.6f", before, after, result.final.klToPrior);
    QVERIFY2(after > before + 0.03, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    QVERIFY(result.final.klToPrior > 0.0);
    QVERIFY(result.final.domainMetrics.at("validity") > 0.9);
  }

  void stopsBetweenStepsWhenAsked()
  {
    auto options = smallOptions();
    options.totalSteps = 20;
    options.mergePeriod = 2;
    std::stop_source source;
    StopAfter observer(source, 5);
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives(), options);
    const auto result = trainer.run(observer, source.get_token());
    QVERIFY(result.cancelled);
    QCOMPARE(result.stepsDone, int64_t(4));
    QCOMPARE(result.rounds, int64_t(2));
    QCOMPARE(trainer.retainedRounds().back(), int64_t(2));
  }

  void remergeGivesAPolicyForAnyWeights()
  {
    auto options = smallOptions();
    options.mergePeriod = 0;
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives(), options);
    TrainingObserver quiet;
    trainer.run(quiet);
    const auto experts = trainer.expertPolicies();
    QCOMPARE(
      maxDifference(parametersOf(trainer.remerge({ 0.0, 3.0, 0.0 })), parametersOf(experts[1])),
      0.0);
    const auto half = parametersOf(trainer.remerge({ 1.0, 1.0, 0.0 }));
    const auto first = parametersOf(experts[0]);
    const auto second = parametersOf(experts[1]);
    const auto expected = mergeParameters({ &first, &second }, { 0.5, 0.5 }, half, MergeOptions{});
    QVERIFY(maxDifference(half, expected) < 1e-7);
    // The run's own weights reproduce its output.
    QVERIFY(maxDifference(parametersOf(trainer.remerge({ 2.0, 1.0, 1.0 })),
                          parametersOf(trainer.mergedPolicy())) < 1e-7);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.remerge({ 1.0, 1.0 }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.remerge({ 0.0, 0.0, 0.0 }));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, trainer.remerge({ 1.0, 1.0, 1.0 }, 7));

    const auto evaluation = trainer.evaluate(trainer.remerge({ 1.0, 0.0, 0.0 }), 32, 1);
    QCOMPARE(evaluation.samples.size(), size_t(32));
    QCOMPARE(evaluation.transformedMeans.size(), size_t(3));
  }

  void adaptivePeriodMergesWhenExpertsDiverge_data()
  {
    QTest::addColumn<int>("measure");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<int>("rounds");
    QTest::newRow("parameters, tiny threshold: every step") << 0 << 1e-9 << 4;
    QTest::newRow("parameters, huge threshold: only at T") << 0 << 1e9 << 1;
    QTest::newRow("KL, tiny threshold: every step") << 1 << 1e-12 << 4;
  }

  void adaptivePeriodMergesWhenExpertsDiverge()
  {
    QFETCH(int, measure);
    QFETCH(double, threshold);
    QFETCH(int, rounds);
    auto options = smallOptions();
    options.totalSteps = 4;
    options.mergePeriod = 100;
    options.adaptive.enabled = true;
    options.adaptive.measure = measure == 0 ? DivergenceMeasure::Parameters : DivergenceMeasure::Kl;
    options.adaptive.threshold = threshold;
    options.adaptive.probeBatch = 8;
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives(), options);
    Recorder recorder;
    const auto result = trainer.run(recorder);
    QCOMPARE(result.rounds, int64_t(rounds));
    QVERIFY(recorder.merges.back().divergence > 0.0);
  }

  void aResumedRunEqualsAnUninterruptedOne_data()
  {
    QTest::addColumn<int>("optimizerAtMerge");
    QTest::newRow("optimizer reset at merges") << int(OptimizerAtMerge::Reset);
    QTest::newRow("optimizer kept across merges") << int(OptimizerAtMerge::Keep);
    QTest::newRow("optimizer states merged") << int(OptimizerAtMerge::Merge);
  }

  void aResumedRunEqualsAnUninterruptedOne()
  {
    QFETCH(int, optimizerAtMerge);
    QTemporaryDir dir;
    auto options = smallOptions();
    options.totalSteps = 12;
    options.mergePeriod = 4;
    options.subsetSize = 2;
    options.optimizerAtMerge = OptimizerAtMerge(optimizerAtMerge);

    options.checkpointDirectory = dir.filePath(QStringLiteral("straight")).toStdString();
    IterativeRsTrainer straight(toyDomain(), toyPrior(), toyObjectives(), options);
    TrainingObserver quiet;
    const auto expected = straight.run(quiet);

    // Interrupted in round 2, after the checkpoint of round 1.
    options.checkpointDirectory = dir.filePath(QStringLiteral("killed")).toStdString();
    std::stop_source stop;
    StopAfter stopper(stop, 6);
    IterativeRsTrainer killed(toyDomain(), toyPrior(), toyObjectives(), options);
    Recorder beforeKill;
    killed.run(stopper, stop.get_token());
    const auto checkpoint = options.checkpointDirectory + "/round-1.plround";
    QVERIFY(std::filesystem::exists(checkpoint));

    IterativeRsTrainer resumed(toyDomain(), toyPrior(), toyObjectives(), options);
    resumed.resumeFrom(checkpoint);
    Recorder after;
    const auto result = resumed.run(after);
    QCOMPARE(after.steps.front().step, int64_t(5)); // continues after round 1
    QCOMPARE(after.merges.front().round, int64_t(2));
    QCOMPARE(result.stepsDone, int64_t(12));
    QCOMPARE(
      maxDifference(parametersOf(resumed.mergedPolicy()), parametersOf(straight.mergedPolicy())),
      0.0);
    QCOMPARE(result.final.transformedMeans, expected.final.transformedMeans);
    QCOMPARE(result.final.samples, expected.final.samples);
  }

  void refusesACheckpointOfAnotherTask()
  {
    QTemporaryDir dir;
    auto options = smallOptions();
    options.totalSteps = 2;
    options.mergePeriod = 2;
    options.checkpointDirectory = dir.path().toStdString();
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives(), options);
    TrainingObserver quiet;
    trainer.run(quiet);
    const auto checkpoint = options.checkpointDirectory + "/round-1.plround";
    IterativeRsTrainer other(toyDomain(), toyPrior(), toyObjectives({ 1.0, 1.0 }), options);
    QVERIFY_THROWS_EXCEPTION(CheckpointError, other.resumeFrom(checkpoint));
    std::ofstream(checkpoint, std::ios::trunc) << "garbage";
    QVERIFY_THROWS_EXCEPTION(CheckpointError, trainer.resumeFrom(checkpoint));
  }

  void rejectsBadSetups()
  {
    auto options = smallOptions();
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             IterativeRsTrainer(toyDomain(), toyPrior(), {}, options));
    QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      IterativeRsTrainer(toyDomain(), toyPrior(), { ObjectiveConfig{ .name = "qed" } }, options));
    QVERIFY_THROWS_EXCEPTION(
      std::invalid_argument,
      IterativeRsTrainer(toyDomain(), toyPrior(), toyObjectives({ 0.0, 0.0, 0.0 }), options));
  }
};

QTEST_GUILESS_MAIN(TestIterativeRsTrainer)
#include "tst_iterativerstrainer.moc"
