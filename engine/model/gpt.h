// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header: it includes LibTorch, so no Qt-facing header may include it.

#include "model/modeloptions.h"

#include <torch/torch.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace paretolab::engine {

/// Keys and values of every layer for the positions seen so far, so that each
/// sampling step costs one token's attention instead of the whole prefix's.
struct KvCache
{
  std::vector<torch::Tensor> keys;   ///< per layer, [batch, heads, length, headDim]
  std::vector<torch::Tensor> values; ///< per layer, same shape as keys
  int64_t length = 0;                ///< positions already cached
  /// [batch] long: PAD columns before each row's BOS, for prompts of unequal
  /// length; undefined when no row is padded.
  torch::Tensor leadingPadding;
};

class CausalSelfAttentionImpl : public torch::nn::Module
{
public:
  explicit CausalSelfAttentionImpl(const GptOptions& options);

  /// x is [batch, time, embed]. With a cache, x holds only the new positions,
  /// which attend to the cached ones too; the cache of `layer` is extended.
  /// `allowed` is a bool mask, [time, keys] or [batch, 1, time, keys], of the
  /// keys each query may see; undefined: all of them.
  torch::Tensor forward(const torch::Tensor& x,
                        const torch::Tensor& allowed,
                        KvCache* cache = nullptr,
                        size_t layer = 0);

private:
  int64_t m_heads;
  torch::nn::Linear m_qkv{ nullptr };
  torch::nn::Linear m_projection{ nullptr };
  torch::nn::Dropout m_dropout{ nullptr };
};
TORCH_MODULE(CausalSelfAttention);

/// Pre-LayerNorm transformer block: x + attn(ln(x)), then x + mlp(ln(x)).
class GptBlockImpl : public torch::nn::Module
{
public:
  explicit GptBlockImpl(const GptOptions& options);
  torch::Tensor forward(const torch::Tensor& x,
                        const torch::Tensor& allowed,
                        KvCache* cache = nullptr,
                        size_t layer = 0);

private:
  torch::nn::LayerNorm m_norm1{ nullptr };
  CausalSelfAttention m_attention{ nullptr };
  torch::nn::LayerNorm m_norm2{ nullptr };
  torch::nn::Sequential m_mlp{ nullptr };
};
TORCH_MODULE(GptBlock);

/// Decoder-only causal transformer (GPT): token and position embeddings,
/// `layers` pre-LN blocks, a final LayerNorm and a tied or untied head.
class GptImpl : public torch::nn::Module
{
public:
  explicit GptImpl(const GptOptions& options);

  /// Logits [batch, time, vocab] for tokens [batch, time], positions 0..time-1.
  /// Rows may start with PAD before their BOS (prompts of unequal length,
  /// aligned on the right): positions then count from BOS, and no query sees a
  /// padded key.
  torch::Tensor forward(const torch::Tensor& tokens);

  /// Logits for the new tokens [batch, time] at positions cache.length.., which
  /// attend to everything already in the cache; the cache is extended.
  torch::Tensor forward(const torch::Tensor& tokens, KvCache& cache);

  /// Logits and the final hidden states [batch, time, embed], which a value head reads.
  std::pair<torch::Tensor, torch::Tensor> forwardWithHidden(const torch::Tensor& tokens);

  const GptOptions& options() const { return m_options; }

private:
  torch::Tensor hiddenStates(const torch::Tensor& tokens, KvCache* cache);
  /// [batch] PAD columns before each row's first token; undefined when none is padded.
  static torch::Tensor leadingPadding(const torch::Tensor& tokens);
  torch::Tensor head(const torch::Tensor& hidden);

  GptOptions m_options;
  torch::nn::Embedding m_tokenEmbedding{ nullptr };
  torch::nn::Embedding m_positionEmbedding{ nullptr };
  torch::nn::ModuleList m_blocks{ nullptr };
  torch::nn::LayerNorm m_finalNorm{ nullptr };
  torch::nn::Linear m_head{ nullptr }; ///< null when tiedHead
};
TORCH_MODULE(Gpt);

} // namespace paretolab::engine
