// SPDX-License-Identifier: GPL-3.0-or-later
// The trainer against the algorithm as written down, not against itself: the
// expected parameters come from a loss written out here, from the model's
// logits, so that a wrong loss, a wrong KL sign or a weight given to the
// wrong expert fails.
// LibTorch before Qt: Qt's keywords would break ATen's headers (TOOLCHAIN.md).
#include "core/atomicfile.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"
#include "train/iterativerstrainer.h"
#include "train/merge.h"
#include "train/seeds.h"

#include "support/toyprior.h"
#include "support/trainerprobes.h"

#include <QtTest>

#include <cmath>

using namespace paretolab::engine;
using namespace paretolab::engine::testing;

namespace {

/// Plain SGD, one epoch of one minibatch, no clipping of gradients: one
/// gradient step per rollout, which the loss below can be compared with.
TrainerOptions
sgdOptions(int64_t steps)
{
  TrainerOptions options;
  options.totalSteps = steps;
  options.mergePeriod = 1;
  options.evaluationBatch = 8;
  options.seed = 23;
  options.ppo.batchSize = 16;
  options.ppo.optimizer = OptimizerKind::Sgd;
  options.ppo.learningRate = 0.05;
  options.ppo.epochs = 1;
  options.ppo.minibatches = 1;
  options.ppo.maxGradNorm = 0.0;
  options.ppo.klBeta = 0.2; // large, so that a wrong sign of the KL term shows
  return options;
}

/// log p(token t+1 | tokens ..t) at temperature 1, from the model's logits.
torch::Tensor
actionLogProbs(GptImpl& model, const torch::Tensor& tokens)
{
  auto logits = model.forward(tokens).slice(1, 0, tokens.size(1) - 1);
  auto next = tokens.slice(1, 1).unsqueeze(-1);
  return torch::log_softmax(logits, -1).gather(-1, next).squeeze(-1);
}

/// The policy-gradient loss of one rollout batch at the policy that drew it,
/// written from the definitions: each sequence's reward minus beta times its
/// KL to the reference (summed over its generated tokens), less the mean of
/// the other sequences' (RLOO); the loss is minus the mean over generated
/// tokens of advantage times the probability ratio, which is 1 here but
/// carries the gradient.
torch::Tensor
writtenOutLoss(GptImpl& model,
               GptImpl& reference,
               const SequenceBatch& batch,
               const std::vector<double>& rewards,
               double beta)
{
  const auto& mask = batch.actionMask;
  auto logProbs = actionLogProbs(model, batch.tokens);
  torch::Tensor referenceLogProbs;
  {
    torch::NoGradGuard noGrad;
    referenceLogProbs = actionLogProbs(reference, batch.tokens);
  }
  const auto n = int64_t(rewards.size());
  std::vector<double> total(size_t(n), 0.0);
  for (int64_t s = 0; s < n; ++s) {
    double kl = 0.0;
    for (int64_t t = 0; t < mask.size(1); ++t)
      if (mask[s][t].item<float>() > 0)
        kl += logProbs[s][t].item<double>() - referenceLogProbs[s][t].item<double>();
    total[size_t(s)] = rewards[size_t(s)] - beta * kl;
  }
  const double sum = std::accumulate(total.begin(), total.end(), 0.0);
  torch::Tensor loss = torch::zeros({});
  double tokens = 0.0;
  for (int64_t s = 0; s < n; ++s) {
    const double advantage = total[size_t(s)] - (sum - total[size_t(s)]) / double(n - 1);
    for (int64_t t = 0; t < mask.size(1); ++t) {
      if (mask[s][t].item<float>() == 0)
        continue;
      auto ratio = torch::exp(logProbs[s][t] - logProbs[s][t].detach());
      loss = loss - advantage * ratio;
      tokens += 1.0;
    }
  }
  return loss / tokens;
}

/// Per sample, objective `objective`'s score, or the combination `lambda`
/// of all of them; a sample with no score gets 0 (the penalty used here).
std::vector<double>
rewardsOf(const SequenceBatch& batch,
          const Tokenizer& tokenizer,
          const std::vector<ObjectiveConfig>& objectives,
          const std::vector<double>& lambda)
{
  std::vector<std::string> names;
  for (const auto& objective : objectives)
    names.push_back(objective.name);
  const auto scores = toyDomain()->score(decodeBatch(tokenizer, batch), names);
  std::vector<double> rewards;
  for (const auto& row : scores) {
    double reward = 0.0;
    for (size_t j = 0; j < row.size(); ++j)
      reward += lambda[j] * (std::isnan(row[j]) ? 0.0 : row[j]);
    rewards.push_back(reward);
  }
  return rewards;
}

/// One SGD step of `model` on `loss`.
void
sgdStep(GptImpl& model, const torch::Tensor& loss, double learningRate)
{
  model.zero_grad();
  loss.backward();
  torch::NoGradGuard noGrad;
  for (auto& p : model.parameters())
    p.sub_(learningRate * p.grad());
}

} // namespace

