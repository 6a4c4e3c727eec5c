// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace paretolab::cli {

/// A number as JSON writes it (the shortest text that reads back the same),
/// for CSV files; empty for NaN and infinities, which CSV leaves blank.
inline std::string
csvNumber(double value)
{
  return std::isfinite(value) ? nlohmann::json(value).dump() : std::string{};
}

} // namespace paretolab::cli
