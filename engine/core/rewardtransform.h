// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace paretolab::engine {

/// Maps a raw objective value to a desirability in [0, 1], so that objectives
/// on different scales (QED, logP, eV) can be weighted and merged together.
///
/// - identity: the raw value as it is (for rewards already in [0, 1]);
/// - maximize: 0 at or below `low`, 1 at or above `high`, linear between;
/// - minimize: the mirror image of maximize;
/// - target: 1 within `target` ± `tolerance`, with Gaussian tails of width `tolerance`;
/// - sigmoid: 1 / (1 + exp(-(x - center) / scale)); a negative scale prefers low values;
/// - double-sigmoid: a rising sigmoid at `low` times a falling one at `high`, both of width
/// `scale`.
struct RewardTransform
{
  enum class Kind
  {
    Identity,
    Maximize,
    Minimize,
    Target,
    Sigmoid,
    DoubleSigmoid,
  };

  Kind kind = Kind::Identity;
  double low = 0.0;
  double high = 1.0;
  double target = 0.0;
  double tolerance = 1.0;
  double center = 0.0;
  double scale = 1.0;

  double apply(double raw) const;

  nlohmann::json toJson() const;
  /// Reads {"kind": "maximize", "low": 0, "high": 5} and the like. Throws
  /// std::invalid_argument naming the bad key or kind.
  static RewardTransform fromJson(const nlohmann::json& json);
};

std::string
toString(RewardTransform::Kind kind);

} // namespace paretolab::engine
