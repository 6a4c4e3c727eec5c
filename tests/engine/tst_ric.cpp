// SPDX-License-Identifier: GPL-3.0-or-later
// Rewards-in-Context (Yang et al. 2024) as a method: reward tokens in the
// prompt, supervised fine-tuning, online rounds, and the sliders steering the
// prompt. The tests hold it to what the paper defines.
// LibTorch before Qt: Qt's keywords would break ATen's headers (TOOLCHAIN.md).
#include "model/checkpoint.h"
#include "model/parameters.h"
#include "train/ricprompts.h"
#include "train/rictrainer.h"
#include "train/taskconfig.h"

#include "support/toyprior.h"
#include "support/trainerprobes.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <filesystem>

using namespace paretolab::engine;
using namespace paretolab::engine::testing;

namespace {

TrainerOptions
ricOptions(int64_t steps)
{
  TrainerOptions options;
  options.method = Method::Ric;
  options.totalSteps = steps;
  options.mergePeriod = 4;
  options.evaluationBatch = 32;
  options.seed = 5;
  options.ppo.batchSize = 32;
  options.ric.learningRate = 3e-3;
  options.ric.corpusSize = 1000;
  return options;
}

double
meanReward(const Trainer& trainer, const Policy& policy, size_t objective)
{
  return trainer.evaluate(policy, 256, 77).transformedMeans[objective];
}

} // namespace

