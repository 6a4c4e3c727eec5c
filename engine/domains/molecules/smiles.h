// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (RDKit): parsing generated SMILES quietly.

#include <GraphMol/RWMol.h>

#include <cstdint>
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

/// A randomized SMILES of `smiles` (Arús-Pous et al. 2019): the atoms in an
/// order drawn from `seed`, written without canonical ranking, so that the
/// same molecule gets many spellings. Deterministic for one seed; "" for an
/// invalid SMILES. Thread-safe (RDKit's own random SMILES use a global generator).
std::string
randomizedSmiles(const std::string& smiles, uint64_t seed);

} // namespace paretolab::engine
