// SPDX-License-Identifier: GPL-3.0-or-later
// The fused inference path against LibTorch's: the same logits, and the same
// samples for the same seed.
#include "model/fusedgpt.h"
#include "model/sampling.h"

#include <QtTest>

using namespace paretolab::engine;

namespace {

GptOptions
options(bool tiedHead)
{
  return GptOptions{ .vocabSize = 23,
                     .contextLength = 24,
                     .embedDim = 48,
                     .layers = 3,
                     .heads = 4,
                     .tiedHead = tiedHead };
}

// Weights far from GPT-2's small initialisation, so that attention and the
// MLP do real work and a wrong index shows in the logits.
Gpt
trainedLookingModel(bool tiedHead)
{
  torch::manual_seed(11);
  Gpt gpt(options(tiedHead));
  torch::NoGradGuard noGrad;
  for (auto& p : gpt->parameters())
    p.normal_(0.0, 0.3);
  gpt->eval();
  return gpt;
}

// Prompts of unequal length, left-padded, each starting with BOS.
torch::Tensor
paddedPrompts()
{
  return leftPaddedPrompts({ { Tokenizer::kBos, 5, 6, 7, 8 },
                             { Tokenizer::kBos },
                             { Tokenizer::kBos, 9, 10 },
                             { Tokenizer::kBos, 4, 4, 4, 12 } });
}

double
largestDifference(const torch::Tensor& a, const torch::Tensor& b)
{
  return (a - b).abs().max().item<double>();
}

} // namespace

