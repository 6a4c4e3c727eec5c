// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace paretolab::engine {

/// An SVG depiction of `smiles` by RDKit's MolDraw2DSVG, with 2-D coordinates
/// from RDDepictor; an empty string when the SMILES is invalid. Thread-safe.
std::string
moleculeSvg(const std::string& smiles,
            int width = 300,
            int height = 220,
            const std::string& legend = {});

} // namespace paretolab::engine
