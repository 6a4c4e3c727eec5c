// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the fuzz targets share: the entry point libFuzzer calls, and a scratch
// file for the loaders that read a path rather than bytes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace paretolab::fuzz {

inline std::string_view
asText(const uint8_t* data, size_t size)
{
  return { reinterpret_cast<const char*>(data), size };
}

/// Writes `bytes` to this process's scratch file (under $TMPDIR) and returns
/// its path; `suffix` is the extension a loader may look at. Aborts when the
/// file cannot be written, because every later input would then test nothing.
std::string
writeScratchFile(std::string_view bytes, const std::string& suffix);

/// Removes what writeScratchFile and the loaders left beside it ("-wal", "-shm").
void
removeScratchFiles(const std::string& path);

} // namespace paretolab::fuzz
