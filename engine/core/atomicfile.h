// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace paretolab::engine {

/// Writes `bytes` to `path` so that a crash leaves either the old file or the
/// new one, never a torn mix: temporary file, fsync, rename, fsync of the
/// directory. Creates missing parent directories. Throws std::runtime_error.
void
writeFileAtomically(const std::string& path, std::string_view bytes);

/// The whole file; throws std::runtime_error naming the path when it cannot be read.
std::string
readFile(const std::string& path);

/// 64-bit FNV-1a, used to detect corrupt checkpoint payloads (not for security).
uint64_t
fnv1a64(std::string_view bytes, uint64_t hash = 0xcbf29ce484222325ULL);

} // namespace paretolab::engine
