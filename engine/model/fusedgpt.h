// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): the GPT's inference path without LibTorch's
// per-operator overhead, in the spirit of llama.cpp on CPU. Sampling spends its
// time in many small operations on a few hundred numbers each; here every
// buffer is allocated once per batch, the matrix products are cblas_sgemm
// calls on those buffers, and the rest are plain loops, parallel over rows.

#include "model/gpt.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace paretolab::engine {

/// Decodes a batch with a GptImpl's weights, read in place: LibTorch keeps each
/// Linear weight as one contiguous [out, in] block, which sgemm reads transposed,
/// and the QKV projection is already one matrix. The model must outlive this
/// object and must not change while it decodes.
class FusedGpt
{
public:
  /// Buffers for `batch` rows of up to the model's context length.
  FusedGpt(const GptImpl& model, int64_t batch);
  /// Hands the buffers to the next FusedGpt of this thread: fresh memory of
  /// these sizes faults in every page, which cost more than the decoding of a
  /// small model's batch (the slider's re-merge makes three of these).
  ~FusedGpt();
  FusedGpt(const FusedGpt&) = delete;
  FusedGpt& operator=(const FusedGpt&) = delete;

  /// Feeds `time` new tokens of every row (`tokens` is [batch, time], row
  /// major) at positions length().., and returns the logits of each row's last
  /// new position, [batch, vocab]. In the first call a row may begin with PAD
  /// before its BOS (left-padded prompts): as in GptImpl, its positions then
  /// count from BOS and no query sees a padded key.
  const float* forward(const int64_t* tokens, int64_t time);

  /// As forward(), but returns the logits of every new position,
  /// [batch, time, vocab]: one teacher-forced pass over whole sequences.
  const float* forwardAll(const int64_t* tokens, int64_t time);

  int64_t length() const { return m_length; }
  int64_t vocabulary() const { return m_options.vocabSize; }

private:
  struct Layer
  {
    const float* norm1Weight;
    const float* norm1Bias;
    const float* qkvWeight; ///< [3E, E]
    const float* qkvBias;
    const float* projectionWeight; ///< [E, E]
    const float* projectionBias;
    const float* norm2Weight;
    const float* norm2Bias;
    const float* upWeight; ///< [4E, E]
    const float* upBias;
    const float* downWeight; ///< [E, 4E]
    const float* downBias;
  };

  /// The transformer blocks over the new positions, leaving their states in m_x.
  void runBlocks(const int64_t* tokens, int64_t time);
  /// Final LayerNorm (in place on `hidden`) and the head, for `rows` positions.
  const float* head(float* hidden, int64_t rows);
  void attend(size_t layer, int64_t time);
  /// [headDim, context]: one head's keys, transposed.
  float* keysOf(size_t layer, int64_t row, int64_t head);
  /// [context, headDim]: one head's values.
  float* valuesOf(size_t layer, int64_t row, int64_t head);

  GptOptions m_options;
  int64_t m_batch;
  int64_t m_length = 0;
  std::vector<torch::Tensor> m_keepAlive; ///< contiguous float copies, where a weight was not
  const float* m_tokenEmbedding = nullptr;
  const float* m_positionEmbedding = nullptr;
  const float* m_finalNormWeight = nullptr;
  const float* m_finalNormBias = nullptr;
  const float* m_head = nullptr; ///< [V, E]
  std::vector<Layer> m_layers;
  std::vector<int64_t> m_padding; ///< PAD columns before each row's BOS

  // Activations of the positions of one forward call; the KV cache holds
  // [layer][row][head] blocks of keys (transposed) and values. They are kept
  // per thread between batches (see the destructor).
  struct Buffers
  {
    std::vector<float> x, normed, qkv, attended, up, last, logits, keys, values;
  };
  static std::unique_ptr<Buffers>& spareBuffers();
  std::unique_ptr<Buffers> m_buffers;
  std::vector<float>& m_x{ m_buffers->x };
  std::vector<float>& m_normed{ m_buffers->normed };
  std::vector<float>& m_qkv{ m_buffers->qkv };
  std::vector<float>& m_attended{ m_buffers->attended };
  std::vector<float>& m_up{ m_buffers->up };
  std::vector<float>& m_last{ m_buffers->last };
  std::vector<float>& m_logits{ m_buffers->logits };
  std::vector<float>& m_keys{ m_buffers->keys };
  std::vector<float>& m_values{ m_buffers->values };
};

} // namespace paretolab::engine
