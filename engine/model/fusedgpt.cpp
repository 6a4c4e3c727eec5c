// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/fusedgpt.h"

#include "core/tokenizer.h"

#include <ATen/Parallel.h>
#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

namespace paretolab::engine {

namespace {

constexpr float kLayerNormEpsilon = 1e-5f; // torch::nn::LayerNorm's default

// Rows per task of at::parallel_for: enough work to pay for a thread's wake-up.
int64_t
grainFor(int64_t workPerRow)
{
  return std::max<int64_t>(1, 16384 / std::max<int64_t>(1, workPerRow));
}

void
layerNorm(const float* in,
          float* out,
          int64_t rows,
          int64_t width,
          const float* weight,
          const float* bias)
{
  at::parallel_for(0, rows, grainFor(width), [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r) {
      const float* x = in + r * width;
      float* y = out + r * width;
      float mean = 0.0f;
      for (int64_t i = 0; i < width; ++i)
        mean += x[i];
      mean /= float(width);
      float variance = 0.0f;
      for (int64_t i = 0; i < width; ++i)
        variance += (x[i] - mean) * (x[i] - mean);
      variance /= float(width);
      const float scale = 1.0f / std::sqrt(variance + kLayerNormEpsilon);
      for (int64_t i = 0; i < width; ++i)
        y[i] = (x[i] - mean) * scale * weight[i] + bias[i];
    }
  });
}

// out[rows, outWidth] = beta * out + in[rows, inWidth] . weight[outWidth, inWidth]^T
void
matmulTransposed(const float* in,
                 const float* weight,
                 float* out,
                 int64_t rows,
                 int64_t inWidth,
                 int64_t outWidth,
                 float beta)
{
  cblas_sgemm(CblasRowMajor,
              CblasNoTrans,
              CblasTrans,
              int(rows),
              int(outWidth),
              int(inWidth),
              1.0f,
              in,
              int(inWidth),
              weight,
              int(inWidth),
              beta,
              out,
              int(outWidth));
}

// Each row of `out` gets `bias` added (beta = 1 then adds the product to it).
void
addBias(float* out, const float* bias, int64_t rows, int64_t width)
{
  at::parallel_for(0, rows, grainFor(width), [&](int64_t begin, int64_t end) {
    for (int64_t r = begin; r < end; ++r)
      for (int64_t i = 0; i < width; ++i)
        out[r * width + i] += bias[i];
  });
}

void
setBias(float* out, const float* bias, int64_t rows, int64_t width)
{
  for (int64_t r = 0; r < rows; ++r)
    std::copy(bias, bias + width, out + r * width);
}

// torch::nn::GELU's exact form, 0.5 x (1 + erf(x / sqrt 2)), by ATen's own
// vectorised kernel in place on the buffer: a scalar erf per value cost more
// than the matrix products at small widths.
void
gelu(float* values, int64_t rows, int64_t width)
{
  auto buffer = torch::from_blob(values, { rows, width });
  at::gelu_out(buffer, buffer);
}

} // namespace

std::unique_ptr<FusedGpt::Buffers>&
FusedGpt::spareBuffers()
{
  thread_local std::unique_ptr<Buffers> spare;
  return spare;
}

FusedGpt::~FusedGpt()
{
  spareBuffers() = std::move(m_buffers);
}

FusedGpt::FusedGpt(const GptImpl& model, int64_t batch)
  : m_options(model.options())
  , m_batch(batch)
  , m_padding(size_t(batch), 0)
  , m_buffers(spareBuffers() ? std::move(spareBuffers()) : std::make_unique<Buffers>())
{
  std::map<std::string, const float*> weights;
  for (const auto& item : model.named_parameters()) {
    auto tensor = item.value().detach();
    if (!tensor.is_contiguous() || tensor.scalar_type() != torch::kFloat) {
      tensor = tensor.to(torch::kFloat).contiguous();
      m_keepAlive.push_back(tensor);
    }
    weights[item.key()] = tensor.data_ptr<float>();
  }
  auto weight = [&](const std::string& name) {
    auto found = weights.find(name);
    if (found == weights.end())
      throw std::logic_error("FusedGpt: the model has no parameter " + name);
    return found->second;
  };
  m_tokenEmbedding = weight("token_embedding.weight");
  m_positionEmbedding = weight("position_embedding.weight");
  m_finalNormWeight = weight("final_norm.weight");
  m_finalNormBias = weight("final_norm.bias");
  m_head = m_options.tiedHead ? m_tokenEmbedding : weight("head.weight");
  for (int64_t l = 0; l < m_options.layers; ++l) {
    const auto block = "blocks." + std::to_string(l) + ".";
    m_layers.push_back(Layer{ .norm1Weight = weight(block + "norm1.weight"),
                              .norm1Bias = weight(block + "norm1.bias"),
                              .qkvWeight = weight(block + "attention.qkv.weight"),
                              .qkvBias = weight(block + "attention.qkv.bias"),
                              .projectionWeight = weight(block + "attention.projection.weight"),
                              .projectionBias = weight(block + "attention.projection.bias"),
                              .norm2Weight = weight(block + "norm2.weight"),
                              .norm2Bias = weight(block + "norm2.bias"),
                              .upWeight = weight(block + "mlp.0.weight"),
                              .upBias = weight(block + "mlp.0.bias"),
                              .downWeight = weight(block + "mlp.2.weight"),
                              .downBias = weight(block + "mlp.2.bias") });
  }
  const auto cache = size_t(m_options.layers) * size_t(batch) * size_t(m_options.contextLength) *
                     size_t(m_options.embedDim);
  // Not cleared: attention reads only the positions this batch has written.
  m_keys.resize(cache);
  m_values.resize(cache);
  m_last.resize(size_t(batch * m_options.embedDim));
  m_logits.resize(size_t(batch * m_options.vocabSize));
}

