// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace paretolab::engine {

/// Versions of the libraries the engine was built against and runs with.
struct RuntimeInfo
{
  std::string paretolab;
  std::string torch;
  std::string rdkit;
  int computeThreads = 1;
};

RuntimeInfo
runtimeInfo();

/// Sets LibTorch's intra-op thread count. LibTorch starts with one thread on
/// small VMs; call this once at start-up, before any worker thread exists,
/// so that threads created later inherit it. `threads <= 0` means all cores.
void
setComputeThreads(int threads);

} // namespace paretolab::engine
