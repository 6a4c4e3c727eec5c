// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/ppo.h"

namespace paretolab::engine {

namespace {

// masked_fill rather than a product keeps an infinite value at a masked
// (prompt or padding) position from turning the mean into NaN.
torch::Tensor
maskedMean(const torch::Tensor& values, const torch::Tensor& mask)
{
  return values.masked_fill(mask == 0, 0.0).sum() / mask.sum().clamp_min(1.0);
}

torch::Tensor
whitened(const torch::Tensor& values, const torch::Tensor& mask)
{
  auto mean = maskedMean(values, mask);
  auto variance = maskedMean((values - mean).pow(2), mask);
  return (values - mean) / (variance.sqrt() + 1e-8) * mask;
}

// Index of each sequence's last generated token (EOS, or the last one drawn).
torch::Tensor
lastActionIndex(const torch::Tensor& actionMask)
{
  return (actionMask.sum(1).to(torch::kLong) - 1).clamp_min(0);
}

} // namespace

torch::Tensor
sequenceKl(const torch::Tensor& policyLogProbs,
           const torch::Tensor& referenceLogProbs,
           const torch::Tensor& actionMask)
{
  // masked_fill, not a product: a prompt position's log-probability may be
  // -inf (PAD), and -inf * 0 is NaN.
  return (policyLogProbs - referenceLogProbs).masked_fill(actionMask == 0, 0.0).sum(1);
}

Rollout
collectRollout(GptImpl& policy,
               GptImpl& reference,
               const PpoOptions& options,
               at::Generator& generator,
               const std::vector<std::vector<int64_t>>& prompts,
               const std::vector<int64_t>& groups)
{
  Rollout rollout;
  policy.eval();
  auto sampling = options.sampling;
  sampling.topP = 1.0; // truncation would bias the gradient: see PpoOptions::sampling
  rollout.sequences = sampleSequences(policy, options.batchSize, sampling, generator, prompts);
  if (!groups.empty())
    rollout.groups = torch::tensor(groups, torch::kLong);
  torch::NoGradGuard noGrad;
  const auto temperature = options.sampling.temperature;
  const bool gae = options.advantage == AdvantageEstimator::Gae;
  auto old = tokenStatistics(policy, rollout.sequences.tokens, temperature, true);
  rollout.oldLogProbs = old.logProbs;
  rollout.entropy = old.entropy;
  auto ref = tokenStatistics(reference, rollout.sequences.tokens, temperature, false, gae);
  rollout.refLogProbs = ref.logProbs;
  rollout.hidden = ref.hidden;
  rollout.klPerSequence =
    sequenceKl(rollout.oldLogProbs, rollout.refLogProbs, rollout.sequences.actionMask);
  return rollout;
}

void
assignAdvantages(Rollout& rollout,
                 const torch::Tensor& rewards,
                 const PpoOptions& options,
                 torch::nn::Linear* valueHead)
{
  torch::NoGradGuard noGrad;
  rollout.rewards = rewards.to(torch::kFloat);
  const auto& mask = rollout.sequences.actionMask;
  const auto batch = rewards.size(0);

  if (options.advantage == AdvantageEstimator::Rloo || !valueHead) {
    // REINFORCE leave-one-out: each sequence's baseline is the mean reward of the others.
    auto total = rollout.rewards - options.klBeta * rollout.klPerSequence;
    torch::Tensor baseline;
    if (rollout.groups.defined()) {
      const auto count = rollout.groups.max().item<int64_t>() + 1;
      auto sums = torch::zeros({ count }).index_add_(0, rollout.groups, total);
      auto sizes = torch::zeros({ count }).index_add_(0, rollout.groups, torch::ones_like(total));
      auto others = sizes.index_select(0, rollout.groups) - 1.0;
      baseline =
        torch::where(others > 0,
                     (sums.index_select(0, rollout.groups) - total) / others.clamp_min(1.0),
                     torch::zeros_like(total));
    } else {
      baseline = batch > 1 ? (total.sum() - total) / double(batch - 1) : torch::zeros_like(total);
    }
    rollout.advantages = (total - baseline).unsqueeze(1) * mask;
    // Off by default: whitening makes the loss nonlinear in the reward, which
    // the m = 1 equivalence with a combined reward needs.
    if (options.whitenAdvantages)
      rollout.advantages = whitened(rollout.advantages, mask);
    return;
  }

  const auto length = mask.size(1);
  auto values = (*valueHead)(rollout.hidden).squeeze(-1) * mask;
  rollout.oldValues = values;
  auto tokenRewards =
    -options.klBeta * (rollout.oldLogProbs - rollout.refLogProbs).masked_fill(mask == 0, 0.0);
  auto last = lastActionIndex(mask).unsqueeze(1);
  tokenRewards.scatter_add_(1, last, rollout.rewards.unsqueeze(1));

  auto advantages = torch::zeros_like(values);
  auto running = torch::zeros({ batch });
  for (int64_t t = length - 1; t >= 0; --t) {
    auto nextValue = t + 1 < length ? values.select(1, t + 1) : torch::zeros({ batch });
    auto delta = tokenRewards.select(1, t) + options.gamma * nextValue - values.select(1, t);
    running = (delta + options.gamma * options.gaeLambda * running) * mask.select(1, t);
    advantages.select(1, t).copy_(running);
  }
  rollout.returns = advantages + values;
  rollout.advantages = options.whitenAdvantages ? whitened(advantages, mask) : advantages;
}

torch::Tensor
ppoLoss(GptImpl& policy,
        const Rollout& rollout,
        const torch::Tensor& rows,
        const PpoOptions& options,
        torch::nn::Linear* valueHead,
        double* clipFraction)
{
  const bool withValue = valueHead && options.advantage == AdvantageEstimator::Gae;
  auto tokens = rollout.sequences.tokens.index_select(0, rows);
  auto mask = rollout.sequences.actionMask.index_select(0, rows);
  auto advantages = rollout.advantages.index_select(0, rows);
  auto old = rollout.oldLogProbs.index_select(0, rows);

  auto current = tokenStatistics(policy, tokens, options.sampling.temperature);
  // Prompt and padding positions are left out before any arithmetic, so that
  // nothing there (an infinite log-probability, say) reaches the loss or its gradient.
  const auto outside = mask == 0;
  auto ratio = (current.logProbs - old).masked_fill(outside, 0.0).exp();
  advantages = advantages.masked_fill(outside, 0.0);
  auto unclipped = ratio * advantages;
  auto clipped = ratio.clamp(1.0 - options.clip, 1.0 + options.clip) * advantages;
  auto loss = maskedMean(-torch::min(unclipped, clipped), mask);
  if (clipFraction) {
    torch::NoGradGuard noGrad;
    *clipFraction =
      maskedMean(((ratio - 1.0).abs() > options.clip).to(torch::kFloat), mask).item<double>();
  }
  if (withValue) {
    // The critic reads the frozen prior's states, fixed for the batch.
    auto values = (*valueHead)(rollout.hidden.index_select(0, rows)).squeeze(-1);
    auto returns = rollout.returns.index_select(0, rows);
    auto error = (values - returns).pow(2);
    if (options.valueClip > 0) {
      // PPO's value clipping: a new value moves at most valueClip from the old.
      auto old = rollout.oldValues.index_select(0, rows);
      auto clipped = old + (values - old).clamp(-options.valueClip, options.valueClip);
      error = torch::max(error, (clipped - returns).pow(2));
    }
    loss = loss + options.valueCoefficient * 0.5 * maskedMean(error, mask);
  }
  return loss;
}

UpdateStatistics
ppoUpdate(GptImpl& policy,
          torch::optim::Optimizer& optimizer,
          const Rollout& rollout,
          const PpoOptions& options,
          at::Generator& generator,
          torch::nn::Linear* valueHead)
{
  UpdateStatistics stats;
  const auto batch = rollout.sequences.tokens.size(0);
  const auto minibatches = std::clamp<int64_t>(options.minibatches, 1, batch);
  int64_t updates = 0;
  policy.train();
  for (int64_t epoch = 0; epoch < options.epochs; ++epoch) {
    // One minibatch keeps the natural order, so that m = 1 reproduces MORLHF exactly.
    auto order = minibatches == 1 ? torch::arange(batch, torch::kLong)
                                  : torch::randperm(batch, generator, torch::kLong);
    for (auto rows : order.chunk(minibatches)) {
      double clipFraction = 0.0;
      optimizer.zero_grad();
      auto loss = ppoLoss(policy, rollout, rows, options, valueHead, &clipFraction);
      loss.backward();
      if (options.maxGradNorm > 0) {
        auto parameters = policy.parameters();
        if (valueHead)
          for (const auto& p : (*valueHead)->parameters())
            parameters.push_back(p);
        torch::nn::utils::clip_grad_norm_(parameters, options.maxGradNorm);
      }
      optimizer.step();
      stats.loss += loss.item<double>();
      stats.clipFraction += clipFraction;
      ++updates;
    }
  }
  if (updates > 0) {
    stats.loss /= double(updates);
    stats.clipFraction /= double(updates);
  }
  policy.eval(); // rollouts, scoring and probes that follow see no dropout
  return stats;
}

std::unique_ptr<torch::optim::Optimizer>
makeOptimizer(std::vector<torch::Tensor> parameters, const PpoOptions& options)
{
  if (options.optimizer == OptimizerKind::Sgd)
    return std::make_unique<torch::optim::SGD>(std::move(parameters),
                                               torch::optim::SGDOptions(options.learningRate));
  return std::make_unique<torch::optim::Adam>(std::move(parameters),
                                              torch::optim::AdamOptions(options.learningRate));
}

} // namespace paretolab::engine
