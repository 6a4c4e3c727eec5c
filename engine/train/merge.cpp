// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/merge.h"

#include <cmath>
#include <numeric>
#include <stdexcept>

namespace paretolab::engine {

namespace {

// TIES step 1: keep the `density` share of entries with the largest magnitude.
torch::Tensor
trimmed(const torch::Tensor& taskVector, double density)
{
  const auto count = taskVector.numel();
  const auto keep = std::max<int64_t>(1, int64_t(std::ceil(density * double(count))));
  if (keep >= count)
    return taskVector;
  auto magnitude = taskVector.abs().flatten();
  auto threshold = std::get<0>(magnitude.kthvalue(count - keep + 1));
  return taskVector * (taskVector.abs() >= threshold);
}

torch::Tensor
tiesMerge(const std::vector<torch::Tensor>& taskVectors,
          const std::vector<double>& lambda,
          double density)
{
  std::vector<torch::Tensor> kept;
  auto weightedSum = torch::zeros_like(taskVectors.front());
  for (size_t i = 0; i < taskVectors.size(); ++i) {
    kept.push_back(trimmed(taskVectors[i], density));
    weightedSum += lambda[i] * kept.back();
  }
  // Step 2: the elected sign of each entry is that of the weighted sum.
  auto sign = weightedSum.sign();
  // Step 3: disjoint mean over the experts that agree with the elected sign.
  auto numerator = torch::zeros_like(weightedSum);
  auto denominator = torch::zeros_like(weightedSum);
  for (size_t i = 0; i < kept.size(); ++i) {
    auto agrees = ((kept[i].sign() == sign) & (kept[i] != 0)).to(weightedSum.dtype());
    numerator += lambda[i] * kept[i] * agrees;
    denominator += lambda[i] * agrees;
  }
  return numerator / denominator.clamp_min(1e-12);
}

} // namespace

std::vector<double>
normalizedWeights(const std::vector<double>& weights)
{
  double total = 0.0;
  for (double w : weights) {
    if (!(w >= 0.0) || !std::isfinite(w))
      throw std::invalid_argument("merge: weights must be finite and non-negative");
    total += w;
  }
  if (total <= 0.0)
    throw std::invalid_argument("merge: the weights sum to zero");
  std::vector<double> lambda;
  for (double w : weights)
    lambda.push_back(w / total);
  return lambda;
}

ParameterSet
mergeParameters(const std::vector<const ParameterSet*>& experts,
                const std::vector<double>& lambda,
                const ParameterSet& base,
                const MergeOptions& options)
{
  if (experts.empty() || experts.size() != lambda.size())
    throw std::invalid_argument("merge: need one weight per expert");
  torch::NoGradGuard noGrad;
  ParameterSet merged;
  for (size_t p = 0; p < base.size(); ++p) {
    if (options.strategy == MergeStrategy::Linear) {
      auto sum = torch::zeros_like(base[p]);
      for (size_t i = 0; i < experts.size(); ++i)
        sum += lambda[i] * (*experts[i])[p];
      merged.push_back(sum);
      continue;
    }
    std::vector<torch::Tensor> taskVectors;
    for (const auto* expert : experts)
      taskVectors.push_back((*expert)[p] - base[p]);
    torch::Tensor combined;
    if (options.strategy == MergeStrategy::TaskArithmetic) {
      combined = torch::zeros_like(base[p]);
      for (size_t i = 0; i < taskVectors.size(); ++i)
        combined += lambda[i] * taskVectors[i];
    } else {
      combined = tiesMerge(taskVectors, lambda, options.density);
    }
    merged.push_back(base[p] + options.scale * combined);
  }
  return merged;
}

double
relativeDistance(const ParameterSet& a, const ParameterSet& b)
{
  double difference = 0.0, norm = 0.0;
  for (size_t p = 0; p < a.size(); ++p) {
    difference += (a[p] - b[p]).pow(2).sum().item<double>();
    norm += b[p].pow(2).sum().item<double>();
  }
  return norm > 0 ? std::sqrt(difference / norm) : std::sqrt(difference);
}

} // namespace paretolab::engine
