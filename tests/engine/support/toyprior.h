// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small pretrained prior on the toy domain, built once per test process
// (about two seconds), so behaviour tests start from a realistic policy.

#include "domains/toy/toydomain.h"
#include "model/policy.h"
#include "train/pretrain.h"

#include <memory>

namespace paretolab::engine::testing {

inline std::shared_ptr<ToyDomain>
toyDomain()
{
  static auto domain = std::make_shared<ToyDomain>(ToyDomain::Options{ .length = 12 });
  return domain;
}

inline Policy
toyPrior()
{
  static Policy prior = [] {
    const auto corpus = toyDomain()->corpus();
    Policy policy(GptOptions{ .contextLength = 16, .embedDim = 32, .layers = 2, .heads = 4 },
                  Tokenizer::fit(TokenizerSpec{ "characters" }, corpus));
    pretrainPolicy(policy, corpus, PretrainOptions{ .epochs = 4, .learningRate = 3e-3 });
    return policy;
  }();
  return prior.clone();
}

/// The conditional toy: continue a 4-bit motif for 8 bits.
inline std::shared_ptr<ToyDomain>
promptedToyDomain()
{
  static auto domain = std::make_shared<ToyDomain>(
    ToyDomain::Options{ .length = 8, .corpusSize = 3000, .prompted = true, .promptLength = 4 });
  return domain;
}

/// A prior that knows the format "motif:bits" and, weakly, the pattern.
inline Policy
promptedToyPrior()
{
  static Policy prior = [] {
    const auto corpus = promptedToyDomain()->corpus();
    Policy policy(GptOptions{ .contextLength = 16, .embedDim = 32, .layers = 2, .heads = 4 },
                  Tokenizer::fit(TokenizerSpec{ "characters" }, corpus));
    pretrainPolicy(policy, corpus, PretrainOptions{ .epochs = 8, .learningRate = 3e-3 });
    return policy;
  }();
  return prior.clone();
}

inline std::vector<ObjectiveConfig>
toyObjectives(std::vector<double> weights = { 2.0, 1.0, 1.0 })
{
  const char* names[] = { "ones", "alternation", "pattern" };
  std::vector<ObjectiveConfig> objectives;
  for (size_t i = 0; i < weights.size(); ++i)
    objectives.push_back(ObjectiveConfig{ .name = names[i], .weight = weights[i] });
  return objectives;
}

} // namespace paretolab::engine::testing
