// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): merging expert parameters.

#include "model/parameters.h"
#include "train/trainoptions.h"

#include <random>
#include <vector>

namespace paretolab::engine {

/// Normalises non-negative weights over the experts that take part: lambda_i =
/// w_i / sum_j w_j. Throws std::invalid_argument when they are negative or sum to 0.
std::vector<double>
normalizedWeights(const std::vector<double>& weights);

/// w ~ Dirichlet(alpha, ..., alpha): `size` draws of `gamma` (Gamma(alpha, 1))
/// from `rng`, normalised. The caller owns `gamma`, whose cached normal draw
/// is part of the stream: one per call keeps a resumable stream in `rng` alone.
std::vector<double>
drawDirichlet(std::mt19937_64& rng, std::gamma_distribution<double>& gamma, size_t size);

/// Merges `experts` with weights `lambda` (already normalised) into one
/// parameter set. `base` is the policy the experts started this round from;
/// linear merging ignores it, task arithmetic and TIES work on the task
/// vectors theta_i - base.
ParameterSet
mergeParameters(const std::vector<const ParameterSet*>& experts,
                const std::vector<double>& lambda,
                const ParameterSet& base,
                const MergeOptions& options);

/// The same, written into `merged`: a linear merge reuses the tensors it
/// holds from a previous merge of the same shapes instead of allocating.
void
mergeParametersInto(ParameterSet& merged,
                    const std::vector<const ParameterSet*>& experts,
                    const std::vector<double>& lambda,
                    const ParameterSet& base,
                    const MergeOptions& options);

/// ||a - b|| / ||b|| over all parameters together.
double
relativeDistance(const ParameterSet& a, const ParameterSet& b);

} // namespace paretolab::engine
