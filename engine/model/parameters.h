// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): whole-model parameter vectors, the unit
// that merging, re-merging and checkpoints work on.

#include <torch/torch.h>

#include <vector>

namespace paretolab::engine {

/// Detached copies of a module's parameters, in `parameters()` order.
using ParameterSet = std::vector<torch::Tensor>;

ParameterSet
snapshotParameters(const torch::nn::Module& module);
/// Copies `parameters` into the module in place; throws std::invalid_argument
/// when the count or a shape differs.
void
loadParameters(torch::nn::Module& module, const ParameterSet& parameters);

/// Writes `set` into `archive` under `prefix` (its size, then each tensor).
void
writeParameterSet(torch::serialize::OutputArchive& archive,
                  const std::string& prefix,
                  const ParameterSet& set);
/// Reads what writeParameterSet wrote under `prefix`.
ParameterSet
readParameterSet(torch::serialize::InputArchive& archive, const std::string& prefix);

} // namespace paretolab::engine
