// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the molecule domain: the xtb program, for the polarizability
// that the C API does not give.

#include "domains/molecules/quantumstep.h"

#include <string>

namespace paretolab::engine::quantum {

struct ProgramOutput
{
  double alpha = kNaN;
  std::string version;
};

/// Runs `program` on `geometry` in a private temporary directory, killing it
/// when the deadline passes, and reads α(0) and the version from its output.
StepFailure
runXtbProgram(const std::string& program,
              const Geometry& geometry,
              const Deadline& deadline,
              ProgramOutput& output);

} // namespace paretolab::engine::quantum
