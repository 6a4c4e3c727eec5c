// SPDX-License-Identifier: GPL-3.0-or-later
// LibTorch first: Qt's headers must not come before it (see TOOLCHAIN.md).
#include "model/gpt.h"

#include <QtTest>

using namespace paretolab::engine;

namespace {

GptOptions
smallOptions()
{
  return GptOptions{
    .vocabSize = 12, .contextLength = 16, .embedDim = 32, .layers = 2, .heads = 4
  };
}

} // namespace

class TestGpt : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void init() { torch::manual_seed(7); }

  void forwardGivesFiniteLogitsOfTheRightShape()
  {
    Gpt gpt(smallOptions());
    auto tokens = torch::randint(0, 12, { 3, 10 }, torch::kLong);
    auto logits = gpt->forward(tokens);
    QCOMPARE(logits.sizes().vec(), (std::vector<int64_t>{ 3, 10, 12 }));
    QVERIFY(torch::isfinite(logits).all().item<bool>());
  }

  void isCausal()
  {
    // Changing the last token must leave every earlier position's logits unchanged.
    Gpt gpt(smallOptions());
    auto tokens = torch::randint(0, 12, { 2, 8 }, torch::kLong);
    auto changed = tokens.clone();
    changed.index_put_({ torch::indexing::Slice(), 7 },
                       (tokens.index({ torch::indexing::Slice(), 7 }) + 1) % 12);
    auto a = gpt->forward(tokens).narrow(1, 0, 7);
    auto b = gpt->forward(changed).narrow(1, 0, 7);
    QVERIFY(torch::allclose(a, b, 0.0, 1e-6));
  }

  void kvCacheMatchesFullForward_data()
  {
    QTest::addColumn<bool>("tiedHead");
    QTest::newRow("tied head") << true;
    QTest::newRow("untied head") << false;
  }

  void kvCacheMatchesFullForward()
  {
    QFETCH(bool, tiedHead);
    auto options = smallOptions();
    options.tiedHead = tiedHead;
    Gpt gpt(options);
    torch::NoGradGuard noGrad;
    auto tokens = torch::randint(0, 12, { 4, 9 }, torch::kLong);
    auto full = gpt->forward(tokens);

    // A 3-token prompt, then one token at a time, as sampling does.
    KvCache cache;
    std::vector<torch::Tensor> pieces{ gpt->forward(tokens.narrow(1, 0, 3), cache) };
    for (int64_t t = 3; t < 9; ++t)
      pieces.push_back(gpt->forward(tokens.narrow(1, t, 1), cache));
    QCOMPARE(cache.length, int64_t(9));
    auto cached = torch::cat(pieces, 1);
    QVERIFY2(torch::allclose(full, cached, 0.0, 1e-5),
             qPrintable(QString::number((full - cached).abs().max().item<double>())));
  }

  void rejectsSequencesLongerThanTheContext()
  {
    Gpt gpt(smallOptions());
    auto tokens = torch::zeros({ 1, 17 }, torch::kLong);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, gpt->forward(tokens));
  }

  void rejectsHeadsThatDoNotDivideTheWidth()
  {
    auto options = smallOptions();
    options.heads = 5;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Gpt{ options });
  }
};

QTEST_GUILESS_MAIN(TestGpt)
#include "tst_gpt.moc"
