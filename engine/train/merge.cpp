// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/merge.h"

#include <ATen/Parallel.h>

#include <algorithm>
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

// sum_i lambda_i t_i in one pass over memory: each expert is read once and
// the result written once. Summed in the order and float rounding of
// `sum += lambda_i * t_i`, so the result is the same to the bit.
torch::Tensor
weightedSum(const std::vector<torch::Tensor>& tensors,
            const std::vector<double>& lambda,
            torch::Tensor sum = {})
{
  std::vector<torch::Tensor> inputs;
  std::vector<const float*> sources;
  std::vector<float> weights;
  for (size_t i = 0; i < tensors.size(); ++i) {
    inputs.push_back(tensors[i].to(torch::kFloat).contiguous());
    sources.push_back(inputs.back().data_ptr<float>());
    weights.push_back(float(lambda[i]));
  }
  // Writing into the previous merge's memory spares the page faults of a fresh
  // allocation, which cost as much as the arithmetic at these sizes.
  if (!sum.defined() || !sum.is_contiguous() || sum.scalar_type() != torch::kFloat ||
      !sum.sizes().equals(inputs.front().sizes()))
    sum = torch::empty_like(inputs.front());
  float* out = sum.data_ptr<float>();
  // Blocks of 4096 values: each expert's pass over a block vectorises, and the
  // block of the sum stays in the L1 cache between passes.
  constexpr int64_t kBlock = 4096;
  at::parallel_for(0, sum.numel(), 16 * kBlock, [&](int64_t begin, int64_t end) {
    for (int64_t block = begin; block < end; block += kBlock) {
      const int64_t stop = std::min(end, block + kBlock);
      for (int64_t j = block; j < stop; ++j)
        out[j] = 0.0f + weights[0] * sources[0][j];
      for (size_t i = 1; i < sources.size(); ++i) {
        const float w = weights[i];
        const float* source = sources[i];
        for (int64_t j = block; j < stop; ++j)
          out[j] += w * source[j];
      }
    }
  });
  return sum.to(tensors.front().scalar_type());
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

void
mergeParametersInto(ParameterSet& merged,
                    const std::vector<const ParameterSet*>& experts,
                    const std::vector<double>& lambda,
                    const ParameterSet& base,
                    const MergeOptions& options)
{
  if (experts.empty() || experts.size() != lambda.size())
    throw std::invalid_argument("merge: need one weight per expert");
  torch::NoGradGuard noGrad;
  ParameterSet previous;
  previous.swap(merged);
  for (size_t p = 0; p < base.size(); ++p) {
    if (options.strategy == MergeStrategy::Linear) {
      std::vector<torch::Tensor> tensors;
      for (const auto* expert : experts)
        tensors.push_back((*expert)[p]);
      merged.push_back(
        weightedSum(tensors, lambda, p < previous.size() ? previous[p] : torch::Tensor()));
      continue;
    }
    std::vector<torch::Tensor> taskVectors;
    for (const auto* expert : experts)
      taskVectors.push_back((*expert)[p] - base[p]);
    torch::Tensor combined;
    if (options.strategy == MergeStrategy::TaskArithmetic) {
      combined = weightedSum(taskVectors, lambda);
    } else {
      combined = tiesMerge(taskVectors, lambda, options.density);
    }
    merged.push_back(base[p] + options.scale * combined);
  }
}

std::vector<double>
drawDirichlet(std::mt19937_64& rng, std::gamma_distribution<double>& gamma, size_t size)
{
  std::vector<double> w(size);
  double sum = 0.0;
  for (auto& value : w)
    sum += value = gamma(rng);
  if (sum <= 0.0) // every draw underflowed (a tiny alpha): the centre, not a division by 0
    return std::vector<double>(size, 1.0 / double(size));
  for (auto& value : w)
    value /= sum;
  return w;
}

ParameterSet
mergeParameters(const std::vector<const ParameterSet*>& experts,
                const std::vector<double>& lambda,
                const ParameterSet& base,
                const MergeOptions& options)
{
  ParameterSet merged;
  mergeParametersInto(merged, experts, lambda, base, options);
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
