// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): the steerable policy of Conditional
// Language Policy (Wang et al. 2024, arXiv 2407.15762).

#include "model/gpt.h"
#include "model/parameters.h"
#include "train/trainoptions.h"

#include <ATen/core/Generator.h>

#include <memory>
#include <string>
#include <vector>

namespace paretolab::engine {

/// Which of `model`'s parameters (in `parameters()` order) CLP conditions on w.
std::vector<bool>
clpConditionedMask(const GptImpl& model, ClpScope scope);

/// theta(w): sum_i w_i theta_i where `conditioned` is true, theta_0's value
/// elsewhere (the shared parameters are equal in every theta_i). Terms with
/// w_i = 0 are left out, so a one-hot w gives theta_i exactly.
ParameterSet
composeParameters(const std::vector<const ParameterSet*>& thetas,
                  const std::vector<double>& weights,
                  const std::vector<bool>& conditioned);

/// One steerable policy: a copy theta_i of the conditioned parameters per
/// objective, and one copy of the shared ones.
///
/// `model()` holds theta(w) for the w of the last `compose`; PPO runs on it
/// unchanged. `optimizer()` is what PPO steps: it turns the gradient g of the
/// loss at theta(w) into the gradients of the copies (w_i g for theta_i, g for
/// the shared parameters), steps SGD or Adam over the copies (Adam with one
/// second moment per parameter, from g, so that a copy's step scales with its
/// weight), and writes the new theta(w) back into the model.
class ClpPolicy
{
public:
  ClpPolicy(const GptOptions& shape,
            const ParameterSet& start,
            size_t objectives,
            ClpScope scope,
            const PpoOptions& ppo,
            uint64_t seed);
  ~ClpPolicy();
  ClpPolicy(ClpPolicy&&) noexcept;
  ClpPolicy& operator=(ClpPolicy&&) noexcept;

  /// Writes theta(weights) into model() and keeps the weights for the next update.
  void compose(const std::vector<double>& weights);

  GptImpl& model();
  torch::optim::Optimizer& optimizer();
  at::Generator& generator();

  /// theta_i with the shared parameters: what a round checkpoint stores per
  /// objective, and what re-merging composes.
  std::vector<ParameterSet> objectiveParameters() const;
  const std::vector<bool>& conditioned() const;

  /// The optimizer's state, and the sampling generator's, for a round checkpoint.
  std::string optimizerState();
  /// Back to a saved state: the thetas, the optimizer and the generator.
  void restore(const std::vector<ParameterSet>& thetas,
               const std::string& optimizerState,
               const torch::Tensor& generatorState);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace paretolab::engine
