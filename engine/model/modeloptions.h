// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Torch-free option structs of the policy model, so that app and widgets can
// hold them without including LibTorch.

#include <cstdint>

namespace paretolab::engine {

/// Shape of the decoder-only transformer. Defaults pretrain in minutes on 2 cores;
/// the paper's molecule model is {.embedDim = 768, .layers = 3, .heads = 12}.
struct GptOptions
{
  int64_t vocabSize = 64;
  int64_t contextLength = 128;
  int64_t embedDim = 128;
  int64_t layers = 2;
  int64_t heads = 4;
  double dropout = 0.0;
  bool tiedHead = true; ///< the output head reuses the token embedding matrix
};

/// How sequences are drawn from a policy.
struct SamplingOptions
{
  double temperature = 1.0;
  double topP = 1.0;        ///< nucleus sampling: keep the smallest set of tokens with this mass
  int64_t maxNewTokens = 0; ///< 0: up to the model's context length
};

} // namespace paretolab::engine
