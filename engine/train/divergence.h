// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): how far the experts of a round drifted
// apart, the quantity the paper's theory bounds and adaptive m acts on.

#include "model/gpt.h"
#include "model/parameters.h"
#include "train/evaluation.h"
#include "train/expert.h"

#include <vector>

namespace paretolab::engine {

/// The largest relative L2 distance ||theta_i - base|| / ||base|| over the
/// experts in `subset`.
double
parameterDivergence(const std::vector<Expert>& experts,
                    const std::vector<int>& subset,
                    const ParameterSet& base);

/// The largest mean per-token KL(pi_merged || pi_theta_i) over `subset`,
/// estimated on `count` sequences drawn from `merged` (continuing `prompts`
/// when the domain is conditional), with the generator seeded by `seed`.
double
klDivergence(GptImpl& merged,
             std::vector<Expert>& experts,
             const std::vector<int>& subset,
             const PromptSet& prompts,
             int64_t count,
             const SamplingOptions& sampling,
             uint64_t seed);

} // namespace paretolab::engine
