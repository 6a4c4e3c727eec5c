// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace paretolab::engine {

/// SHA-256 of `bytes` as 64 lower-case hex digits (FIPS 180-4). The run store
/// records it beside each checkpoint so a swapped or damaged file is noticed.
std::string
sha256Hex(std::string_view bytes);

} // namespace paretolab::engine