float*
FusedGpt::keysOf(size_t layer, int64_t row, int64_t head)
{
  const int64_t headDim = m_options.embedDim / m_options.heads;
  return m_keys.data() + ((int64_t(layer) * m_batch + row) * m_options.heads + head) *
                           m_options.contextLength * headDim;
}

float*
FusedGpt::valuesOf(size_t layer, int64_t row, int64_t head)
{
  return m_values.data() + (keysOf(layer, row, head) - m_keys.data());
}

const float*
FusedGpt::forward(const int64_t* tokens, int64_t time)
{
  runBlocks(tokens, time);
  // Only each row's last position is sampled from.
  for (int64_t row = 0; row < m_batch; ++row) {
    const float* x = m_x.data() + ((row + 1) * time - 1) * m_options.embedDim;
    std::copy(x, x + m_options.embedDim, m_last.data() + row * m_options.embedDim);
  }
  return head(m_last.data(), m_batch);
}

const float*
FusedGpt::forwardAll(const int64_t* tokens, int64_t time)
{
  runBlocks(tokens, time);
  return head(m_x.data(), m_batch * time);
}

const float*
FusedGpt::head(float* hidden, int64_t rows)
{
  const int64_t embed = m_options.embedDim;
  if (m_logits.size() < size_t(rows * m_options.vocabSize))
    m_logits.resize(size_t(rows * m_options.vocabSize));
  layerNorm(hidden, hidden, rows, embed, m_finalNormWeight, m_finalNormBias);
  matmulTransposed(hidden, m_head, m_logits.data(), rows, embed, m_options.vocabSize, 0.0f);
  return m_logits.data();
}

void
FusedGpt::runBlocks(const int64_t* tokens, int64_t time)
{
  const int64_t embed = m_options.embedDim;
  if (time < 1 || m_length + time > m_options.contextLength)
    throw std::out_of_range("GPT: sequence of " + std::to_string(m_length + time) +
                            " tokens exceeds the context length " +
                            std::to_string(m_options.contextLength));
  if (m_length == 0)
    for (int64_t row = 0; row < m_batch; ++row) {
      int64_t pad = 0;
      while (pad < time && tokens[row * time + pad] == Tokenizer::kPad)
        ++pad;
      m_padding[size_t(row)] =
        pad == time ? 0 : pad; // an all-PAD row counts from 0, as argmax does
    }

  const int64_t rows = m_batch * time;
  const auto need = size_t(rows * embed);
  if (m_x.size() < need) {
    m_x.resize(need);
    m_normed.resize(need);
    m_attended.resize(need);
    m_qkv.resize(3 * need);
    m_up.resize(4 * need);
  }

  for (int64_t r = 0; r < rows; ++r) {
    const int64_t row = r / time;
    const int64_t position = std::max<int64_t>(0, m_length + r % time - m_padding[size_t(row)]);
    if (tokens[r] < 0 || tokens[r] >= m_options.vocabSize)
      throw std::out_of_range("GPT: token " + std::to_string(tokens[r]) +
                              " is outside the vocabulary of " +
                              std::to_string(m_options.vocabSize));
    const float* token = m_tokenEmbedding + tokens[r] * embed;
    const float* place = m_positionEmbedding + position * embed;
    float* x = m_x.data() + r * embed;
    for (int64_t i = 0; i < embed; ++i)
      x[i] = token[i] + place[i];
  }

  for (size_t l = 0; l < m_layers.size(); ++l) {
    const auto& layer = m_layers[l];
    layerNorm(m_x.data(), m_normed.data(), rows, embed, layer.norm1Weight, layer.norm1Bias);
    setBias(m_qkv.data(), layer.qkvBias, rows, 3 * embed);
    matmulTransposed(m_normed.data(), layer.qkvWeight, m_qkv.data(), rows, embed, 3 * embed, 1.0f);
    attend(l, time);
    // The residual stream takes the projection in place: x += attended W^T + b.
    addBias(m_x.data(), layer.projectionBias, rows, embed);
    matmulTransposed(
      m_attended.data(), layer.projectionWeight, m_x.data(), rows, embed, embed, 1.0f);

    layerNorm(m_x.data(), m_normed.data(), rows, embed, layer.norm2Weight, layer.norm2Bias);
    setBias(m_up.data(), layer.upBias, rows, 4 * embed);
    matmulTransposed(m_normed.data(), layer.upWeight, m_up.data(), rows, embed, 4 * embed, 1.0f);
    gelu(m_up.data(), rows, 4 * embed);
    addBias(m_x.data(), layer.downBias, rows, embed);
    matmulTransposed(m_up.data(), layer.downWeight, m_x.data(), rows, 4 * embed, embed, 1.0f);
  }
  m_length += time;
}

