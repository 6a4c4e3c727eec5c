// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/modeloptions.h"
#include "model/policy.h"

#include <cstdint>
#include <string>

namespace paretolab::engine {

/// Why `small` cannot grow into `larger`; empty when it can. It can when both
/// share the vocabulary, the context and the head width, `larger` is a whole
/// multiple as wide, and at least as deep.
std::string
growthObstacle(const GptOptions& small, const GptOptions& larger);

/// A wider and deeper policy that computes what `small` computes (Net2Net's
/// function-preserving growth, as bert2BERT applies it to transformers), so
/// that a larger prior goes on from a smaller one's training instead of from
/// scratch. Each of k copies of a feature carries 1/sqrt(k) of it in the
/// residual stream, which the layer norms cannot tell from the original (but
/// for their epsilon, which weighs k times more); the
/// layers added on top start with zero output projections, as identities.
///
/// `noise` (a standard deviation) is added to every grown weight: copies that
/// stayed equal would receive equal gradients and never learn apart. The
/// added layers' other weights are drawn from `seed`. Throws
/// std::invalid_argument with growthObstacle()'s reason.
Policy
growPolicy(const Policy& small, const GptOptions& larger, double noise, uint64_t seed);

} // namespace paretolab::engine
