// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"

#include <string>
#include <vector>

namespace paretolab::cli {

/// Reads a user's sample file in the domain's format named `format`, or the
/// one its extension names, or plain lines. Prints each skipped record with its
/// line and reason on stderr (the first 20, then a count). Throws
/// std::runtime_error when the file cannot be opened.
engine::SampleReading
readSampleFile(const engine::Domain& domain,
               const std::string& path,
               const std::string& format = {});

/// Writes `table` with `format` atomically, printing what was skipped and why.
/// Returns how many samples were written.
std::size_t
writeSampleFile(const engine::SampleFormat& format,
                const engine::SampleTable& table,
                const std::string& path);

/// The non-empty items of a comma-separated option value: "qed,,sa" gives qed and sa.
std::vector<std::string>
splitList(const std::string& text);

/// "1 sample", "3 samples".
std::string
countOf(std::size_t count, const std::string& noun);

} // namespace paretolab::cli
