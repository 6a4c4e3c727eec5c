// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): bfloat16 autocast for a scope.

namespace paretolab::engine {

/// While alive (and `enabled`), this thread's forward passes run their matrix
/// products in bfloat16, as LibTorch's CPU autocast chooses: the weights, the
/// residual stream, the softmaxes and the optimizer stay in float32, and the
/// gradients reach the float32 weights through the casts. On CPUs with
/// AVX-512 BF16 (AMD Zen 4, Intel Sapphire Rapids) oneDNN multiplies bf16 at
/// several times the float32 rate; elsewhere it is emulated, and slower.
class MixedPrecisionScope
{
public:
  explicit MixedPrecisionScope(bool enabled);
  ~MixedPrecisionScope();
  MixedPrecisionScope(const MixedPrecisionScope&) = delete;
  MixedPrecisionScope& operator=(const MixedPrecisionScope&) = delete;

private:
  bool m_enabled;
  bool m_wasEnabled = false;
};

} // namespace paretolab::engine
