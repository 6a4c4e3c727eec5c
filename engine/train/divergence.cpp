// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/divergence.h"

#include "model/sampling.h"
#include "train/merge.h"
#include "train/ppo.h"

namespace paretolab::engine {

double
parameterDivergence(const std::vector<Expert>& experts,
                    const std::vector<int>& subset,
                    const ParameterSet& base)
{
  double largest = 0.0;
  for (int i : subset)
    largest = std::max(largest, relativeDistance(snapshotParameters(*experts[size_t(i)].model), base));
  return largest;
}

double
klDivergence(GptImpl& merged,
             std::vector<Expert>& experts,
             const std::vector<int>& subset,
             const PromptSet& prompts,
             int64_t count,
             const SamplingOptions& sampling,
             uint64_t seed)
{
  torch::NoGradGuard noGrad;
  auto generator = makeGenerator(seed);
  const auto drawn = prompts.cycled(count);
  auto probe = sampleSequences(merged, count, sampling, generator, drawn.prompts);
  const auto rho = tokenStatistics(merged, probe.tokens, sampling.temperature).logProbs;
  const auto& mask = probe.actionMask;
  double largest = 0.0;
  for (int i : subset) {
    auto& model = *experts[size_t(i)].model;
    const bool wasTraining = model.is_training();
    model.eval(); // dropout would put noise into the measure
    const auto theta = tokenStatistics(model, probe.tokens, sampling.temperature).logProbs;
    model.train(wasTraining);
    const auto kl = sequenceKl(rho, theta, mask).sum() / mask.sum().clamp_min(1.0);
    largest = std::max(largest, kl.item<double>());
  }
  return largest;
}

} // namespace paretolab::engine