void
FusedGpt::attend(size_t layer, int64_t time)
{
  const int64_t embed = m_options.embedDim;
  const int64_t heads = m_options.heads;
  const int64_t headDim = embed / heads;
  const int64_t past = m_length;
  const float scale = 1.0f / std::sqrt(float(headDim));

  // The new keys and values join the cache first: a query sees its own.
  const int64_t context = m_options.contextLength;
  for (int64_t r = 0; r < m_batch * time; ++r) {
    const float* qkv = m_qkv.data() + r * 3 * embed;
    const int64_t position = past + r % time;
    for (int64_t h = 0; h < heads; ++h) {
      float* keys = keysOf(layer, r / time, h);
      for (int64_t d = 0; d < headDim; ++d)
        keys[d * context + position] = qkv[embed + h * headDim + d];
      std::copy_n(
        qkv + 2 * embed + h * headDim, headDim, valuesOf(layer, r / time, h) + position * headDim);
    }
  }

  const int64_t tasks = m_batch * heads;
  at::parallel_for(
    0, tasks, grainFor((past + time) * headDim * time), [&](int64_t begin, int64_t end) {
      // One per thread, grown once: nothing is allocated per token.
      thread_local std::vector<float> scores;
      scores.resize(size_t(past + time));
      for (int64_t task = begin; task < end; ++task) {
        const int64_t row = task / heads;
        const int64_t h = task % heads;
        const int64_t padding = m_padding[size_t(row)];
        const float* keys = keysOf(layer, row, h);
        const float* values = valuesOf(layer, row, h);
        for (int64_t i = 0; i < time; ++i) {
          const int64_t position = past + i;
          const float* query = m_qkv.data() + (row * time + i) * 3 * embed + h * headDim;
          // Keys are stored transposed, so that these loops run along positions
          // and vectorise without reordering any sum.
          std::fill_n(scores.data(), position + 1, 0.0f);
          for (int64_t d = 0; d < headDim; ++d) {
            const float q = query[d];
            const float* key = keys + d * context;
            for (int64_t j = 0; j <= position; ++j)
              scores[size_t(j)] += q * key[j];
          }
          // Padded keys are hidden, except a padded query's own, which keeps its
          // (unused) softmax finite, as in GptImpl.
          float highest = -std::numeric_limits<float>::infinity();
          for (int64_t j = 0; j <= position; ++j) {
            scores[size_t(j)] = j < padding && j != position
                                  ? -std::numeric_limits<float>::infinity()
                                  : scores[size_t(j)] * scale;
            highest = std::max(highest, scores[size_t(j)]);
          }
          float total = 0.0f;
          for (int64_t j = 0; j <= position; ++j) {
            scores[size_t(j)] = std::exp(scores[size_t(j)] - highest);
            total += scores[size_t(j)];
          }
          float* out = m_attended.data() + (row * time + i) * embed + h * headDim;
          std::fill_n(out, headDim, 0.0f);
          for (int64_t j = 0; j <= position; ++j) {
            const float weight = scores[size_t(j)] / total;
            const float* value = values + j * headDim;
            for (int64_t d = 0; d < headDim; ++d)
              out[d] += weight * value[d];
          }
        }
      }
    });
}

} // namespace paretolab::engine
