// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/growth.h"

#include "model/policystate.h"

#include <cmath>
#include <stdexcept>

namespace paretolab::engine {

namespace {

std::string
shape(const GptOptions& o)
{
  return std::to_string(o.embedDim) + " wide, " + std::to_string(o.layers) + " layers, " +
         std::to_string(o.heads) + " heads";
}

/// How a parameter of the small model maps into the grown one, by the side
/// of the residual stream that each of its dimensions touches.
enum class Side
{
  Reads,   ///< an input dimension fed by a layer norm: k copies, each read at 1/k
  Writes,  ///< an output added to the residual stream: k copies at 1/sqrt(k)
  Inner,   ///< a hidden dimension (attention heads, MLP units): k copies
  Constant ///< a dimension that does not grow (vocabulary, positions)
};

torch::Tensor
grow(torch::Tensor t, int64_t dim, Side side, int64_t k)
{
  if (side == Side::Constant)
    return t;
  std::vector<int64_t> repeats(size_t(t.dim()), 1);
  repeats[size_t(dim)] = k;
  t = t.repeat(repeats);
  if (side == Side::Reads)
    return t / double(k);
  if (side == Side::Writes)
    return t / std::sqrt(double(k));
  return t;
}

/// The grown value of the small model's parameter `name`: [out] for vectors
/// and [out, in] for matrices, as torch::nn::Linear and Embedding store them.
torch::Tensor
grownParameter(const std::string& name, const torch::Tensor& value, int64_t k)
{
  const bool matrix = value.dim() == 2;
  // Embeddings write the residual stream; the final norm writes what the tied
  // head reads as the stream, so it carries the stream's scale too.
  if (name.rfind("token_embedding", 0) == 0 || name.rfind("position_embedding", 0) == 0)
    return grow(value, 1, Side::Writes, k);
  if (name.rfind("final_norm", 0) == 0)
    return grow(value, 0, Side::Writes, k);
  if (name.rfind("head", 0) == 0)
    return grow(value, 1, Side::Writes, k);
  if (name.find("norm") != std::string::npos)
    return grow(value, 0, Side::Inner, k);
  if (name.find("attention.qkv") != std::string::npos) {
    // Query, key and value each grow by whole heads: head h + i * heads copies head h.
    std::vector<torch::Tensor> parts;
    for (const auto& part : value.chunk(3, 0)) {
      auto grown = grow(part, 0, Side::Inner, k);
      parts.push_back(matrix ? grow(grown, 1, Side::Reads, k) : grown);
    }
    return torch::cat(parts, 0);
  }
  if (name.find("mlp.0") != std::string::npos) {
    auto grown = grow(value, 0, Side::Inner, k);
    return matrix ? grow(grown, 1, Side::Reads, k) : grown;
  }
  if (name.find("attention.projection") != std::string::npos ||
      name.find("mlp.2") != std::string::npos) {
    auto grown = grow(value, 0, Side::Writes, k);
    // The input is a copied hidden: k equal copies summed, so each is read at 1/k.
    return matrix ? grow(grown, 1, Side::Reads, k) : grown;
  }
  throw std::logic_error("growPolicy: no rule for the parameter " + name);
}

bool
isOutputProjection(const std::string& name)
{
  return name.find("attention.projection") != std::string::npos ||
         name.find("mlp.2") != std::string::npos;
}

} // namespace

std::string
growthObstacle(const GptOptions& small, const GptOptions& larger)
{
  const auto from = " (" + shape(small) + " to " + shape(larger) + ")";
  if (small.vocabSize != larger.vocabSize || small.contextLength != larger.contextLength)
    return "the vocabulary and the context must stay the same" + from;
  if (small.tiedHead != larger.tiedHead)
    return "both models must tie their output head the same way" + from;
  if (larger.embedDim < small.embedDim || larger.embedDim % small.embedDim != 0)
    return "the larger model must be a whole multiple as wide" + from;
  const auto k = larger.embedDim / small.embedDim;
  if (larger.heads != small.heads * k)
    return "the heads must keep their width, so the larger model needs " +
           std::to_string(small.heads * k) + " heads" + from;
  if (larger.layers < small.layers)
    return "the larger model must be at least as deep" + from;
  return {};
}

Policy
growPolicy(const Policy& small, const GptOptions& larger, double noise, uint64_t seed)
{
  auto target = larger;
  target.vocabSize = small.options().vocabSize;
  if (auto obstacle = growthObstacle(small.options(), target); !obstacle.empty())
    throw std::invalid_argument("cannot grow the prior: " + obstacle);
  const auto k = target.embedDim / small.options().embedDim;

  Policy grown(target, small.tokenizer(), seed);
  auto generator = at::make_generator<at::CPUGeneratorImpl>(seed + 1);
  torch::NoGradGuard noGrad;
  const auto from = small.state().model->named_parameters();
  for (auto& p : grown.state().model->named_parameters()) {
    const auto& name = p.key();
    if (const auto* source = from.find(name)) {
      auto value = grownParameter(name, source->detach(), k);
      if (noise > 0.0)
        value = value + noise * torch::randn(value.sizes(), generator);
      p.value().copy_(value);
    } else if (isOutputProjection(name)) {
      // An added block adds nothing to the stream until it learns to.
      p.value().zero_();
    }
  }
  return grown;
}

} // namespace paretolab::engine
