// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
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

/// Keeps memory the program frees for its next allocations instead of giving it
/// back to the system at once: a training step allocates and frees activations
/// of several megabytes, and fresh pages cost a page fault each (measured: one
/// PPO update 5-30 % faster). Call once at start-up.
void
keepFreedMemoryForReuse();

/// LibTorch's intra-op thread count: what "all cores" means to the engine.
int
computeThreads();

/// Calls body(0) .. body(count - 1), each once, on up to computeThreads()
/// threads (the caller's among them), handing out indices one at a time so
/// that uneven items balance. The first exception thrown is rethrown here
/// after every thread has stopped.
void
parallelFor(std::size_t count, const std::function<void(std::size_t)>& body);

/// Sets LibTorch's intra-op thread count. LibTorch starts with one thread on
/// small VMs; call this once at start-up, before any worker thread exists,
/// so that threads created later inherit it. `threads <= 0` means all cores.
void
setComputeThreads(int threads);

} // namespace paretolab::engine