class TestFusedGpt : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void logitsEqualLibTorchsAtEveryStep_data()
  {
    QTest::addColumn<bool>("tiedHead");
    QTest::addColumn<bool>("padded");
    QTest::newRow("tied head, one BOS each") << true << false;
    QTest::newRow("untied head, left-padded prompts") << false << true;
  }

  void logitsEqualLibTorchsAtEveryStep()
  {
    QFETCH(bool, tiedHead);
    QFETCH(bool, padded);
    auto gpt = trainedLookingModel(tiedHead);
    torch::NoGradGuard noGrad;
    auto prompt = padded ? paddedPrompts() : torch::full({ 4, 1 }, Tokenizer::kBos, torch::kLong);
    const auto batch = prompt.size(0);
    FusedGpt fused(*gpt, batch);
    KvCache cache;
    auto input = prompt.contiguous();
    auto expected = gpt->forward(input, cache).select(1, -1);
    const float* logits = fused.forward(input.data_ptr<int64_t>(), input.size(1));
    for (int64_t step = 0;; ++step) {
      auto actual = torch::from_blob(const_cast<float*>(logits), { batch, 23 }).clone();
      QVERIFY2(torch::allclose(actual, expected, 0.0, 1e-4),
               qPrintable(
                 QStringLiteral("step %1: %2").arg(step).arg(largestDifference(actual, expected))));
      if (cache.length == 24)
        break;
      // Greedy tokens, so that both continue the same sequences.
      input = expected.argmax(-1, true).contiguous();
      expected = gpt->forward(input, cache).select(1, -1);
      logits = fused.forward(input.data_ptr<int64_t>(), 1);
    }
    QCOMPARE(fused.length(), int64_t(24));
  }

  void aPromptPrefilledAtOnceEqualsOneTokenAtATime()
  {
    auto gpt = trainedLookingModel(true);
    auto prompt = paddedPrompts().contiguous();
    const auto batch = prompt.size(0), length = prompt.size(1);
    FusedGpt atOnce(*gpt, batch);
    auto whole =
      torch::from_blob(const_cast<float*>(atOnce.forward(prompt.data_ptr<int64_t>(), length)),
                       { batch, 23 })
        .clone();
    // The same positions fed column by column: padding is only known from the
    // first call, so start from a full batch of BOS-led rows instead.
    auto unpadded = torch::randint(2, 23, { batch, 6 }, torch::kLong);
    unpadded.select(1, 0).fill_(Tokenizer::kBos);
    FusedGpt first(*gpt, batch), second(*gpt, batch);
    auto contiguous = unpadded.contiguous();
    auto together =
      torch::from_blob(const_cast<float*>(first.forward(contiguous.data_ptr<int64_t>(), 6)),
                       { batch, 23 })
        .clone();
    const float* last = nullptr;
    for (int64_t t = 0; t < 6; ++t) {
      auto column = unpadded.select(1, t).contiguous();
      last = second.forward(column.data_ptr<int64_t>(), 1);
    }
    auto stepwise = torch::from_blob(const_cast<float*>(last), { batch, 23 }).clone();
    QVERIFY2(torch::allclose(together, stepwise, 0.0, 1e-4),
             qPrintable(QString::number(largestDifference(together, stepwise))));
    QVERIFY(torch::isfinite(whole).all().item<bool>());
  }

  void samplesEqualLibTorchsForTheSameSeed_data()
  {
    QTest::addColumn<double>("temperature");
    QTest::addColumn<double>("topP");
    QTest::addColumn<bool>("padded");
    QTest::newRow("plain") << 1.0 << 1.0 << false;
    QTest::newRow("temperature 0.7, top-p 0.9") << 0.7 << 0.9 << false;
    QTest::newRow("prompts") << 1.0 << 1.0 << true;
  }

  void samplesEqualLibTorchsForTheSameSeed()
  {
    QFETCH(double, temperature);
    QFETCH(double, topP);
    QFETCH(bool, padded);
    auto gpt = trainedLookingModel(true);
    const SamplingOptions sampling{ .temperature = temperature, .topP = topP, .maxNewTokens = 12 };
    std::vector<std::vector<int64_t>> prompts;
    if (padded)
      for (int64_t i = 0; i < 8; ++i)
        prompts.push_back(i % 2 ? std::vector<int64_t>{ Tokenizer::kBos, 5 + i % 3, 9 }
                                : std::vector<int64_t>{ Tokenizer::kBos });
    const int64_t count = padded ? 8 : 32;
    auto fusedGenerator = makeGenerator(42);
    auto torchGenerator = makeGenerator(42);
    auto fused =
      sampleSequences(*gpt, count, sampling, fusedGenerator, prompts, SamplingBackend::Fused);
    auto reference =
      sampleSequences(*gpt, count, sampling, torchGenerator, prompts, SamplingBackend::LibTorch);
    QCOMPARE(fused.promptLength, reference.promptLength);
    QCOMPARE(fused.tokens.sizes().vec(), reference.tokens.sizes().vec());
    // Both draw the same exponential noise; only a last-bit rounding
    // difference at a near tie could flip a token, which these weights do not
    // come near.
    QVERIFY(torch::equal(fused.tokens, reference.tokens));
    QVERIFY(torch::equal(fused.actionMask, reference.actionMask));
    // The fused sampler keeps what tokenStatistics says of the drawn tokens.
    torch::NoGradGuard noGrad;
    const auto expected = tokenStatistics(*gpt, fused.tokens, temperature, /*withEntropy=*/true);
    const auto drawn = fused.actionMask != 0;
    QVERIFY(torch::allclose(
      fused.logProbs.masked_select(drawn), expected.logProbs.masked_select(drawn), 0.0, 1e-4));
    QVERIFY(torch::allclose(
      fused.entropy.masked_select(drawn), expected.entropy.masked_select(drawn), 0.0, 1e-4));
    QVERIFY(!reference.logProbs.defined());
    // And the draws are not trivially the same token everywhere.
    QVERIFY(std::get<0>(torch::_unique(fused.tokens)).numel() > 5);
  }

  void inferenceTokenStatisticsEqualLibTorchs()
  {
    auto gpt = trainedLookingModel(false);
    // Left-padded prompts, then tokens, then PAD after an EOS: every case the
    // evaluation's batches hold.
    auto tokens = torch::cat({ paddedPrompts(), torch::randint(3, 23, { 4, 6 }, torch::kLong) }, 1);
    tokens[1][7] = Tokenizer::kEos;
    tokens.select(0, 1).narrow(0, 8, tokens.size(1) - 8).fill_(Tokenizer::kPad);
    torch::NoGradGuard noGrad;
    const auto expected = tokenStatistics(*gpt, tokens, 0.8, /*withEntropy=*/true);
    const auto actual = inferenceTokenStatistics(*gpt, tokens, 0.8, /*withEntropy=*/true);
    // Positions a PAD is read at carry no gradient and no meaning; compare the rest.
    const auto used = tokens.narrow(1, 0, tokens.size(1) - 1) != Tokenizer::kPad;
    QVERIFY2(
      torch::allclose(
        actual.logProbs.masked_select(used), expected.logProbs.masked_select(used), 0.0, 1e-4),
      qPrintable(QString::number(largestDifference(actual.logProbs.masked_select(used),
                                                   expected.logProbs.masked_select(used)))));
    QVERIFY(torch::allclose(
      actual.entropy.masked_select(used), expected.entropy.masked_select(used), 0.0, 1e-4));
  }

  void aTokenOutsideTheVocabularyFailsWithAMessage()
  {
    auto gpt = trainedLookingModel(true);
    FusedGpt fused(*gpt, 2);
    const int64_t tokens[] = { Tokenizer::kBos, 23 };
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, fused.forward(tokens, 1));
  }

  void aModelWithNaNWeightsFailsWithAMessage()
  {
    auto gpt = trainedLookingModel(true);
    {
      torch::NoGradGuard noGrad;
      gpt->parameters().front().fill_(std::numeric_limits<float>::quiet_NaN());
    }
    auto generator = makeGenerator(1);
    try {
      sampleSequences(*gpt, 4, SamplingOptions{}, generator);
      QFAIL("NaN weights were sampled from");
    } catch (const std::runtime_error& error) {
      QVERIFY(QString::fromUtf8(error.what()).contains(QStringLiteral("nan")));
    }
  }
};

QTEST_APPLESS_MAIN(TestFusedGpt)
#include "tst_fusedgpt.moc"
