// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/gpt.h"

#include "core/tokenizer.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace paretolab::engine {

namespace F = torch::nn::functional;

CausalSelfAttentionImpl::CausalSelfAttentionImpl(const GptOptions& options)
  : m_heads(options.heads)
{
  if (options.embedDim % options.heads != 0)
    throw std::invalid_argument("GPT: embedDim (" + std::to_string(options.embedDim) +
                                ") must be a multiple of heads (" + std::to_string(options.heads) +
                                ")");
  m_qkv = register_module("qkv", torch::nn::Linear(options.embedDim, 3 * options.embedDim));
  m_projection =
    register_module("projection", torch::nn::Linear(options.embedDim, options.embedDim));
  m_dropout = register_module("dropout", torch::nn::Dropout(options.dropout));
}

torch::Tensor
CausalSelfAttentionImpl::forward(const torch::Tensor& x,
                                 const torch::Tensor& allowed,
                                 KvCache* cache,
                                 size_t layer)
{
  const auto batch = x.size(0);
  const auto time = x.size(1);
  const auto embed = x.size(2);
  const auto headDim = embed / m_heads;

  auto toHeads = [&](const torch::Tensor& t) {
    return t.view({ batch, time, m_heads, headDim }).transpose(1, 2);
  };
  auto qkv = m_qkv(x).split(embed, /*dim=*/2);
  auto query = toHeads(qkv[0]);
  auto key = toHeads(qkv[1]);
  auto value = toHeads(qkv[2]);

  if (cache) {
    if (cache->keys.size() <= layer) {
      cache->keys.resize(layer + 1);
      cache->values.resize(layer + 1);
    }
    if (cache->keys[layer].defined()) {
      key = torch::cat({ cache->keys[layer], key }, 2);
      value = torch::cat({ cache->values[layer], value }, 2);
    }
    cache->keys[layer] = key;
    cache->values[layer] = value;
  }

  auto scores = torch::matmul(query, key.transpose(-2, -1)) / std::sqrt(double(headDim));
  if (allowed.defined())
    scores = scores.masked_fill(allowed.logical_not(), -std::numeric_limits<float>::infinity());
  // In float32 even when the scores are bfloat16 (MixedPrecisionScope).
  auto weights = m_dropout(torch::softmax(scores, -1, torch::kFloat));
  auto out =
    torch::matmul(weights, value).transpose(1, 2).contiguous().view({ batch, time, embed });
  return m_dropout(m_projection(out));
}

GptBlockImpl::GptBlockImpl(const GptOptions& options)
{
  m_norm1 =
    register_module("norm1", torch::nn::LayerNorm(std::vector<int64_t>{ options.embedDim }));
  m_attention = register_module("attention", CausalSelfAttention(options));
  m_norm2 =
    register_module("norm2", torch::nn::LayerNorm(std::vector<int64_t>{ options.embedDim }));
  m_mlp =
    register_module("mlp",
                    torch::nn::Sequential(torch::nn::Linear(options.embedDim, 4 * options.embedDim),
                                          torch::nn::GELU(),
                                          torch::nn::Linear(4 * options.embedDim, options.embedDim),
                                          torch::nn::Dropout(options.dropout)));
}

torch::Tensor
GptBlockImpl::forward(const torch::Tensor& x,
                      const torch::Tensor& allowed,
                      KvCache* cache,
                      size_t layer)
{
  auto h = x + m_attention(m_norm1(x), allowed, cache, layer);
  return h + m_mlp->forward(m_norm2(h));
}

