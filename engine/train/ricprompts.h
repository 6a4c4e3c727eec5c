// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Rewards-in-Context's prompts: reward tokens, and the mapping from the
// sliders' weights to the rewards asked for. No LibTorch.

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace paretolab::engine {

/// The token that says "objective `objective` at level `level`": "<r0:7>".
std::string
rewardToken(size_t objective, int64_t level);

/// Every reward token of `objectives` objectives at `levels` levels, objective by objective.
std::vector<std::string>
rewardTokens(size_t objectives, int64_t levels);

/// The level of a transformed reward in [0, 1]: floor(reward * levels), with
/// 1 in the top level and anything outside [0, 1] clamped.
int64_t
quantiseReward(double reward, int64_t levels);

/// The prompt that asks for `levels`, one reward token per objective.
std::string
rewardPrompt(const std::vector<int64_t>& levels);

/// RiC's preference-to-reward mapping (Yang et al. 2024, section 3.3): for
/// weights w over N objectives, objective i is asked for its highest level
/// when w_i >= 1/N, and otherwise for lowest_i + N w_i (highest_i - lowest_i),
/// rounded. `lowest` and `highest` are the levels seen in the training data.
/// Throws std::invalid_argument for sizes that differ or weights summing to 0.
std::vector<int64_t>
preferenceToLevels(const std::vector<double>& weights,
                   const std::vector<int64_t>& lowest,
                   const std::vector<int64_t>& highest);

/// `count` weight vectors spread over the simplex of `objectives` objectives:
/// the corners, then the centre, then Dirichlet(1) draws from `rng`.
std::vector<std::vector<double>>
spreadOverSimplex(size_t objectives, int64_t count, std::mt19937_64& rng);

} // namespace paretolab::engine
