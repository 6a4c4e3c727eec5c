// SPDX-License-Identifier: GPL-3.0-or-later
// The pieces of a training step, each against what it must do: rollouts
// without dropout or truncation, a critic that never moves the policy,
// Adam moments merged with the parameters, merge-weight selection, and the
// two balance figures (ICV over samples, balance over objectives).
// LibTorch before Qt: Qt's keywords would break ATen's headers (TOOLCHAIN.md).
#include "metrics/pareto.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"
#include "train/evaluation.h"
#include "train/expert.h"
#include "train/mergeselection.h"
#include "train/ppo.h"

#include "support/toyprior.h"

#include <QtTest>

#include <cmath>
#include <numeric>

using namespace paretolab::engine;
using paretolab::engine::testing::toyDomain;
using paretolab::engine::testing::toyObjectives;
using paretolab::engine::testing::toyPrior;

namespace {

GptOptions
smallShape(double dropout)
{
  return GptOptions{ .vocabSize = 8, .contextLength = 12, .embedDim = 16, .layers = 1, .heads = 2,
                     .dropout = dropout };
}

double
largest(const torch::Tensor& tensor)
{
  return tensor.abs().max().item<double>();
}

std::string
stateKey(const torch::Tensor& parameter)
{
  return c10::guts::to_string(parameter.unsafeGetTensorImpl());
}

} // namespace