GptImpl::GptImpl(const GptOptions& options)
  : m_options(options)
{
  if (options.vocabSize < 2 || options.contextLength < 1 || options.layers < 1 ||
      options.heads < 1 || options.embedDim < 1)
    throw std::invalid_argument("GPT: vocabSize, contextLength, embedDim, layers and heads "
                                "must be positive");
  m_tokenEmbedding =
    register_module("token_embedding", torch::nn::Embedding(options.vocabSize, options.embedDim));
  m_positionEmbedding = register_module(
    "position_embedding", torch::nn::Embedding(options.contextLength, options.embedDim));
  m_blocks = register_module("blocks", torch::nn::ModuleList());
  for (int64_t i = 0; i < options.layers; ++i)
    m_blocks->push_back(GptBlock(options));
  m_finalNorm =
    register_module("final_norm", torch::nn::LayerNorm(std::vector<int64_t>{ options.embedDim }));
  if (!options.tiedHead)
    m_head = register_module(
      "head",
      torch::nn::Linear(torch::nn::LinearOptions(options.embedDim, options.vocabSize).bias(false)));

  // GPT-2 initialisation: small normal weights keep the initial logits near uniform.
  for (auto& p : named_parameters()) {
    if (p.key().find("norm") != std::string::npos)
      continue;
    torch::NoGradGuard noGrad;
    if (p.value().dim() >= 2)
      p.value().normal_(0.0, 0.02);
    else
      p.value().zero_();
  }
}

torch::Tensor
GptImpl::forward(const torch::Tensor& tokens)
{
  return head(hiddenStates(tokens, nullptr));
}

torch::Tensor
GptImpl::forward(const torch::Tensor& tokens, KvCache& cache)
{
  return head(hiddenStates(tokens, &cache));
}

std::pair<torch::Tensor, torch::Tensor>
GptImpl::forwardWithHidden(const torch::Tensor& tokens)
{
  auto hidden = hiddenStates(tokens, nullptr);
  return { head(hidden), hidden };
}

torch::Tensor
GptImpl::hiddenStates(const torch::Tensor& tokens, KvCache* cache)
{
  const auto time = tokens.size(1);
  const int64_t past = cache ? cache->length : 0;
  if (past + time > m_options.contextLength)
    throw std::out_of_range("GPT: sequence of " + std::to_string(past + time) +
                            " tokens exceeds the context length " +
                            std::to_string(m_options.contextLength));
  torch::Tensor padding = cache ? cache->leadingPadding : torch::Tensor();
  if (past == 0) {
    padding = leadingPadding(tokens);
    if (cache)
      cache->leadingPadding = padding;
  }
  const auto total = past + time;
  auto positions = torch::arange(past, total, torch::TensorOptions().dtype(torch::kLong));
  torch::Tensor allowed;
  torch::Tensor x;
  if (!padding.defined()) {
    x = m_tokenEmbedding(tokens) + m_positionEmbedding(positions).unsqueeze(0);
    // Query i sits at absolute position past + i and may see keys 0..past + i.
    if (time > 1)
      allowed = torch::ones({ time, total }, torch::kBool).tril(past);
  } else {
    // Positions count from each row's BOS; padded keys are hidden, except a
    // padded query's own key, so that its (unused) softmax stays finite.
    auto rowPositions = (positions.unsqueeze(0) - padding.unsqueeze(1)).clamp_min(0);
    x = m_tokenEmbedding(tokens) + m_positionEmbedding(rowPositions);
    auto keys = torch::arange(total, torch::kLong);
    auto causal = torch::ones({ time, total }, torch::kBool).tril(past);
    auto real = keys.unsqueeze(0) >= padding.unsqueeze(1);  // [batch, keys]
    auto own = keys.unsqueeze(0) == positions.unsqueeze(1); // [time, keys]
    allowed = (causal.unsqueeze(0) & (real.unsqueeze(1) | own.unsqueeze(0))).unsqueeze(1);
  }
  for (size_t layer = 0; layer < m_blocks->size(); ++layer)
    x = m_blocks[layer]->as<GptBlock>()->forward(x, allowed, cache, layer);
  if (cache)
    cache->length = past + time;
  return m_finalNorm(x);
}

torch::Tensor
GptImpl::leadingPadding(const torch::Tensor& tokens)
{
  // Unconditional batches start every row with BOS: keep their arithmetic as it was.
  if (!(tokens.select(1, 0) == Tokenizer::kPad).any().item<bool>())
    return {};
  return (tokens != Tokenizer::kPad).to(torch::kLong).argmax(1);
}

torch::Tensor
GptImpl::head(const torch::Tensor& hidden)
{
  return m_options.tiedHead ? F::linear(hidden, m_tokenEmbedding->weight) : m_head(hidden);
}

} // namespace paretolab::engine
