// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): drawing sequences and scoring them token by token.

#include "core/tokenizer.h"
#include "model/gpt.h"

#include <ATen/core/Generator.h>

#include <string>
#include <vector>

namespace paretolab::engine {

/// A batch of sequences: the prompt (BOS alone when there is none; prompts of
/// unequal length are padded on the left with PAD), the generated tokens, then
/// PAD after EOS. Generation starts at column `promptLength` in every row.
struct SequenceBatch
{
  torch::Tensor tokens;     ///< [batch, length] long
  torch::Tensor actionMask; ///< [batch, length - 1] float: 1 where tokens[:, t + 1] was generated
  int64_t promptLength = 1; ///< columns before the first generated token
  /// [batch, length - 1]: what tokenStatistics(temperature, withEntropy) gives
  /// at the generated positions, 0 elsewhere. Kept by the fused backend, which
  /// has the logits at hand; undefined from the LibTorch one.
  torch::Tensor logProbs;
  torch::Tensor entropy;
};

struct TokenStatistics
{
  torch::Tensor logProbs; ///< [batch, length - 1]: log p(tokens[:, t + 1] | tokens[:, ..t])
  torch::Tensor entropy;  ///< [batch, length - 1], defined only when asked for
  torch::Tensor hidden;   ///< [batch, length - 1, embed], defined only when asked for
};

at::Generator
makeGenerator(uint64_t seed);

/// Samples `count` sequences with a KV cache. Runs under NoGradGuard on the
/// calling thread. PAD and BOS are never drawn. With `prompts` (one per
/// sequence, each starting with BOS, as Tokenizer::encodePrompt gives them)
/// the prompts are prefilled into the cache and generation continues them;
/// only the generated tokens are in the action mask. A prompt longer than the
/// context allows, less `options.maxNewTokens` (at most half the context),
/// loses tokens after its BOS from the front.
///
/// The fused backend (model/fusedgpt.h) is the default; LibTorch's operators
/// are the reference it is tested against. Both draw the same noise from
/// `generator` (torch::multinomial's exponential race), so the same seed gives
/// the same samples wherever their last-bit rounding does not flip a draw.
enum class SamplingBackend
{
  Fused,
  LibTorch
};

SequenceBatch
sampleSequences(GptImpl& model,
                int64_t count,
                const SamplingOptions& options,
                at::Generator& generator,
                const std::vector<std::vector<int64_t>>& prompts = {},
                SamplingBackend backend = SamplingBackend::Fused);

/// Per-token log-probabilities under the same distribution `sampleSequences`
/// draws from (temperature applied, PAD and BOS excluded; top-p is not, as
/// in TRL). Differentiable unless called under NoGradGuard.
TokenStatistics
tokenStatistics(GptImpl& model,
                const torch::Tensor& tokens,
                double temperature,
                bool withEntropy = false,
                bool withHidden = false);

/// tokenStatistics' log-probabilities (and entropy) by the fused path
/// (model/fusedgpt.h), for passes that need no gradient, such as evaluating a
/// policy: the same values to ~1e-6 at a fraction of LibTorch's cost.
TokenStatistics
inferenceTokenStatistics(const GptImpl& model,
                         const torch::Tensor& tokens,
                         double temperature,
                         bool withEntropy = false);

/// The generated text of each row: the tokens from column `batch.promptLength` on.
std::vector<std::string>
decodeBatch(const Tokenizer& tokenizer, const SequenceBatch& batch);

/// Right-aligned [batch, longest] tensor of prompts, padded on the left with PAD.
torch::Tensor
leftPaddedPrompts(const std::vector<std::vector<int64_t>>& prompts);

/// Left-aligned [batch, longest] tensor of encoded texts, padded with PAD, and its action mask.
SequenceBatch
encodeBatch(const std::vector<std::vector<int64_t>>& encoded);

} // namespace paretolab::engine
