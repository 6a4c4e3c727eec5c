// SPDX-License-Identifier: GPL-3.0-or-later
// Conditional generation: prompts prefilled into the KV cache, prompts of
// unequal length padded on the left, and only generated tokens in the KL, the
// entropy and the PPO loss.

#include "model/policystate.h"
#include "model/sampling.h"
#include "train/evaluation.h"
#include "train/iterativerstrainer.h"
#include "train/ppo.h"

#include "support/toyprior.h"

#include <QtTest>

#include <limits>

using namespace paretolab::engine;
using namespace paretolab::engine::testing;

namespace {

std::vector<std::vector<int64_t>>
encodedPrompts(const Tokenizer& tokenizer, const std::vector<std::string>& prompts)
{
  std::vector<std::vector<int64_t>> encoded;
  for (const auto& prompt : prompts)
    encoded.push_back(tokenizer.encodePrompt(prompt));
  return encoded;
}

class RecordingObserver : public TrainingObserver
{
public:
  void onMerge(const MergeReport& report) override { merges.push_back(report); }
  std::vector<MergeReport> merges;
};

} // namespace

class TestConditional : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() { torch::manual_seed(7); }

  // A row padded on the left gets the same logits at its real positions as
  // the same row alone: positions count from BOS and padded keys are hidden.
  void leftPaddingDoesNotChangeTheLogits()
  {
    const auto prior = promptedToyPrior();
    auto& model = *prior.state().model;
    model.eval();
    torch::NoGradGuard noGrad;
    const auto& tokenizer = prior.tokenizer();
    const auto shortIds = tokenizer.encode("01:0110");
    const auto longIds = tokenizer.encode("0110:01100110");
    const auto padded = leftPaddedPrompts({ shortIds, longIds });
    const auto pad = padded.size(1) - int64_t(shortIds.size());
    QVERIFY(pad > 0);
    const auto batch = model.forward(padded);
    const auto alone = model.forward(leftPaddedPrompts({ shortIds }));
    const auto real = batch.select(0, 0).narrow(0, pad, int64_t(shortIds.size()));
    QVERIFY2(torch::allclose(real, alone.select(0, 0), 1e-5, 1e-5),
             qPrintable(QString::number((real - alone.select(0, 0)).abs().max().item<double>())));
    const auto full = model.forward(leftPaddedPrompts({ longIds }));
    QVERIFY(torch::allclose(batch.select(0, 1), full.select(0, 0), 1e-5, 1e-5));
    QVERIFY(!torch::isnan(batch).any().item<bool>());
  }

  // Sampling continues each prompt; the cached logits of a padded batch agree
  // with a full forward pass, so the drawn tokens' log-probabilities are exact.
  void samplingContinuesThePromptsAndMasksThem()
  {
    const auto prior = promptedToyPrior();
    auto& model = *prior.state().model;
    const auto& tokenizer = prior.tokenizer();
    const auto prompts = encodedPrompts(tokenizer, { "0110:", "1:", "0011:", "0110:" });
    auto generator = makeGenerator(3);
    const auto batch =
      sampleSequences(model, 4, SamplingOptions{ .maxNewTokens = 8 }, generator, prompts);
    QCOMPARE(batch.promptLength, int64_t(6)); // the longest prompt: BOS and five tokens
    // No prompt column is an action; generated ones are, until EOS.
    QCOMPARE(batch.actionMask.narrow(1, 0, batch.promptLength - 1).sum().item<double>(), 0.0);
    QVERIFY(batch.actionMask.narrow(1, batch.promptLength - 1, 1).min().item<double>() == 1.0);
    for (int64_t row = 0; row < 4; ++row) {
      const auto tokens = batch.tokens.select(0, row);
      const auto prompt = prompts[size_t(row)];
      const auto offset = batch.promptLength - int64_t(prompt.size());
      for (size_t i = 0; i < prompt.size(); ++i)
        QCOMPARE(tokens[offset + int64_t(i)].item<int64_t>(), prompt[i]);
      for (int64_t i = 0; i < offset; ++i)
        QCOMPARE(tokens[i].item<int64_t>(), Tokenizer::kPad);
    }
    // The text of a sample is what was generated after its prompt.
    const auto texts = decodeBatch(tokenizer, batch);
    for (int64_t row = 0; row < 4; ++row) {
      const auto generated = batch.tokens.select(0, row).narrow(
        0, batch.promptLength, batch.tokens.size(1) - batch.promptLength);
      QCOMPARE(
        texts[size_t(row)],
        tokenizer.decode(std::vector<int64_t>(generated.data_ptr<int64_t>(),
                                              generated.data_ptr<int64_t>() + generated.numel())));
    }
  }

  // The KL and the PPO loss do not see prompt positions: garbage there, even
  // infinities, changes neither the KL nor the loss nor its gradient.
  void promptTokensTakeNoPartInTheKlOrTheLoss()
  {
    const auto prior = promptedToyPrior();
    auto policy = prior.clone();
    auto& model = *policy.state().model;
    auto& reference = *prior.state().model;
    const auto& tokenizer = prior.tokenizer();
    const auto prompts = encodedPrompts(tokenizer, { "0110:", "0110:", "1:", "1:" });
    PpoOptions options;
    options.batchSize = 4;
    options.sampling.maxNewTokens = 8;
    auto generator = makeGenerator(11);
    auto rollout = collectRollout(model, reference, options, generator, prompts, { 0, 0, 1, 1 });
    assignAdvantages(rollout, torch::tensor({ 1.0F, 0.0F, 0.5F, 0.25F }), options);

    const auto& mask = rollout.sequences.actionMask;
    const auto prompt = (mask == 0);
    // The KL sums generated tokens only: recomputed by hand, position by position.
    auto byHand = torch::zeros({ 4 });
    for (int64_t row = 0; row < 4; ++row)
      for (int64_t t = 0; t < mask.size(1); ++t)
        if (mask[row][t].item<float>() > 0)
          byHand[row] += rollout.oldLogProbs[row][t] - rollout.refLogProbs[row][t];
    QVERIFY(torch::allclose(rollout.klPerSequence, byHand, 1e-5, 1e-6));
    const auto garbage = std::numeric_limits<float>::infinity();
    QVERIFY(torch::allclose(sequenceKl(rollout.oldLogProbs.masked_fill(prompt, garbage),
                                       rollout.refLogProbs.masked_fill(prompt, -garbage),
                                       mask),
                            rollout.klPerSequence));

    const auto rows = torch::arange(4, torch::kLong);
    const auto lossAndGradient = [&](const Rollout& r) {
      model.zero_grad();
      auto loss = ppoLoss(model, r, rows, options);
      loss.backward();
      std::vector<torch::Tensor> grads;
      for (const auto& p : model.parameters())
        grads.push_back(p.grad().clone());
      return std::make_pair(loss.item<double>(), grads);
    };
    const auto [loss, grads] = lossAndGradient(rollout);
    auto poisoned = rollout;
    poisoned.oldLogProbs = rollout.oldLogProbs.masked_fill(prompt, 1e30F);
    poisoned.advantages = rollout.advantages.masked_fill(prompt, garbage);
    const auto [poisonedLoss, poisonedGrads] = lossAndGradient(poisoned);
    QCOMPARE(poisonedLoss, loss);
    for (size_t i = 0; i < grads.size(); ++i)
      QVERIFY(torch::equal(grads[i], poisonedGrads[i]));
    QVERIFY(std::isfinite(loss));
  }

  // RLOO's baseline is taken among the sequences of the same prompt.
  void rlooBaselinesArePerPrompt()
  {
    Rollout rollout;
    rollout.sequences.actionMask = torch::ones({ 4, 3 });
    rollout.klPerSequence = torch::zeros({ 4 });
    rollout.groups = torch::tensor({ 0, 0, 1, 1 }, torch::kLong);
    assignAdvantages(rollout, torch::tensor({ 1.0F, 0.0F, 10.0F, 12.0F }), PpoOptions{});
    const auto first = rollout.advantages.select(1, 0);
    QVERIFY(torch::allclose(first, torch::tensor({ 1.0F, -1.0F, -2.0F, 2.0F })));
  }

  // The conditional toy trains through the same path as any task: the prompts
  // come from the domain, and continuing the motif is learnt.
  void theRewardRisesOnTheConditionalToy()
  {
    const auto domain = promptedToyDomain();
    TrainerOptions options;
    options.totalSteps = 40;
    options.mergePeriod = 4;
    options.evaluationBatch = 128;
    options.ppo.batchSize = 64;
    options.ppo.samplesPerPrompt = 8;
    options.ppo.learningRate = 1e-3;
    options.ppo.epochs = 2;
    options.ppo.sampling.maxNewTokens = 10;
    IterativeRsTrainer trainer(
      domain, promptedToyPrior(), { ObjectiveConfig{ .name = "continuation" } }, options);
    RecordingObserver observer;
    const auto result = trainer.run(observer);
    QVERIFY(!result.final.contexts.empty());
    QCOMPARE(result.final.contexts.size(), result.final.samples.size());
    // The evaluation's samples continue the validation motifs they were given.
    const auto scored =
      domain->score(result.final.samples, result.final.contexts, { "continuation" });
    QCOMPARE(scored[0][0], result.final.rawScores[0][0]);
    const double before = result.initial.transformedMeans[0];
    const double after = result.final.transformedMeans[0];
    qInfo("continuation: prior %.3f, trained %.3f; steps %lld rounds %lld kl %.4f",
          before,
          after,
          (long long)result.stepsDone,
          (long long)result.rounds,
          result.final.klToPrior);
    QVERIFY2(after > before + 0.15, qPrintable(QString("%1 -> %2").arg(before).arg(after)));
  }
};

QTEST_GUILESS_MAIN(TestConditional)
#include "tst_conditional.moc"
