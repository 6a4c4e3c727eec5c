// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace paretolab::engine {

/// Writes the valid samples as an SD file with 2-D coordinates: the SMILES as
/// generated in the title and a `smiles` property, and one property per
/// objective with its raw value (empty when not computable). Written
/// atomically. Returns how many records were written (invalid SMILES are skipped).
std::size_t
writeMoleculeSdf(const std::string& path,
                 const std::vector<std::string>& samples,
                 const std::vector<std::string>& objectiveNames,
                 const std::vector<std::vector<double>>& rawScores);

} // namespace paretolab::engine