class TestTrainingParts : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  // A policy left in train mode, with heavy dropout and a top-p of 0.5 asked
  // for: the rollout is still drawn from the full distribution without
  // dropout, and its log-probabilities are that distribution's.
  void rolloutsAreDrawnInEvalModeAtTopPOne()
  {
    torch::manual_seed(3);
    Gpt policy(smallShape(0.5));
    Gpt reference(smallShape(0.5));
    policy->train();
    PpoOptions options;
    options.batchSize = 32;
    options.sampling.topP = 0.5;
    auto generator = makeGenerator(9);
    const auto rollout = collectRollout(*policy, *reference, options, generator);

    policy->eval();
    auto sameGenerator = makeGenerator(9);
    SamplingOptions full;
    full.topP = 1.0;
    const auto expected = sampleSequences(*policy, 32, full, sameGenerator);
    QVERIFY(torch::equal(rollout.sequences.tokens, expected.tokens));
    torch::NoGradGuard noGrad;
    const auto logProbs = tokenStatistics(*policy, expected.tokens, 1.0).logProbs;
    const auto mask = expected.actionMask == 0;
    QCOMPARE(largest((rollout.oldLogProbs - logProbs).masked_fill(mask, 0.0)), 0.0);
    QVERIFY(!policy->is_training());
  }

  // GAE: the value loss reaches the critic's head and nothing of the policy.
  void theCriticNeverMovesThePolicy()
  {
    torch::manual_seed(4);
    Gpt policy(smallShape(0.0));
    Gpt reference(smallShape(0.0));
    torch::nn::Linear valueHead(16, 1);
    PpoOptions options;
    options.batchSize = 8;
    options.advantage = AdvantageEstimator::Gae;
    options.valueClip = 0.2;
    auto generator = makeGenerator(5);
    auto rollout = collectRollout(*policy, *reference, options, generator);
    assignAdvantages(rollout, torch::rand({ 8 }), options, &valueHead);
    rollout.advantages.zero_(); // only the value loss is left
    rollout.returns.add_(3.0);  // and it is large
    policy->zero_grad();
    valueHead->zero_grad();
    ppoLoss(*policy, rollout, torch::arange(8), options, &valueHead).backward();
    for (const auto& p : policy->parameters())
      QVERIFY(!p.grad().defined() || largest(p.grad()) == 0.0);
    QVERIFY(largest(valueHead->weight.grad()) > 0.0);
  }

  // Value clipping: with old values far from the returns, a small clip keeps
  // the unclipped and clipped errors' maximum, so the loss is larger than
  // without clipping.
  void valueClippingTakesTheLargerError()
  {
    torch::manual_seed(6);
    Gpt policy(smallShape(0.0));
    Gpt reference(smallShape(0.0));
    torch::nn::Linear valueHead(16, 1);
    PpoOptions options;
    options.batchSize = 8;
    options.advantage = AdvantageEstimator::Gae;
    auto generator = makeGenerator(5);
    auto rollout = collectRollout(*policy, *reference, options, generator);
    assignAdvantages(rollout, torch::rand({ 8 }), options, &valueHead);
    rollout.returns.add_(2.0);
    rollout.oldValues.sub_(1.0); // the critic has moved by 1 since the batch was drawn
    const auto rows = torch::arange(8);
    const double plain = ppoLoss(*policy, rollout, rows, options, &valueHead).item<double>();
    options.valueClip = 0.1;
    const double clipped = ppoLoss(*policy, rollout, rows, options, &valueHead).item<double>();
    QVERIFY2(clipped > plain, qPrintable(QStringLiteral("%1 vs %2").arg(clipped).arg(plain)));
  }

  // optimizer_at_merge: "merge": every expert gets lambda_1 m_1 + lambda_2 m_2
  // of the first and second moments, and the larger step count.
  void mergedAdamMomentsAreTheLambdaAverage()
  {
    const auto prior = toyPrior();
    const auto start = snapshotParameters(*prior.state().model);
    PpoOptions ppo;
    std::vector<Expert> experts;
    for (uint64_t seed : { 1, 2 })
      experts.push_back(makeExpert(prior.options(), start, ppo, seed));
    // Different losses, so different moments.
    for (size_t k = 0; k < experts.size(); ++k) {
      auto& expert = experts[k];
      expert.optimizer->zero_grad();
      auto tokens = torch::randint(3, 5, { 4, 6 }, torch::kLong);
      (expert.model->forward(tokens).pow(2).mean() * double(k + 1)).backward();
      expert.optimizer->step();
    }
    const auto momentsOf = [](Expert& expert, size_t j) {
      auto& state = static_cast<torch::optim::AdamParamState&>(
        *expert.optimizer->state().at(stateKey(expert.trainableParameters()[j])));
      return std::make_pair(state.exp_avg().clone(), state.exp_avg_sq().clone());
    };
    const size_t j = 0;
    const auto [first0, second0] = momentsOf(experts[0], j);
    const auto [first1, second1] = momentsOf(experts[1], j);
    QVERIFY(largest(first0 - first1) > 0.0);
    mergeOptimizerStates({ &experts[0], &experts[1] }, { 0.7, 0.3 }, experts);
    for (auto& expert : experts) {
      const auto [first, second] = momentsOf(expert, j);
      QVERIFY(largest(first - (0.7 * first0 + 0.3 * first1)) < 1e-7);
      QVERIFY(largest(second - (0.7 * second0 + 0.3 * second1)) < 1e-7);
    }
  }

  void selectionScoreByCriterion()
  {
    PolicyEvaluation evaluation;
    evaluation.rewards = { { 1.0, 0.0 }, { 0.0, 1.0 }, { 0.2, 0.2 } };
    // Average: (0.5 + 0.5 + 0.2) / 3. None of the three dominates another.
    QCOMPARE(selectionScore(evaluation, SelectionCriterion::AverageReward), 1.2 / 3.0);
    evaluation.rewards.push_back({ 0.1, 0.1 }); // dominated by (0.2, 0.2): Pareto leaves it out
    QCOMPARE(selectionScore(evaluation, SelectionCriterion::AverageReward), 1.3 / 4.0);
    QCOMPARE(selectionScore(evaluation, SelectionCriterion::ParetoReward), 1.2 / 3.0);
  }

  // The candidates are merged and scored, and the best wins; here a
  // candidate's score is the weight it gives the first expert.
  void selectionKeepsTheBestCandidate()
  {
    const ParameterSet first{ torch::tensor({ 1.0f, 0.0f }) };
    const ParameterSet second{ torch::tensor({ 0.0f, 1.0f }) };
    const ParameterSet base{ torch::zeros({ 2 }) };
    MergeOptions merge;
    const auto evaluate = [](const ParameterSet& merged) {
      PolicyEvaluation evaluation;
      evaluation.rewards = { { merged[0][0].item<double>() } };
      return evaluation;
    };
    const std::vector<double> task{ 0.5, 0.5 };
    QCOMPARE(selectMergeWeights({ &first, &second }, task, base, merge, 7, evaluate), task);

    merge.selection.candidates = 8;
    const auto chosen = selectMergeWeights({ &first, &second }, task, base, merge, 7, evaluate);
    double best = 0.0;
    for (const auto& candidate : selectionCandidates(task, 8, 7))
      best = std::max(best, candidate[0]);
    QVERIFY(best > 0.5); // some candidate beats the task's weights
    QCOMPARE(chosen[0], best);
    QVERIFY(std::abs(chosen[0] + chosen[1] - 1.0) < 1e-12);
  }

  // The paper's ICV is over samples; the balance of the per-objective means is
  // another figure. Worked example (DNA, IterativeRS in the paper):
  // per-objective means 0.3032, 0.7370, 0.7378 give a balance of 2.90, while
  // the paper reports an ICV of 3.83, which only the per-sample reading fits.
  void icvIsOverSamplesAndBalanceOverObjectives()
  {
    QCOMPARE(std::round(inverseCoefficientOfVariation({ 0.3032, 0.7370, 0.7378 }) * 100) / 100,
             2.90);

    // Toy samples of 12 bits; objectives ones, alternation, pattern.
    const std::vector<std::string> samples{ "111111111111", "010101010101", "110110110110",
                                            "000000000000", "101010101010" };
    const auto objectives = toyObjectives({ 1.0, 1.0, 1.0 });
    const auto scored = scoreTexts(*toyDomain(), objectives, samples, 0.0);
    std::vector<double> perSample;
    for (const auto& row : scored.transformed)
      perSample.push_back(std::accumulate(row.begin(), row.end(), 0.0) / 3.0);
    const double mean = std::accumulate(perSample.begin(), perSample.end(), 0.0) / 5.0;
    double variance = 0.0;
    for (double value : perSample)
      variance += (value - mean) * (value - mean) / 5.0;
    QVERIFY(std::abs(scored.icv - mean / std::sqrt(variance)) < 1e-12);
    QVERIFY(std::abs(scored.objectiveBalance -
                     inverseCoefficientOfVariation(scored.transformedMeans)) < 1e-12);
    QVERIFY(std::abs(scored.icv - scored.objectiveBalance) > 1e-3); // two figures, not one
  }

  // Metrics over the valid samples, each once (how the authors report molecules).
  void validUniqueDropsInvalidAndRepeatedSamples()
  {
    const std::vector<std::string> samples{ "111111111111", "111111111111", "12", "010101010101" };
    const std::vector<std::vector<double>> rewards{ { 1.0, 0.0 }, { 1.0, 0.0 }, { 0.0, 0.0 },
                                                    { 0.5, 1.0 } };
    const auto subset = validUniqueSubset(*toyDomain(), samples, rewards);
    QCOMPARE(subset.count, int64_t(2));
    QCOMPARE(subset.transformedMeans, (std::vector<double>{ 0.75, 0.5 }));
    QCOMPARE(subset.averageReward, (0.5 + 0.75) / 2.0);
  }
};

QTEST_GUILESS_MAIN(TestTrainingParts)
#include "tst_trainingparts.moc"
