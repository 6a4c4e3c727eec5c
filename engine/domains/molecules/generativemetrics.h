// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header: MOSES's comparisons of generated molecules with a
// held-out test set (Polykovskiy et al., "Molecular Sets (MOSES)", Front.
// Pharmacol. 2020; github.com/molecularsets/moses, moses/metrics).

#include <map>
#include <string>
#include <vector>

namespace paretolab::engine {

/// MOSES's metrics over the valid generated molecules `generated` (canonical
/// SMILES, duplicates kept, as MOSES passes them) and the `test` SMILES:
///  - IntDiv1 and IntDiv2: 1 − mean_i (mean_j T(i, j)^p)^(1/p) over all pairs
///    of `generated`, the pair of a molecule with itself included;
///  - SNN: mean over `generated` of the highest Tanimoto to a test molecule;
///  - Frag: cosine similarity of BRICS fragment counts (RDKit's
///    FragmentOnBRICSBonds, fragments as canonical SMILES);
///  - Scaf: cosine similarity of Bemis–Murcko scaffold counts, scaffolds with
///    fewer than two rings left out.
/// T is Tanimoto on Morgan fingerprints, radius 2, 1024 bits; two empty
/// fingerprints count as 1. IntDiv needs `generated` only; an entry whose
/// inputs are empty is left out.
std::map<std::string, double>
mosesSimilarities(const std::vector<std::string>& generated, const std::vector<std::string>& test);

} // namespace paretolab::engine
