// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the molecule domain: a GFN2-xTB single point through libxtb's C API.

#include "domains/molecules/quantumstep.h"

namespace paretolab::engine::quantum {

struct SinglePoint
{
  double energy = kNaN; // Hartree
  double gapEv = kNaN;
};

/// The energy and the HOMO-LUMO gap at `geometry`. Serialised process-wide:
/// the xTB C API is not documented as thread-safe.
StepFailure
runSinglePoint(const Geometry& geometry, SinglePoint& point);

} // namespace paretolab::engine::quantum
