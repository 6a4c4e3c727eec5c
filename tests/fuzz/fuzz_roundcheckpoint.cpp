// SPDX-License-Identifier: GPL-3.0-or-later
// The round checkpoint loader that resuming uses (a LibTorch archive): any
// bytes either load or give a CheckpointError. The first byte chooses what
// the reader expects (experts, value heads, optimizer states), so that every
// branch of it is reached.

#include "fuzzinput.h"
#include "model/checkpoint.h"
#include "train/roundcheckpoint.h"

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  using namespace paretolab::engine;
  if (size == 0)
    return 0;
  const uint8_t shape = data[0];
  const auto path =
    paretolab::fuzz::writeScratchFile(paretolab::fuzz::asText(data + 1, size - 1), ".plround");
  try {
    readRoundCheckpoint(path, 1 + (shape & 3), 1 + ((shape >> 2) & 1), shape & 8, shape & 16);
  } catch (const CheckpointError&) {
  }
  paretolab::fuzz::removeScratchFiles(path);
  return 0;
}
