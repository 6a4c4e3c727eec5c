// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/growth.h"
#include "model/policystate.h"

#include <QtTest>

using namespace paretolab::engine;

namespace {

/// A small policy whose weights are far from their near-uniform initialisation,
/// so that logits which agree show that the grown model computes the same thing.
Policy
scrambledPolicy(bool tiedHead)
{
  const auto tokenizer = Tokenizer::fit(TokenizerSpec{ "characters" }, { "0123456789", "abcdefg" });
  Policy policy(
    GptOptions{
      .contextLength = 12, .embedDim = 16, .layers = 2, .heads = 2, .tiedHead = tiedHead },
    tokenizer,
    5);
  torch::NoGradGuard noGrad;
  for (auto& p : policy.state().model->parameters())
    p.copy_(torch::randn(p.sizes()) * 0.5 + (p.dim() == 1 ? 0.3 : 0.0));
  return policy;
}

torch::Tensor
logits(const Policy& policy)
{
  torch::manual_seed(11);
  const auto vocab = policy.options().vocabSize;
  auto tokens = torch::randint(1, vocab, { 4, 12 }, torch::kLong);
  torch::NoGradGuard noGrad;
  return policy.state().model->forward(tokens);
}

GptOptions
doubled(const Policy& policy, int64_t layers)
{
  auto options = policy.options();
  options.embedDim *= 2;
  options.heads *= 2;
  options.layers = layers;
  return options;
}

} // namespace

class TestGrowth : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void grownPolicyComputesTheSameLogits_data()
  {
    QTest::addColumn<bool>("tiedHead");
    QTest::addColumn<int>("factor");
    QTest::addColumn<int>("layers");
    QTest::newRow("tied, twice as wide, one layer more") << true << 2 << 3;
    QTest::newRow("untied head, three times as wide") << false << 3 << 2;
    QTest::newRow("same width, two layers more") << true << 1 << 4;
  }

  void grownPolicyComputesTheSameLogits()
  {
    QFETCH(bool, tiedHead);
    QFETCH(int, factor);
    QFETCH(int, layers);
    const auto small = scrambledPolicy(tiedHead);
    auto larger = small.options();
    larger.embedDim *= factor;
    larger.heads *= factor;
    larger.layers = layers;
    const auto grown = growPolicy(small, larger, 0.0, 7);

    QCOMPARE(grown.options().embedDim, larger.embedDim);
    QCOMPARE(grown.options().layers, int64_t(layers));
    QVERIFY(grown.parameterCount() > small.parameterCount() || factor == 1);
    QVERIFY(grown.tokenizer() == small.tokenizer());
    const auto reference = logits(small);
    const auto spread = reference.std().item<double>();
    QVERIFY2(spread > 0.5, "the small model's logits are too flat to tell anything");
    // Agreement relative to the largest logit. Not exact: a copied stream has
    // 1/k of the variance, so the norms' epsilon (1e-5) weighs k times more.
    const auto difference =
      (logits(grown) - reference).abs().max().item<double>() / reference.abs().max().item<double>();
    QVERIFY2(difference < 1e-4, QByteArray::number(difference));
  }

  void noiseSetsTheCopiesApartButKeepsTheFunctionClose()
  {
    const auto small = scrambledPolicy(true);
    const auto grown = growPolicy(small, doubled(small, 2), 1e-3, 7);
    const auto embedding = grown.state().model->named_parameters()["token_embedding.weight"];
    const auto copies = embedding.chunk(2, 1);
    QVERIFY(!torch::equal(copies[0], copies[1]));
    const auto difference = (logits(grown) - logits(small)).abs().max().item<double>();
    QVERIFY2(difference > 0.0 && difference < 0.05, QByteArray::number(difference));
  }

  void refusesShapesItCannotGrowInto()
  {
    const auto small = scrambledPolicy(true);
    auto options = small.options();
    QVERIFY(growthObstacle(options, options).empty());

    auto narrower = options;
    narrower.embedDim = 24;
    narrower.heads = 3;
    QVERIFY(growthObstacle(options, narrower).find("whole multiple") != std::string::npos);

    auto wideHeads = doubled(small, 2);
    wideHeads.heads = options.heads;
    QVERIFY(growthObstacle(options, wideHeads).find("needs 4 heads") != std::string::npos);

    auto shallower = options;
    shallower.layers = 1;
    QVERIFY(growthObstacle(options, shallower).find("at least as deep") != std::string::npos);

    auto longer = options;
    longer.contextLength = 20;
    QVERIFY(growthObstacle(options, longer).find("context") != std::string::npos);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, growPolicy(small, longer, 0.0, 1));
  }
};

QTEST_APPLESS_MAIN(TestGrowth)
#include "tst_growth.moc"
