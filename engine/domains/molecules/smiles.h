// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (RDKit): parsing generated SMILES quietly.

#include <GraphMol/RWMol.h>

#include <memory>
#include <string>

namespace paretolab::engine {

/// The molecule of `smiles`, sanitised, or null when RDKit rejects it. RDKit's
/// error log is silenced once per process: a policy in training writes
/// thousands of invalid SMILES, and each would otherwise print a parse error.
std::unique_ptr<RDKit::RWMol>
parseSmiles(const std::string& smiles);

/// RDKit's canonical SMILES of `smiles`, or an empty string when it is invalid.
std::string
canonicalSmiles(const std::string& smiles);

} // namespace paretolab::engine
