// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/evaluation.h"

#include "metrics/pareto.h"
#include "model/sampling.h"

#include <cmath>
#include <numeric>
#include <set>

namespace paretolab::engine {

PolicyEvaluation::Subset
validUniqueSubset(const Domain& domain,
                  const std::vector<std::string>& samples,
                  const std::vector<std::vector<double>>& rewards,
                  const std::vector<SampleContext>& contexts)
{
  PolicyEvaluation::Subset subset;
  std::set<std::string> seen;
  std::vector<double> perSample;
  for (size_t i = 0; i < samples.size() && i < rewards.size(); ++i) {
    // A conditional sample repeats only when it answers the same prompt.
    const auto key =
      (i < contexts.size() ? contexts[i].id + '\n' : std::string{}) + domain.canonical(samples[i]);
    if (!domain.isValid(samples[i]) || !seen.insert(key).second)
      continue;
    const auto& row = rewards[i];
    if (subset.transformedMeans.empty())
      subset.transformedMeans.assign(row.size(), 0.0);
    for (size_t j = 0; j < row.size(); ++j)
      subset.transformedMeans[j] += row[j];
    perSample.push_back(
      row.empty() ? 0.0 : std::accumulate(row.begin(), row.end(), 0.0) / double(row.size()));
    ++subset.count;
  }
  if (subset.count == 0)
    return subset;
  for (auto& mean : subset.transformedMeans)
    mean /= double(subset.count);
  subset.averageReward =
    std::accumulate(perSample.begin(), perSample.end(), 0.0) / double(subset.count);
  subset.icv = inverseCoefficientOfVariation(perSample);
  return subset;
}

PromptSet
PromptSet::cycled(int64_t count) const
{
  PromptSet set;
  if (contexts.empty())
    return set;
  for (int64_t i = 0; i < count; ++i) {
    set.contexts.push_back(contexts[size_t(i) % contexts.size()]);
    set.prompts.push_back(prompts[size_t(i) % prompts.size()]);
  }
  return set;
}

PromptSet
encodePrompts(const Tokenizer& tokenizer, const std::vector<SampleContext>& contexts)
{
  PromptSet set;
  for (const auto& context : contexts) {
    try {
      set.prompts.push_back(tokenizer.encodePrompt(context.prompt));
      set.contexts.push_back(context);
    } catch (const std::invalid_argument&) {
      // A prompt the prior's vocabulary cannot spell is left out.
    }
  }
  return set;
}

ScoredBatch
scoreTexts(const Domain& domain,
           const std::vector<ObjectiveConfig>& objectives,
           const std::vector<std::string>& texts,
           double invalidPenalty,
           const std::vector<SampleContext>& contexts,
           const TextLikelihood* prior)
{
  std::vector<std::string> names;
  for (const auto& objective : objectives)
    names.push_back(objective.name);
  ScoredBatch scored;
  scored.raw = domain.score(texts, contexts, names, prior);
  const size_t n = objectives.size();
  std::vector<double> rawSum(n, 0.0), transformedSum(n, 0.0);
  std::vector<int> rawCount(n, 0);
  for (const auto& row : scored.raw) {
    std::vector<double> transformed(n);
    for (size_t j = 0; j < n; ++j) {
      if (std::isnan(row[j])) {
        transformed[j] = invalidPenalty;
      } else {
        transformed[j] = objectives[j].transform.apply(row[j]);
        rawSum[j] += row[j];
        ++rawCount[j];
      }
      transformedSum[j] += transformed[j];
    }
    scored.transformed.push_back(std::move(transformed));
  }
  for (size_t j = 0; j < n; ++j) {
    scored.rawMeans.push_back(rawCount[j] ? rawSum[j] / rawCount[j] : std::nan(""));
    scored.transformedMeans.push_back(texts.empty() ? 0.0 : transformedSum[j] / texts.size());
  }
  if (n > 0) {
    scored.averageReward =
      std::accumulate(scored.transformedMeans.begin(), scored.transformedMeans.end(), 0.0) /
      double(n);
    scored.objectiveBalance = inverseCoefficientOfVariation(scored.transformedMeans);
    std::vector<double> perSample;
    for (const auto& row : scored.transformed)
      perSample.push_back(std::accumulate(row.begin(), row.end(), 0.0) / double(n));
    scored.icv = perSample.empty() ? 0.0 : inverseCoefficientOfVariation(perSample);
  }
  return scored;
}

PolicyEvaluation
evaluatePolicy(GptImpl& model,
               GptImpl& reference,
               const Tokenizer& tokenizer,
               const Domain& domain,
               const std::vector<ObjectiveConfig>& objectives,
               int64_t count,
               const SamplingOptions& sampling,
               double invalidPenalty,
               at::Generator& generator,
               const PromptSet& prompts,
               const TextLikelihood* prior)
{
  torch::NoGradGuard noGrad;
  const auto drawn = prompts.cycled(count);
  auto batch = sampleSequences(model, count, sampling, generator, drawn.prompts);
  // The sampler kept the drawn tokens' log-probabilities: only the prior's need a pass.
  auto own =
    batch.logProbs.defined()
      ? TokenStatistics{ .logProbs = batch.logProbs, .entropy = batch.entropy }
      : inferenceTokenStatistics(model, batch.tokens, sampling.temperature, /*withEntropy=*/true);
  auto ref = inferenceTokenStatistics(reference, batch.tokens, sampling.temperature);
  const auto& mask = batch.actionMask;

  PolicyEvaluation evaluation;
  evaluation.samples = decodeBatch(tokenizer, batch);
  evaluation.contexts = drawn.contexts;
  auto scored =
    scoreTexts(domain, objectives, evaluation.samples, invalidPenalty, drawn.contexts, prior);
  evaluation.rawScores = scored.raw;
  evaluation.rewards = scored.transformed;
  evaluation.validUnique =
    validUniqueSubset(domain, evaluation.samples, scored.transformed, evaluation.contexts);
  evaluation.rawMeans = scored.rawMeans;
  evaluation.transformedMeans = scored.transformedMeans;
  evaluation.averageReward = scored.averageReward;
  evaluation.icv = scored.icv;
  evaluation.objectiveBalance = scored.objectiveBalance;
  evaluation.klToPrior =
    ((own.logProbs - ref.logProbs).masked_fill(mask == 0, 0.0)).sum(1).mean().item<double>();
  evaluation.entropy =
    (own.entropy.masked_fill(mask == 0, 0.0).sum() / mask.sum().clamp_min(1.0)).item<double>();
  std::vector<ObjectivePoint> points(scored.transformed.begin(), scored.transformed.end());
  std::vector<ObjectivePoint> front;
  for (auto index : nonDominatedIndices(points))
    front.push_back(points[index]);
  evaluation.hypervolume = hypervolume(front, ObjectivePoint(objectives.size(), 0.0));
  evaluation.domainMetrics = domain.metrics(evaluation.samples, evaluation.contexts);
  return evaluation;
}

} // namespace paretolab::engine
