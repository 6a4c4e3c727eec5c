// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/evaluation.h"

#include "metrics/pareto.h"
#include "model/sampling.h"

#include <cmath>
#include <numeric>

namespace paretolab::engine {

ScoredBatch
scoreTexts(const Domain& domain,
           const std::vector<ObjectiveConfig>& objectives,
           const std::vector<std::string>& texts,
           double invalidPenalty)
{
  std::vector<std::string> names;
  for (const auto& objective : objectives)
    names.push_back(objective.name);
  ScoredBatch scored;
  scored.raw = domain.score(texts, names);
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
    scored.icv = inverseCoefficientOfVariation(scored.transformedMeans);
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
               at::Generator& generator)
{
  torch::NoGradGuard noGrad;
  auto batch = sampleSequences(model, count, sampling, generator);
  auto own = tokenStatistics(model, batch.tokens, sampling.temperature, /*withEntropy=*/true);
  auto ref = tokenStatistics(reference, batch.tokens, sampling.temperature);
  const auto& mask = batch.actionMask;

  PolicyEvaluation evaluation;
  evaluation.samples = decodeBatch(tokenizer, batch.tokens);
  auto scored = scoreTexts(domain, objectives, evaluation.samples, invalidPenalty);
  evaluation.rawScores = scored.raw;
  evaluation.rawMeans = scored.rawMeans;
  evaluation.transformedMeans = scored.transformedMeans;
  evaluation.averageReward = scored.averageReward;
  evaluation.icv = scored.icv;
  evaluation.klToPrior = ((own.logProbs - ref.logProbs) * mask).sum(1).mean().item<double>();
  evaluation.entropy = ((own.entropy * mask).sum() / mask.sum().clamp_min(1.0)).item<double>();
  std::vector<ObjectivePoint> points(scored.transformed.begin(), scored.transformed.end());
  std::vector<ObjectivePoint> front;
  for (auto index : nonDominatedIndices(points))
    front.push_back(points[index]);
  evaluation.hypervolume = hypervolume(front, ObjectivePoint(objectives.size(), 0.0));
  evaluation.domainMetrics = domain.metrics(evaluation.samples);
  return evaluation;
}

} // namespace paretolab::engine
