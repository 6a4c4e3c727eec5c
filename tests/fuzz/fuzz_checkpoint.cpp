// SPDX-License-Identifier: GPL-3.0-or-later
// The policy checkpoint loader, which reads every prior (shipped, cached or
// the user's own): any bytes either load or give a CheckpointError, without
// allocating what a hostile header claims.

#include "fuzzinput.h"
#include "model/checkpoint.h"

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  using namespace paretolab::engine;
  const auto path =
    paretolab::fuzz::writeScratchFile(paretolab::fuzz::asText(data, size), ".plckpt");
  try {
    loadPolicyCheckpoint(path);
  } catch (const CheckpointError&) {
  }
  paretolab::fuzz::removeScratchFiles(path);
  return 0;
}
