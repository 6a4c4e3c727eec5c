// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/toy/toydomain.h"
#include "model/gpt.h"
#include "model/mixedprecision.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"
#include "train/pretrain.h"
#include "train/priorcache.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace paretolab::engine;

class TestPretrain : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  // Uniform random bits: the best possible NLL is ln 2 per bit and ~0 for EOS,
  // i.e. ln 2 * 12/13 per token for 12-bit strings.
  void learnsTheCorpusDistribution()
  {
    ToyDomain domain(ToyDomain::Options{ .length = 12, .corpusSize = 1500 });
    const auto corpus = domain.corpus();
    torch::manual_seed(1);
    Policy policy(GptOptions{ .contextLength = 16, .embedDim = 32, .layers = 2, .heads = 4 },
                  Tokenizer::fit(TokenizerSpec{ "characters" }, corpus));
    const double before = meanNegativeLogLikelihood(policy, corpus);
    std::vector<PretrainProgress> reports;
    const auto result = pretrainPolicy(policy,
                                       corpus,
                                       PretrainOptions{ .epochs = 4, .learningRate = 3e-3 },
                                       [&](const PretrainProgress& p) { reports.push_back(p); });
    const double optimum = std::log(2.0) * 12.0 / 13.0;
    qInfo("NLL per token: %.4f before, %.4f after (optimum %.4f)",
          before,
          result.bestValidationLoss,
          optimum);
    QVERIFY(before > 1.0); // near ln 3 untrained: 0, 1 and EOS equally likely
    QVERIFY(result.bestValidationLoss < optimum + 0.02);
    QCOMPARE(result.trainTexts + result.validationTexts, int64_t(1500));
    QCOMPARE(result.validationTexts, int64_t(150));
    QVERIFY(!result.optimizerState.empty());
    QVERIFY(!reports.empty());
    QCOMPARE(reports.back().epoch, result.epochsRun);
    QVERIFY(!std::isnan(reports.back().validationLoss));

    // The prior now writes well-formed 12-bit strings.
    const auto samples = policy.sample(200, SamplingOptions{}, 4);
    QVERIFY(domain.metrics(samples).at("validity") > 0.95);
    QCOMPARE(policy.sample(5, SamplingOptions{}, 9), policy.sample(5, SamplingOptions{}, 9));
  }

  // In a MixedPrecisionScope the matrix products are bfloat16 and the token
  // log-probabilities float32; outside it, everything is float32 again.
  void aMixedPrecisionScopeMultipliesInBfloat16()
  {
    torch::manual_seed(3);
    Gpt model(GptOptions{ .vocabSize = 6, .contextLength = 8, .embedDim = 16, .heads = 2 });
    const auto tokens = torch::randint(2, 6, { 3, 8 }, torch::kLong);
    torch::Tensor exact, low;
    {
      MixedPrecisionScope scope(true);
      QCOMPARE(model->forward(tokens).scalar_type(), torch::kBFloat16);
      low = tokenStatistics(*model, tokens, 1.0).logProbs;
    }
    QCOMPARE(low.scalar_type(), torch::kFloat);
    QCOMPARE(model->forward(tokens).scalar_type(), torch::kFloat);
    exact = tokenStatistics(*model, tokens, 1.0).logProbs;
    const double error = (low - exact).abs().max().item<double>();
    qInfo("largest log-probability error in bfloat16: %.4f", error);
    QVERIFY(error > 0.0);  // the scope did change the arithmetic
    QVERIFY(error < 0.05); // bfloat16 keeps 8 bits of mantissa
    {
      MixedPrecisionScope off(false);
      QCOMPARE(model->forward(tokens).scalar_type(), torch::kFloat);
    }
  }

  // The same run with bfloat16 forward passes learns as well, but not the
  // same weights: pretrain.precision really changes how it computes.
  void learnsAsWellInBfloat16()
  {
    ToyDomain domain(ToyDomain::Options{ .length = 12, .corpusSize = 1500 });
    const auto corpus = domain.corpus();
    const auto train = [&](bool bfloat16) {
      torch::manual_seed(1);
      Policy policy(GptOptions{ .contextLength = 16, .embedDim = 32, .layers = 2, .heads = 4 },
                    Tokenizer::fit(TokenizerSpec{ "characters" }, corpus));
      const auto result = pretrainPolicy(
        policy, corpus, PretrainOptions{ .epochs = 4, .learningRate = 3e-3, .bfloat16 = bfloat16 });
      return std::pair{ result.bestValidationLoss, snapshotParameters(*policy.state().model) };
    };
    const auto [exactLoss, exactWeights] = train(false);
    const auto [lowLoss, lowWeights] = train(true);
    const double optimum = std::log(2.0) * 12.0 / 13.0;
    qInfo("validation NLL %.4f in float32, %.4f in bfloat16 (optimum %.4f)",
          exactLoss,
          lowLoss,
          optimum);
    QVERIFY(lowLoss < optimum + 0.02);
    QVERIFY(std::abs(lowLoss - exactLoss) < 0.01);
    QVERIFY(!torch::equal(lowWeights.front(), exactWeights.front()));
    QCOMPARE(lowWeights.front().scalar_type(), torch::kFloat);
  }

  void aStoppedPretrainingResumesWhereItWas_data()
  {
    QTest::addColumn<int64_t>("bucketBatches");
    QTest::addColumn<double>("decayFraction");
    QTest::addColumn<int64_t>("validationInterval");
    QTest::addColumn<int64_t>("savedBatch"); // of epoch 3, where the resume begins
    QTest::addColumn<double>("learningRate");
    QTest::newRow("constant rate, batches in order")
      << int64_t(0) << 0.0 << int64_t(0) << int64_t(0) << 3e-3;
    // The bucketed batches are shuffled and the rate falls over the last half:
    // both must come back the same after a resume.
    QTest::newRow("bucketed, decayed") << int64_t(3) << 0.5 << int64_t(0) << int64_t(0) << 3e-3;
    // Validated every 2 batches, it goes on from the last validation within the
    // epoch: stopped after batch 5 of 6, from batch 4.
    QTest::newRow("bucketed, decayed, from within the epoch")
      << int64_t(3) << 0.5 << int64_t(2) << int64_t(4) << 3e-3;
    // At a rate this high the epochs after the second validate worse, so the
    // prior kept is epoch 2's: the resumed run must remember that loss.
    QTest::newRow("worse after the resume") << int64_t(0) << 0.0 << int64_t(0) << int64_t(0) << 0.1;
  }

  // Stopped in epoch 3, pretraining goes on from epoch 2's end (or its last
  // validation in epoch 3) and ends with the very parameters of an
  // uninterrupted run.
  void aStoppedPretrainingResumesWhereItWas()
  {
    QFETCH(int64_t, bucketBatches);
    QFETCH(double, decayFraction);
    QFETCH(int64_t, validationInterval);
    QFETCH(int64_t, savedBatch);
    QFETCH(double, learningRate);
    ToyDomain domain(ToyDomain::Options{ .length = 8, .corpusSize = 400 });
    const auto corpus = domain.corpus();
    const auto tokenizer = Tokenizer::fit(TokenizerSpec{ "characters" }, corpus);
    const GptOptions shape{
      .contextLength = 12, .embedDim = 16, .layers = 1, .heads = 2, .dropout = 0.1
    };
    QTemporaryDir dir;
    PretrainOptions options{ .epochs = 4,
                             .learningRate = learningRate,
                             .patience = 10,
                             .validationInterval = validationInterval,
                             .bucketBatches = bucketBatches,
                             .decayFraction = decayFraction };

    Policy straight(shape, tokenizer, 5);
    double straightLoss = 0.0; // the running train NLL at the end of epoch 3
    std::vector<double> validationLosses;
    pretrainPolicy(straight, corpus, options, [&](const PretrainProgress& p) {
      if (p.epoch == 3 && p.batch == p.batches)
        straightLoss = p.trainLoss;
      if (p.epochFinished)
        validationLosses.push_back(p.validationLoss);
    });
    QCOMPARE(validationLosses.size(), size_t(4));

    options.resumeFile = dir.filePath(QStringLiteral("prior.partial")).toStdString();
    Policy interrupted(shape, tokenizer, 5);
    std::stop_source stop;
    const auto first = pretrainPolicy(
      interrupted,
      corpus,
      options,
      [&](const PretrainProgress& p) {
        if (p.epoch == 3 && p.batch == 5)
          stop.request_stop();
      },
      stop.get_token());
    QVERIFY(first.cancelled);
    QVERIFY(QFile::exists(QString::fromStdString(options.resumeFile)));

    Policy resumed(shape, tokenizer, 99); // other weights: the file must set them all
    double resumedLoss = 0.0;
    const auto second = pretrainPolicy(resumed, corpus, options, [&](const PretrainProgress& p) {
      QVERIFY(p.epoch > 3 || p.batch > savedBatch); // nothing is trained twice
      if (p.epoch == 3 && p.batch == p.batches)
        resumedLoss = p.trainLoss;
    });
    QCOMPARE(second.resumedAfterEpoch, int64_t(2));
    QCOMPARE(second.resumedAtBatch, savedBatch);
    QCOMPARE(resumedLoss, straightLoss); // the epoch's running mean goes on too
    // The best loss before the stop counts after it: the kept prior is the best epoch's.
    QCOMPARE(second.bestValidationLoss,
             *std::min_element(validationLosses.begin(), validationLosses.end()));
    if (learningRate > 0.01)
      QVERIFY(validationLosses[2] > validationLosses[1] &&
              validationLosses[3] > validationLosses[1]);
    QCOMPARE(second.epochsRun, int64_t(4));
    const auto a = straight.state().model->parameters();
    const auto b = resumed.state().model->parameters();
    for (size_t i = 0; i < a.size(); ++i)
      QVERIFY(torch::equal(a[i], b[i]));

    // A file from another corpus does not fit and is ignored.
    Policy other(shape, tokenizer, 5);
    const auto fresh = pretrainPolicy(other, { corpus.begin(), corpus.begin() + 200 }, options);
    QCOMPARE(fresh.resumedAfterEpoch, int64_t(0));
  }

  void learningRateIsConstantThenFallsLinearlyToZero()
  {
    const PretrainOptions options{ .learningRate = 1e-3, .decayFraction = 0.25 };
    QCOMPARE(scheduledLearningRate(options, 0, 100), 1e-3);
    QCOMPARE(scheduledLearningRate(options, 75, 100), 1e-3);
    QCOMPARE(scheduledLearningRate(options, 80, 100), 1e-3 * 20.0 / 25.0);
    QCOMPARE(scheduledLearningRate(options, 99, 100), 1e-3 / 25.0);
    // Without a decay the rate never changes.
    QCOMPARE(scheduledLearningRate(PretrainOptions{ .learningRate = 1e-3 }, 99, 100), 1e-3);
  }

  // Texts of 2 to 99 tokens, as in ChEMBL: batches drawn in order pad about
  // half their positions; bucketed ones visit the same items and pad little.
  void bucketedBatchesVisitEveryItemOnceAndPadLittle()
  {
    std::mt19937_64 lengths(3);
    std::vector<std::vector<int64_t>> encoded(500);
    for (auto& ids : encoded)
      ids.assign(2 + lengths() % 98, 7);
    std::vector<int64_t> order(1000); // two spellings of each text
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(1);
    std::shuffle(order.begin(), order.end(), rng);

    const auto paddedShare = [&](const std::vector<std::vector<int64_t>>& batches) {
      double positions = 0, tokens = 0;
      for (const auto& batch : batches) {
        size_t longest = 0;
        for (auto item : batch) {
          longest = std::max(longest, encoded[size_t(item) % 500].size());
          tokens += double(encoded[size_t(item) % 500].size());
        }
        positions += double(longest * batch.size());
      }
      return 1.0 - tokens / positions;
    };
    const auto plain = epochBatches(order, encoded, 32, 0, rng);
    const auto bucketed = epochBatches(order, encoded, 32, 8, rng);
    QCOMPARE(plain.size(), size_t(32)); // 31 full batches and one of 8
    QCOMPARE(bucketed.size(), plain.size());
    QCOMPARE(plain.front(), std::vector<int64_t>(order.begin(), order.begin() + 32));
    std::vector<int64_t> visited;
    for (const auto& batch : bucketed)
      visited.insert(visited.end(), batch.begin(), batch.end());
    std::sort(visited.begin(), visited.end());
    std::vector<int64_t> all(1000);
    std::iota(all.begin(), all.end(), 0);
    QCOMPARE(visited, all);
    qInfo("padded share of positions: %.3f in order, %.3f bucketed",
          paddedShare(plain),
          paddedShare(bucketed));
    QVERIFY(paddedShare(plain) > 0.3);
    QVERIFY(paddedShare(bucketed) < 0.15);
    // A pool larger than the epoch is the epoch.
    QCOMPARE(epochBatches(order, encoded, 32, std::numeric_limits<int64_t>::max(), rng).size(),
             size_t(32));
  }

  // The second stage of a prior: it keeps the first stage's model, vocabulary
  // and held-out split, learns on, and leaves the first stage's prior as it was.
  void continuesTrainingAGivenPrior()
  {
    ToyDomain domain(ToyDomain::Options{ .length = 12, .corpusSize = 600 });
    const auto corpus = domain.corpus();
    const GptOptions shape{ .contextLength = 16, .embedDim = 32, .layers = 2, .heads = 4 };
    const auto first =
      pretrainPrior(domain, corpus, shape, PretrainOptions{ .epochs = 1, .learningRate = 3e-3 });
    const auto firstWeights = snapshotParameters(*first.policy.state().model);

    const auto second =
      pretrainPrior(domain,
                    corpus,
                    GptOptions{ .embedDim = 8 }, // unused: the model is the initial prior's
                    PretrainOptions{ .epochs = 3, .learningRate = 3e-3, .decayFraction = 0.5 },
                    {},
                    {},
                    &first.policy);
    qInfo("validation NLL %.4f after the first stage, %.4f after the second",
          first.pretraining.bestValidationLoss,
          second.pretraining.bestValidationLoss);
    QCOMPARE(second.policy.options().embedDim, int64_t(32));
    QCOMPARE(second.policy.tokenizer().tokens(), first.policy.tokenizer().tokens());
    QCOMPARE(second.pretraining.heldOut, first.pretraining.heldOut);
    QVERIFY(second.pretraining.bestValidationLoss < first.pretraining.bestValidationLoss - 0.05);
    const auto unchanged = snapshotParameters(*first.policy.state().model);
    for (size_t i = 0; i < firstWeights.size(); ++i)
      QVERIFY(torch::equal(unchanged[i], firstWeights[i]));
  }

  void stopsWhenCancelled()
  {
    ToyDomain domain;
    const auto corpus = domain.corpus();
    Policy policy(GptOptions{ .contextLength = 20, .embedDim = 16, .layers = 1, .heads = 2 },
                  Tokenizer::fit(TokenizerSpec{ "characters" }, corpus));
    std::stop_source stop;
    int batches = 0;
    const auto result = pretrainPolicy(
      policy,
      corpus,
      PretrainOptions{ .epochs = 50 },
      [&](const PretrainProgress&) {
        if (++batches == 3)
          stop.request_stop();
      },
      stop.get_token());
    QVERIFY(result.cancelled);
    QCOMPARE(batches, 3);
  }

  void skipsTextsThatDoNotFit()
  {
    Policy policy(GptOptions{ .contextLength = 5, .embedDim = 16, .layers = 1, .heads = 2 },
                  Tokenizer::fit(TokenizerSpec{ "characters" }, { "0", "1" }));
    const auto result = pretrainPolicy(
      policy, { "0101", "1100", "01", "0110101", "2" }, PretrainOptions{ .epochs = 1 });
    QCOMPARE(result.skippedTexts, int64_t(2)); // too long, unknown token
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             pretrainPolicy(policy, { "222" }, PretrainOptions{ .epochs = 1 }));
  }

  void samplingHonoursTopPAndLength()
  {
    torch::manual_seed(2);
    Policy policy(GptOptions{ .contextLength = 10, .embedDim = 16, .layers = 1, .heads = 2 },
                  Tokenizer::fit(TokenizerSpec{ "characters" }, { "01" }));
    auto& model = *policy.state().model;
    auto generator = makeGenerator(1);
    // A top-p this small keeps only the most likely token: sampling is greedy.
    const auto greedy = sampleSequences(model, 8, SamplingOptions{ .topP = 1e-6 }, generator);
    QVERIFY(torch::equal(greedy.tokens, greedy.tokens[0].expand_as(greedy.tokens)));

    const auto batch = sampleSequences(model, 64, SamplingOptions{ .maxNewTokens = 4 }, generator);
    QVERIFY(batch.tokens.size(1) <= 5);
    QVERIFY((batch.tokens.select(1, 0) == Tokenizer::kBos).all().item<bool>());
    // Nothing but PAD follows EOS, and PAD and BOS are never drawn.
    auto generated = batch.tokens.narrow(1, 1, batch.tokens.size(1) - 1);
    QVERIFY(((generated == Tokenizer::kPad) == (batch.actionMask == 0)).all().item<bool>());
    QVERIFY((generated != Tokenizer::kBos).all().item<bool>());
    auto stats = tokenStatistics(model, batch.tokens, 1.0);
    QVERIFY(torch::isfinite(stats.logProbs).all().item<bool>());
  }
};

QTEST_GUILESS_MAIN(TestPretrain)
#include "tst_pretrain.moc"
