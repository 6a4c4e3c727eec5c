// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <string>

namespace paretolab::engine {

/// The line (1-based) where each value of a JSON text starts, keyed by its
/// dotted path: "training.ppo.clip", "objectives.1.name"; the root is "".
/// For an object member it is the line of its key. nlohmann::json keeps no
/// positions, and error messages about a task file should point at its line.
/// Expects text that already parsed as JSON; on anything else it returns
/// what it found before the first surprise.
std::map<std::string, int>
jsonValueLines(const std::string& text);

} // namespace paretolab::engine
