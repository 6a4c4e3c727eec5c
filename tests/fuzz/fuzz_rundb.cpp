// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a run database and reading everything the GUI's run library shows:
// any file either opens or gives a StoreError, never a crash or a hang.

#include "fuzzinput.h"
#include "store/runstore.h"

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  using namespace paretolab::engine;
  const auto path =
    paretolab::fuzz::writeScratchFile(paretolab::fuzz::asText(data, size), ".sqlite");
  try {
    RunStore store(path);
    for (const auto& run : store.runs()) {
      store.steps(run.id, {});
      store.merges(run.id);
      store.samples(run.id);
      store.frontPoints(run.id);
      store.lastCheckpoint(run.id);
    }
    store.latestInterrupted();
  } catch (const StoreError&) {
  }
  paretolab::fuzz::removeScratchFiles(path);
  return 0;
}
