// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/policystep.h"

#include "core/stopwatch.h"
#include "model/sampling.h"
#include "train/ppo.h"

#include <algorithm>
#include <chrono>

namespace paretolab::engine {

namespace {

/// The prompts of one rollout: batch / samplesPerPrompt contexts drawn with
/// the policy's generator (so a resumed run draws the same), each repeated;
/// with the group of each sequence, RLOO's baseline is taken within it.
std::pair<std::vector<std::vector<int64_t>>, std::vector<int64_t>>
rolloutPrompts(const StepTask& task, at::Generator& generator, std::vector<SampleContext>& contexts)
{
  std::vector<std::vector<int64_t>> prompts;
  std::vector<int64_t> groups;
  contexts.clear();
  if (task.prompts.empty())
    return { prompts, groups };
  const auto batch = task.ppo.batchSize;
  const auto perPrompt = std::clamp<int64_t>(task.ppo.samplesPerPrompt, 1, batch);
  const auto count = (batch + perPrompt - 1) / perPrompt;
  auto drawn =
    torch::randint(int64_t(task.prompts.contexts.size()), { count }, generator, torch::kLong);
  for (int64_t i = 0; i < batch; ++i) {
    const auto group = i / perPrompt;
    const auto index = size_t(drawn[group].item<int64_t>());
    prompts.push_back(task.prompts.prompts[index]);
    contexts.push_back(task.prompts.contexts[index]);
    groups.push_back(group);
  }
  return { prompts, groups };
}

} // namespace

StepReport
policyStep(const StepTask& task,
           StepPolicy policy,
           const std::vector<double>& weights,
           int k,
           int64_t step,
           int64_t round)
{
  const auto started = std::chrono::steady_clock::now();
  std::vector<SampleContext> contexts;
  const auto [prompts, groups] = rolloutPrompts(task, policy.generator, contexts);
  auto rollout =
    collectRollout(policy.model, task.reference, task.ppo, policy.generator, prompts, groups);
  const auto texts = decodeBatch(task.tokenizer, rollout.sequences);
  const auto scored =
    scoreTexts(task.domain, task.objectives, texts, task.invalidPenalty, contexts, task.priorJudge);
  std::vector<float> rewards;
  for (const auto& row : scored.transformed) {
    double reward = 0.0;
    if (weights.empty())
      reward = row[size_t(k)];
    else
      for (size_t j = 0; j < row.size(); ++j)
        reward += weights[j] * row[j];
    rewards.push_back(float(reward));
  }
  assignAdvantages(rollout, torch::tensor(rewards), task.ppo, policy.valueHead);
  const auto update = ppoUpdate(
    policy.model, policy.optimizer, rollout, task.ppo, policy.generator, policy.valueHead);

  StepReport report;
  report.step = step;
  report.round = round;
  report.expert = k;
  report.rawMeans = scored.rawMeans;
  report.transformedMeans = scored.transformedMeans;
  report.averageReward = scored.averageReward;
  report.icv = scored.icv;
  report.objectiveBalance = scored.objectiveBalance;
  report.klToPrior = rollout.klPerSequence.mean().item<double>();
  const auto& mask = rollout.sequences.actionMask;
  report.entropy =
    (rollout.entropy.masked_fill(mask == 0, 0.0).sum() / mask.sum().clamp_min(1.0)).item<double>();
  report.clipFraction = update.clipFraction;
  report.domainMetrics = task.domain.metrics(texts, contexts);
  report.seconds = secondsSince(started);
  return report;
}

} // namespace paretolab::engine
