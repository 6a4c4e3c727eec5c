// SPDX-License-Identifier: GPL-3.0-or-later
// Summaries learn: a small SentencePiece prior pretrained on the committed
// sample of pairs writes summaries of its sources, and IterativeRS on
// faithfulness, ROUGE-L and the prior's fluency raises their average reward.

#include "core/domainregistry.h"
#include "domains/text/textdomain.h"
#include "model/policy.h"
#include "train/iterativerstrainer.h"
#include "train/pretrain.h"

#include <torch/torch.h>

#include <QtTest>

#include <cmath>

using namespace paretolab::engine;

namespace {

std::shared_ptr<const TextDomain>
sampleDomain()
{
  return std::dynamic_pointer_cast<const TextDomain>(
    makeDomain("text",
               { { "pairs", PARETOLAB_SOURCE_DIR "/tests/data/text/pairs.jsonl" },
                 { "vocabulary_size", 900 },
                 { "source_words", 20 } }));
}

Policy
samplePrior(const TextDomain& domain)
{
  static Policy prior = [&] {
    torch::manual_seed(3);
    const auto corpus = domain.corpus();
    Policy policy(GptOptions{ .contextLength = 96, .embedDim = 48, .layers = 2, .heads = 4 },
                  Tokenizer::fit(domain.tokenizer(), corpus),
                  3);
    const auto result = pretrainPolicy(
      policy, corpus, PretrainOptions{ .epochs = 40, .learningRate = 3e-3, .patience = 40 });
    qInfo("prior: %lld epochs on %lld texts (%lld skipped), validation NLL %.3f",
          (long long)result.epochsRun,
          (long long)result.trainTexts,
          (long long)result.skippedTexts,
          result.bestValidationLoss);
    return policy;
  }();
  return prior.clone();
}

class Silent : public TrainingObserver
{};

} // namespace

class TextLearningTest : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void thePriorSummarisesItsSource()
  {
    const auto domain = sampleDomain();
    const auto prior = samplePrior(*domain);
    const auto contexts = domain->contexts(DataSplit::Train);
    std::vector<std::string> prompts;
    for (std::size_t i = 0; i < 16; ++i)
      prompts.push_back(contexts[i].prompt);
    const auto summaries =
      prior.sample(16, SamplingOptions{ .temperature = 1.0, .maxNewTokens = 16 }, 5, prompts);
    const auto metrics = domain->metrics(
      summaries, std::vector<SampleContext>(contexts.begin(), contexts.begin() + 16));
    qInfo("prior: validity %.2f, %.1f words; e.g. \"%s\"",
          metrics.at("validity"),
          metrics.at("mean_words"),
          summaries[0].c_str());
    QVERIFY(metrics.at("validity") > 0.8);
    QVERIFY(metrics.at("mean_words") > 2.0 && metrics.at("mean_words") < 16.0);
  }

  // The prior as a judge: a row is scored as it would be alone, whatever
  // else is in the batch; text longer than the context gets NaN.
  void theJudgeScoresEachRowAsAlone()
  {
    const auto domain = sampleDomain();
    const auto judge = likelihoodOf(samplePrior(*domain));
    const auto prompt = domain->contexts(DataSplit::Train).front().prompt;
    std::string longSummary, tooLong;
    for (int i = 0; i < 12; ++i)
      longSummary += "library for the parser ";
    for (int i = 0; i < 40; ++i)
      tooLong += "library for the parser ";
    const auto alone = judge->meanLogProbability({ "fast parser library" }, { prompt });
    const auto together = judge->meanLogProbability({ "fast parser library", longSummary, tooLong },
                                                    { prompt, prompt, prompt });
    QVERIFY(std::isfinite(alone[0]) && alone[0] < 0.0);
    QVERIFY2(std::abs(alone[0] - together[0]) < 1e-5,
             qPrintable(QString("%1 alone, %2 together").arg(alone[0]).arg(together[0])));
    QVERIFY(std::isfinite(together[1]));
    QVERIFY(std::isnan(together[2]));
    // Without a prompt the summary is judged as free text: another value.
    const auto free = judge->meanLogProbability({ "fast parser library" }, {});
    QVERIFY(std::abs(free[0] - alone[0]) > 1e-6);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             judge->meanLogProbability({ "a", "b" }, { prompt }));
  }

  void reinforcementRaisesTheAverageReward()
  {
    const auto domain = sampleDomain();
    TrainerOptions options;
    options.totalSteps = 32;
    options.mergePeriod = 4;
    options.seed = 2;
    options.evaluationBatch = 64;
    options.ppo.batchSize = 32;
    options.ppo.samplesPerPrompt = 4;
    options.ppo.learningRate = 2e-3;
    options.ppo.epochs = 2;
    options.ppo.klBeta = 0.02;
    options.ppo.sampling.maxNewTokens = 16;
    options.evaluationSampling = options.ppo.sampling;
    IterativeRsTrainer trainer(domain,
                               samplePrior(*domain),
                               { ObjectiveConfig{ .name = "faithful" },
                                 ObjectiveConfig{ .name = "rougeL" },
                                 ObjectiveConfig{ .name = "fluency" } },
                               options);
    Silent observer;
    const auto result = trainer.run(observer);
    // Fluency is the prior's judgement, so it has a value for every valid summary.
    std::size_t judged = 0;
    for (const auto& row : result.final.rawScores)
      judged += !std::isnan(row[2]);
    QVERIFY(judged > result.final.rawScores.size() / 2);
    qInfo("average reward: prior %.3f, trained %.3f (faithful %.3f -> %.3f, rougeL %.3f -> %.3f, "
          "fluency %.3f -> %.3f)",
          result.initial.averageReward,
          result.final.averageReward,
          result.initial.transformedMeans[0],
          result.final.transformedMeans[0],
          result.initial.transformedMeans[1],
          result.final.transformedMeans[1],
          result.initial.transformedMeans[2],
          result.final.transformedMeans[2]);
    QVERIFY2(
      result.final.averageReward > result.initial.averageReward + 0.03,
      qPrintable(
        QString("%1 -> %2").arg(result.initial.averageReward).arg(result.final.averageReward)));
  }
};

QTEST_GUILESS_MAIN(TextLearningTest)
#include "tst_textlearning.moc"
