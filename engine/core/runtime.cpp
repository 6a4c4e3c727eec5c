// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/runtime.h"

#include <torch/torch.h>
#include <torch/version.h>

#include <RDGeneral/versions.h>

#include <thread>

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
setComputeThreads(int threads)
{
  if (threads <= 0)
    threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
  torch::set_num_threads(threads);
}

} // namespace paretolab::engine
