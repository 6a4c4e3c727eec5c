// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the molecule domain: from a SMILES to a 3-D geometry for xTB.

#include "domains/molecules/quantumstep.h"

#include <GraphMol/RWMol.h>

#include <memory>
#include <string>

namespace paretolab::engine::quantum {

/// The molecule of `smiles`, or null with the reason in `failure`.
std::unique_ptr<RDKit::RWMol>
parseSmiles(const std::string& smiles, std::string& failure);

/// Embeds `mol` with ETKDGv3 (hydrogens are added here), optimises it with
/// MMFF94, and reads off what xTB needs.
StepFailure
buildGeometry(RDKit::RWMol& mol, Geometry& geometry, const Deadline& deadline);

/// XYZ text in Ångström; the comment line holds `charge=C uhf=U`.
std::string
xyzText(const Geometry& geometry);

} // namespace paretolab::engine::quantum