class TestRic : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() { toyPrior(); }

  void rewardTokensAreReadWholeAndNeverWritten()
  {
    const auto plain = toyPrior().tokenizer();
    const auto tokenizer = plain.withControlTokens(rewardTokens(2, 10));
    QCOMPARE(tokenizer.vocabSize(), plain.vocabSize() + 20);
    const auto ids = tokenizer.encodePrompt(rewardPrompt({ 7, 2 }) + "0101");
    QCOMPARE(ids.size(), size_t(1 + 2 + 4));
    QCOMPARE(ids[1], plain.vocabSize() + 7);
    QCOMPARE(ids[2], plain.vocabSize() + 10 + 2);
    QCOMPARE(tokenizer.decode(ids), std::string("0101"));
    QCOMPARE(Tokenizer::fromJson(tokenizer.toJson()), tokenizer);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, plain.encode(rewardPrompt({ 1 })));
  }

  void thePreferenceToRewardMappingIsThePapers()
  {
    const std::vector<int64_t> lowest{ 2, 1 }, highest{ 8, 9 };
    // w_i >= 1/N asks for the highest level seen; below it, a linear share of the range.
    QCOMPARE(preferenceToLevels({ 1.0, 1.0 }, lowest, highest), (std::vector<int64_t>{ 8, 9 }));
    QCOMPARE(preferenceToLevels({ 1.0, 0.0 }, lowest, highest), (std::vector<int64_t>{ 8, 1 }));
    QCOMPARE(preferenceToLevels({ 0.75, 0.25 }, lowest, highest), (std::vector<int64_t>{ 8, 5 }));
    QCOMPARE(quantiseReward(1.0, 10), int64_t(9));
    QCOMPARE(quantiseReward(0.35, 10), int64_t(3));
  }

  void askingForOneObjectiveGivesMoreOfIt()
  {
    // Two conflicting objectives. Asking for the most "ones" (w = (1, 0)) must
    // give more ones than asking for the fewest (w = (0, 1) maps ones to its
    // lowest level), by more than twice the spread over seeds. The
    // new reward tokens' embeddings start from noise: fine-tuning steps are
    // cheap, and RiC needs more of them than RL does.
    std::vector<double> onesMargins, alternationMargins;
    for (uint64_t seed : { 1, 2, 3 }) {
      auto options = ricOptions(400);
      options.mergePeriod = 100;
      options.ppo.batchSize = 64;

      options.seed = seed;
      RicTrainer trainer(toyDomain(), toyPrior(), toyObjectives({ 1.0, 1.0 }), options);
      TrainingObserver quiet;
      trainer.run(quiet);
      const auto forOnes = trainer.remerge({ 1.0, 0.0 });
      const auto forAlternation = trainer.remerge({ 0.0, 1.0 });
      QVERIFY(forOnes.conditioning() != forAlternation.conditioning());
      onesMargins.push_back(meanReward(trainer, forOnes, 0) -
                            meanReward(trainer, forAlternation, 0));
      alternationMargins.push_back(meanReward(trainer, forAlternation, 1) -
                                   meanReward(trainer, forOnes, 1));
      qInfo("seed %d: asking for ones gives %.3f more ones, asking for alternation %.3f more "
            "alternation",
            int(seed),
            onesMargins.back(),
            alternationMargins.back());
    }
    // Alternation is only reported: low ones plus high alternation asks for
    // strings this small model finds hard, and one seed in three misses it.
    double mean = 0.0, variance = 0.0;
    for (double m : onesMargins)
      mean += m / double(onesMargins.size());
    for (double m : onesMargins)
      variance += (m - mean) * (m - mean) / double(onesMargins.size() - 1);
    QVERIFY2(mean > 2.0 * std::sqrt(variance) && mean > 0.1,
             "asking for ones should give more of them, beyond the spread over seeds");
  }

  void onlineRoundsKeepParetoEfficientSamples()
  {
    RicTrainer trainer(toyDomain(), toyPrior(), toyObjectives({ 1.0, 1.0 }), ricOptions(16));
    Recorder recorder;
    trainer.run(recorder);
    // 8 offline steps on the corpus alone, then two online rounds that mix in kept samples.
    QCOMPARE(recorder.merges.size(), size_t(4));
    QCOMPARE(recorder.steps.at(7).domainMetrics.at("online_share"), 0.0);
    QCOMPARE(recorder.steps.at(8).domainMetrics.at("online_share"), 0.5);
    QVERIFY(recorder.steps.back().domainMetrics.at("nll") <
            recorder.steps.front().domainMetrics.at("nll"));
  }

  void aResumedRunEqualsAnUninterruptedOne()
  {
    QTemporaryDir dir;
    auto options = ricOptions(16);
    options.checkpointDirectory = dir.filePath(QStringLiteral("straight")).toStdString();
    RicTrainer straight(toyDomain(), toyPrior(), toyObjectives(), options);
    TrainingObserver quiet;
    const auto expected = straight.run(quiet);

    options.checkpointDirectory = dir.filePath(QStringLiteral("killed")).toStdString();
    std::stop_source stop;
    StopAfter stopper(stop, 13);
    RicTrainer killed(toyDomain(), toyPrior(), toyObjectives(), options);
    killed.run(stopper, stop.get_token());
    // Round 1 is the offline stage (8 steps), round 2 the first online round.
    const auto checkpoint = options.checkpointDirectory + "/round-2.plround";
    QVERIFY(std::filesystem::exists(checkpoint));

    RicTrainer resumed(toyDomain(), toyPrior(), toyObjectives(), options);
    resumed.resumeFrom(checkpoint);
    Recorder after;
    const auto result = resumed.run(after);
    QCOMPARE(after.steps.front().step, int64_t(13));
    QCOMPARE(result.stepsDone, int64_t(16));
    QCOMPARE(
      maxDifference(parametersOf(resumed.mergedPolicy()), parametersOf(straight.mergedPolicy())),
      0.0);
    QCOMPARE(resumed.mergedPolicy().conditioning(), straight.mergedPolicy().conditioning());
    QCOMPARE(result.final.samples, expected.final.samples);

    auto clp = options;
    clp.method = Method::Clp;
    auto other = makeTrainer(toyDomain(), toyPrior(), toyObjectives(), clp);
    QVERIFY_THROWS_EXCEPTION(CheckpointError, other->resumeFrom(checkpoint));
  }

  // In a conditional domain the reward tokens follow each context's prompt,
  // as in the paper ("prompt <rewards> response"): the corpus is the
  // domain's demonstrations, the online rounds answer training contexts, and
  // the policy for w answers every evaluation context. Asking for the motif's
  // continuation gives more of it than asking for ones alone, and a killed
  // run, whose kept samples carry their contexts, resumes exactly.
  void rewardTokensFollowTheContextsPromptInAConditionalDomain()
  {
    const std::vector<ObjectiveConfig> objectives{ { .name = "continuation", .weight = 1.0 },
                                                   { .name = "ones", .weight = 1.0 } };
    auto options = ricOptions(400);
    options.mergePeriod = 100;
    options.ppo.batchSize = 64;
    QTemporaryDir dir;
    options.checkpointDirectory = dir.filePath(QStringLiteral("straight")).toStdString();
    RicTrainer trainer(promptedToyDomain(), promptedToyPrior(), objectives, options);
    TrainingObserver quiet;
    const auto result = trainer.run(quiet);
    QVERIFY(!result.final.contexts.empty());
    QCOMPARE(result.final.contexts.size(), result.final.samples.size());
    QVERIFY(result.final.contexts.front().field("motif").size() == 4);

    // The reward tokens themselves: a high continuation level against a low
    // one at the same level of ones, and the other way round.
    const auto conditioned = [&](int64_t continuation, int64_t ones) {
      return trainer.mergedPolicy().withConditioning(rewardPrompt({ continuation, ones }));
    };
    const auto continuationMargin =
      meanReward(trainer, conditioned(9, 5), 0) - meanReward(trainer, conditioned(3, 5), 0);
    const auto onesMargin =
      meanReward(trainer, conditioned(7, 9), 1) - meanReward(trainer, conditioned(7, 2), 1);
    qInfo("asking for continuation gives %.3f more of it; asking for ones %.3f more ones",
          continuationMargin,
          onesMargin);
    QVERIFY(continuationMargin > 0.05);
    QVERIFY(onesMargin > 0.2);
    // The conditioning goes after the prompt given to sample().
    const auto samples =
      trainer.remerge({ 0.0, 1.0 })
        .sample(4, options.evaluationSampling, 3, { "0000:", "0101:", "1111:", "0011:" });
    QCOMPARE(samples.size(), size_t(4));

    options.checkpointDirectory = dir.filePath(QStringLiteral("killed")).toStdString();
    std::stop_source stop;
    StopAfter stopper(stop, options.totalSteps - 2);
    RicTrainer killed(promptedToyDomain(), promptedToyPrior(), objectives, options);
    killed.run(stopper, stop.get_token());
    RicTrainer resumed(promptedToyDomain(), promptedToyPrior(), objectives, options);
    resumed.resumeFrom(options.checkpointDirectory + "/round-2.plround");
    const auto again = resumed.run(quiet);
    QCOMPARE(
      maxDifference(parametersOf(resumed.mergedPolicy()), parametersOf(trainer.mergedPolicy())),
      0.0);
    QCOMPARE(again.final.samples, result.final.samples);
  }

  void theTaskFileChoosesRic()
  {
    const auto task = parseTaskText(R"({"domain": "toy", "method": "ric",
      "objectives": [{"name": "ones"}, {"name": "alternation"}],
      "training": {"total_steps": 20, "ric": {"levels": 5, "offline_steps": 12}}})",
                                    "ric.json");
    QCOMPARE(int(task.training.method), int(Method::Ric));
    QCOMPARE(task.training.ric.levels, int64_t(5));
    QCOMPARE(task.training.ric.offlineSteps, int64_t(12));
    QVERIFY_THROWS_EXCEPTION(TaskError,
                             parseTaskText(R"({"domain": "toy", "method": "ric",
      "objectives": [{"name": "ones"}], "training": {"total_steps": 4,
      "ric": {"offline_steps": 12}}})",
                                           "ric.json"));
  }
};

QTEST_GUILESS_MAIN(TestRic)
#include "tst_ric.moc"
