// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/runtime.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <RDGeneral/versions.h>

#include <malloc.h>

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "paretolab_version.h"

namespace paretolab::engine {

RuntimeInfo
runtimeInfo()
{
  RuntimeInfo info;
  info.paretolab = kParetoLabVersion;
  info.torch = TORCH_VERSION;
  // RDGeneral/versions.h is unconfigured in Debian's build: use the string, not the macro.
  info.rdkit = RDKit::rdkitVersion;
  info.computeThreads = torch::get_num_threads();
  return info;
}

void
keepFreedMemoryForReuse()
{
  // Blocks up to 64 MB come from the heap, and up to 256 MB of free heap stay mapped.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

int
computeThreads()
{
  return torch::get_num_threads();
}

void
parallelFor(size_t count, const std::function<void(size_t)>& body)
{
  const size_t threads = std::min<size_t>(size_t(std::max(1, computeThreads())), count);
  if (threads <= 1) {
    for (size_t i = 0; i < count; ++i)
      body(i);
    return;
  }
  std::atomic<size_t> next{ 0 };
  std::exception_ptr failure;
  std::mutex failureLock;
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        body(i);
      } catch (...) {
        const std::lock_guard lock(failureLock);
        if (!failure)
          failure = std::current_exception();
        next = count; // the others stop at their next item
      }
    }
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < threads; ++t)
    helpers.emplace_back(work);
  work();
  for (auto& helper : helpers)
    helper.join();
  if (failure)
    std::rethrow_exception(failure);
}

void
setComputeThreads(int threads)
{
  if (threads <= 0)
    threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  torch::set_num_threads(threads);
}

} // namespace paretolab::engine
