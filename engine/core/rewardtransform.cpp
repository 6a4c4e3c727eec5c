// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rewardtransform.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace paretolab::engine {

namespace {

constexpr std::array<std::pair<RewardTransform::Kind, const char*>, 6> kKindNames{ {
  { RewardTransform::Kind::Identity, "identity" },
  { RewardTransform::Kind::Maximize, "maximize" },
  { RewardTransform::Kind::Minimize, "minimize" },
  { RewardTransform::Kind::Target, "target" },
  { RewardTransform::Kind::Sigmoid, "sigmoid" },
  { RewardTransform::Kind::DoubleSigmoid, "double-sigmoid" },
} };

double
sigmoid(double x)
{
  return 1.0 / (1.0 + std::exp(-x));
}

double
ramp(double x, double low, double high)
{
  return std::clamp((x - low) / (high - low), 0.0, 1.0);
}

} // namespace

std::string
toString(RewardTransform::Kind kind)
{
  for (const auto& [k, name] : kKindNames)
    if (k == kind)
      return name;
  return "unknown";
}

double
RewardTransform::apply(double raw) const
{
  switch (kind) {
    case Kind::Identity:
      return raw;
    case Kind::Maximize:
      return ramp(raw, low, high);
    case Kind::Minimize:
      return 1.0 - ramp(raw, low, high);
    case Kind::Target: {
      const double outside = std::max(0.0, std::abs(raw - target) - tolerance);
      return std::exp(-0.5 * (outside / tolerance) * (outside / tolerance));
    }
    case Kind::Sigmoid:
      return sigmoid((raw - center) / scale);
    case Kind::DoubleSigmoid:
      return sigmoid((raw - low) / scale) * sigmoid((high - raw) / scale);
  }
  return raw;
}

nlohmann::json
RewardTransform::toJson() const
{
  nlohmann::json json{ { "kind", toString(kind) } };
  switch (kind) {
    case Kind::Identity:
      break;
    case Kind::Maximize:
    case Kind::Minimize:
      json["low"] = low;
      json["high"] = high;
      break;
    case Kind::Target:
      json["target"] = target;
      json["tolerance"] = tolerance;
      break;
    case Kind::Sigmoid:
      json["center"] = center;
      json["scale"] = scale;
      break;
    case Kind::DoubleSigmoid:
      json["low"] = low;
      json["high"] = high;
      json["scale"] = scale;
      break;
  }
  return json;
}

RewardTransform
RewardTransform::fromJson(const nlohmann::json& json)
{
  if (json.is_string())
    return fromJson(nlohmann::json{ { "kind", json } });
  if (!json.is_object() || !json.contains("kind") || !json["kind"].is_string())
    throw std::invalid_argument("transform: expected an object with a \"kind\" string");

  RewardTransform t;
  const auto name = json["kind"].get<std::string>();
  auto match = std::find_if(
    kKindNames.begin(), kKindNames.end(), [&](const auto& entry) { return name == entry.second; });
  if (match == kKindNames.end())
    throw std::invalid_argument("transform: unknown kind \"" + name +
                                "\" (identity, maximize, minimize, target, sigmoid, "
                                "double-sigmoid)");
  t.kind = match->first;

  auto number = [&](const char* key, double& field) {
    if (!json.contains(key))
      return;
    if (!json[key].is_number())
      throw std::invalid_argument(std::string("transform: \"") + key + "\" must be a number");
    field = json[key].get<double>();
  };
  number("low", t.low);
  number("high", t.high);
  number("target", t.target);
  number("tolerance", t.tolerance);
  number("center", t.center);
  number("scale", t.scale);

  for (const auto& [key, value] : json.items())
    if (key != "kind" && key != "low" && key != "high" && key != "target" && key != "tolerance" &&
        key != "center" && key != "scale")
      throw std::invalid_argument("transform: unknown key \"" + key + "\"");
  if ((t.kind == Kind::Maximize || t.kind == Kind::Minimize || t.kind == Kind::DoubleSigmoid) &&
      !(t.high > t.low))
    throw std::invalid_argument("transform: \"high\" must be greater than \"low\"");
  if (t.kind == Kind::Target && !(t.tolerance > 0))
    throw std::invalid_argument("transform: \"tolerance\" must be positive");
  if ((t.kind == Kind::Sigmoid || t.kind == Kind::DoubleSigmoid) && t.scale == 0)
    throw std::invalid_argument("transform: \"scale\" must not be zero");
  return t;
}

} // namespace paretolab::engine
