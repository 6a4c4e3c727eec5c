// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace paretolab::engine {

/// CSV of samples and their raw objective values: a header `firstColumn,obj1,...`,
/// then one row per sample. Fields are quoted as RFC 4180 asks (text samples may
/// hold commas and quotes); a value that cannot be computed is an empty field.
std::string
samplesCsv(const std::string& firstColumn,
           const std::vector<std::string>& samples,
           const std::vector<std::string>& objectiveNames,
           const std::vector<std::vector<double>>& rawScores);

/// A CSV field, quoted when it holds a comma, quote or line break.
std::string
csvField(const std::string& text);

} // namespace paretolab::engine
