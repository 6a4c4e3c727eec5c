// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <GraphMol/ROMol.h>

#include <memory>
#include <string>
#include <vector>

namespace paretolab::engine {

/// An SVG depiction of `smiles` by RDKit's MolDraw2DSVG, with 2-D coordinates
/// from RDDepictor; an empty string when the SMILES is invalid. Thread-safe.
std::string
moleculeSvg(const std::string& smiles,
            int width = 300,
            int height = 220,
            const std::string& legend = {});

/// The molecule of a SMARTS query; throws std::invalid_argument naming it when it does not parse.
std::unique_ptr<RDKit::ROMol>
parseSmarts(const std::string& smarts);

/// Each match of `pattern` in `mol`: the matched atoms' indices.
std::vector<std::vector<int>>
substructureMatches(const RDKit::ROMol& mol, const RDKit::ROMol& pattern);

/// moleculeSvg() with every match of `pattern` highlighted.
std::string
moleculeSvgHighlighting(const std::string& smiles,
                        const RDKit::ROMol& pattern,
                        int width = 300,
                        int height = 220);

} // namespace paretolab::engine
