// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace paretolab::engine {

/// The whole content of a gzip file (a file that is not compressed comes
/// back unchanged, as zlib reads it). Throws std::runtime_error naming the
/// file when it cannot be opened or is damaged.
std::string
readGzipFile(const std::string& path);

} // namespace paretolab::engine
