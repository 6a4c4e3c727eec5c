// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (RDKit): the descriptors RDKit's C++ API has, wrapped
// with the settings of their Python counterparts.

namespace RDKit {
class ROMol;
}

namespace paretolab::engine {

double
crippenLogP(const RDKit::ROMol& mol); ///< Crippen.MolLogP
double
topologicalPsa(const RDKit::ROMol& mol); ///< Descriptors.TPSA (no S and P)
double
molecularWeight(const RDKit::ROMol& mol); ///< Descriptors.MolWt (average masses)
/// Number of PAINS (A, B and C) filter matches from RDKit's FilterCatalog.
int
painsAlerts(const RDKit::ROMol& mol);

} // namespace paretolab::engine