class TestFidelity : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() { toyPrior(); }

  // IterativeRS with m = 1 and plain SGD: each step, every expert draws its
  // batch from the merged policy and takes a step on its own objective, and
  // the merge averages the steps with lambda. That is one step on
  // sum_i lambda_i L_i. Three steps, three experts, three unequal weights.
  void mOfOneIsSgdOnTheWeightedLossOfTheExperts()
  {
    const auto options = sgdOptions(3);
    const auto objectives = toyObjectives({ 5.0, 3.0, 2.0 });
    const std::vector<double> lambda{ 0.5, 0.3, 0.2 };
    const auto prior = toyPrior();
    IterativeRsTrainer trainer(toyDomain(), prior, objectives, options);
    TrainingObserver quiet;
    trainer.run(quiet);

    auto expected = prior.clone();
    auto& model = *expected.state().model;
    auto& reference = *prior.state().model;
    std::vector<at::Generator> generators;
    for (const auto& objective : objectives)
      generators.push_back(
        makeGenerator(IterativeRsTrainer::expertSeed(options.seed, objective.name)));
    for (int64_t step = 0; step < options.totalSteps; ++step) {
      torch::Tensor combined = torch::zeros({});
      model.eval();
      for (size_t i = 0; i < objectives.size(); ++i) {
        const auto batch =
          sampleSequences(model, options.ppo.batchSize, options.ppo.sampling, generators[i], {});
        const auto rewards =
          rewardsOf(batch, prior.tokenizer(), objectives, oneHot(objectives.size(), i));
        combined = combined +
                   lambda[i] * writtenOutLoss(model, reference, batch, rewards, options.ppo.klBeta);
      }
      sgdStep(model, combined, options.ppo.learningRate);
    }

    const auto trained = parametersOf(trainer.mergedPolicy());
    const double moved = maxDifference(trained, parametersOf(prior));
    QVERIFY2(moved > 1e-3, qPrintable(QStringLiteral("training moved %1").arg(moved)));
    const double error = maxDifference(trained, snapshotParameters(model));
    QVERIFY2(error < 1e-5, qPrintable(QStringLiteral("max difference %1").arg(error)));
  }

  // MORLHF: one policy, one batch per step, the lambda-weighted reward.
  void morlhfIsSgdOnTheCombinedReward()
  {
    auto options = sgdOptions(3);
    options.method = Method::Morlhf;
    const auto objectives = toyObjectives({ 5.0, 3.0, 2.0 });
    const std::vector<double> lambda{ 0.5, 0.3, 0.2 };
    const auto prior = toyPrior();
    IterativeRsTrainer trainer(toyDomain(), prior, objectives, options);
    Recorder recorder;
    trainer.run(recorder);
    QCOMPARE(recorder.steps.size(), size_t(3)); // one policy, one batch a step
    for (const auto& step : recorder.steps)
      QCOMPARE(step.expert, -1);

    auto expected = prior.clone();
    auto& model = *expected.state().model;
    auto generator = makeGenerator(mixSeed(options.seed, fnv1a64("morlhf")));
    for (int64_t step = 0; step < options.totalSteps; ++step) {
      model.eval();
      const auto batch =
        sampleSequences(model, options.ppo.batchSize, options.ppo.sampling, generator, {});
      const auto rewards = rewardsOf(batch, prior.tokenizer(), objectives, lambda);
      sgdStep(model,
              writtenOutLoss(model, *prior.state().model, batch, rewards, options.ppo.klBeta),
              options.ppo.learningRate);
    }
    const double error =
      maxDifference(parametersOf(trainer.mergedPolicy()), snapshotParameters(model));
    QVERIFY2(error < 1e-5, qPrintable(QStringLiteral("max difference %1").arg(error)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.remerge({ 1.0, 0.0, 0.0 }));
  }

  // Rewarded Soups with three distinct weights: expert i is the policy trained
  // alone on objective i, and it is weight i that multiplies it. Swapping any
  // two weights changes the merge, so a weight paired with the wrong expert fails.
  void eachWeightMultipliesItsOwnObjectivesExpert()
  {
    TrainerOptions options;
    options.totalSteps = 4;
    options.mergePeriod = 0;
    options.evaluationBatch = 8;
    options.seed = 31;
    options.ppo.batchSize = 16;
    options.ppo.learningRate = 3e-3;
    const auto objectives = toyObjectives({ 6.0, 3.0, 1.0 });
    IterativeRsTrainer together(toyDomain(), toyPrior(), objectives, options);
    Recorder recorder;
    together.run(recorder);
    QCOMPARE(recorder.merges.back().lambda, (std::vector<double>{ 0.6, 0.3, 0.1 }));

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
    for (size_t i = 0; i < objectives.size(); ++i)
      QCOMPARE(maxDifference(parametersOf(experts[i]), alone[i]), 0.0);

    const auto merged = parametersOf(together.mergedPolicy());
    const auto prior = parametersOf(toyPrior());
    const auto mergedWith = [&](std::vector<double> weights) {
      return mergeParameters({ &alone[0], &alone[1], &alone[2] }, weights, prior, MergeOptions{});
    };
    QVERIFY(maxDifference(merged, mergedWith({ 0.6, 0.3, 0.1 })) < 1e-6);
    for (const auto& swapped : { std::vector<double>{ 0.3, 0.6, 0.1 },
                                 std::vector<double>{ 0.6, 0.1, 0.3 },
                                 std::vector<double>{ 0.1, 0.3, 0.6 } })
      QVERIFY(maxDifference(merged, mergedWith(swapped)) > 1e-5);
    // A one-hot re-merge is that objective's expert.
    for (size_t i = 0; i < objectives.size(); ++i)
      QVERIFY(maxDifference(parametersOf(together.remerge(oneHot(3, i))), alone[i]) < 1e-6);
  }
};

QTEST_GUILESS_MAIN(TestFidelity)
#include "tst_fidelity.moc"
