// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/ricprompts.h"

#include "train/merge.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace paretolab::engine {

std::string
rewardToken(size_t objective, int64_t level)
{
  return "<r" + std::to_string(objective) + ":" + std::to_string(level) + ">";
}

std::vector<std::string>
rewardTokens(size_t objectives, int64_t levels)
{
  std::vector<std::string> tokens;
  for (size_t i = 0; i < objectives; ++i)
    for (int64_t level = 0; level < levels; ++level)
      tokens.push_back(rewardToken(i, level));
  return tokens;
}

int64_t
quantiseReward(double reward, int64_t levels)
{
  if (!std::isfinite(reward))
    return 0;
  return std::clamp<int64_t>(int64_t(std::floor(reward * double(levels))), 0, levels - 1);
}

std::string
rewardPrompt(const std::vector<int64_t>& levels)
{
  std::string prompt;
  for (size_t i = 0; i < levels.size(); ++i)
    prompt += rewardToken(i, levels[i]);
  return prompt;
}

std::vector<int64_t>
preferenceToLevels(const std::vector<double>& weights,
                   const std::vector<int64_t>& lowest,
                   const std::vector<int64_t>& highest)
{
  if (weights.size() != lowest.size() || weights.size() != highest.size())
    throw std::invalid_argument("RiC: expected " + std::to_string(lowest.size()) +
                                " weights, got " + std::to_string(weights.size()));
  const auto w = normalizedWeights(weights);
  const double n = double(w.size());
  std::vector<int64_t> levels;
  for (size_t i = 0; i < w.size(); ++i) {
    // A tolerance, so that equal weights read as 1/N despite rounding.
    if (w[i] * n >= 1.0 - 1e-9)
      levels.push_back(highest[i]);
    else
      levels.push_back(
        int64_t(std::lround(double(lowest[i]) + n * w[i] * double(highest[i] - lowest[i]))));
  }
  return levels;
}

std::vector<std::vector<double>>
spreadOverSimplex(size_t objectives, int64_t count, std::mt19937_64& rng)
{
  std::vector<std::vector<double>> spread;
  for (size_t i = 0; i < objectives && int64_t(spread.size()) < count; ++i) {
    std::vector<double> corner(objectives, 0.0);
    corner[i] = 1.0;
    spread.push_back(std::move(corner));
  }
  if (int64_t(spread.size()) < count && objectives > 1)
    spread.emplace_back(objectives, 1.0 / double(objectives));
  while (int64_t(spread.size()) < count) {
    std::gamma_distribution<double> gamma(1.0, 1.0);
    spread.push_back(drawDirichlet(rng, gamma, objectives));
  }
  return spread;
}

} // namespace paretolab::engine
