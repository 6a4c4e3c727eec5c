// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The work `paretolab-cli benchmark` times: each is prepared once, then run()
// does one batch of it. Torch-free, so that the CLI can hold them.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace paretolab::engine {

/// Sizes of the model and the batch a workload runs on. The defaults are the
/// default molecule prior's (d128, 2 layers, 4 heads) and a batch of 64
/// sequences of 64 tokens.
struct WorkloadShape
{
  int64_t vocabulary = 40;
  int64_t embedDim = 128;
  int64_t layers = 2;
  int64_t heads = 4;
  int64_t batch = 64;
  int64_t length = 64; ///< tokens per sequence, BOS included
  int64_t experts = 3; ///< merge and copy: how many expert parameter sets
  uint64_t seed = 0;
};

class Workload
{
public:
  virtual ~Workload() = default;
  virtual void run() = 0;
  /// What one run() does, for the report: its size and, where it has one,
  /// the work it counts (floating-point operations, bytes moved, tokens).
  virtual nlohmann::json describe() const = 0;
};

/// Generating `length - 1` tokens after BOS for `batch` rows with the KV
/// cache; `backend` is "fused" or "libtorch".
std::unique_ptr<Workload>
makeSamplingWorkload(const WorkloadShape& shape, const std::string& backend);

/// One PPO-clip update (forward, backward, gradient clipping, Adam) on a
/// rollout of `batch` sequences of `length` tokens, drawn once.
std::unique_ptr<Workload>
makeTrainStepWorkload(const WorkloadShape& shape);

/// A linear merge of `experts` parameter sets of the model's size.
std::unique_ptr<Workload>
makeMergeWorkload(const WorkloadShape& shape);

/// memcpy of one parameter set of the model's size: the bandwidth a merge is compared with.
std::unique_ptr<Workload>
makeCopyWorkload(const WorkloadShape& shape);

/// cblas_sgemm: one decoding step's matrix products at the model's sizes (all
/// layers, distinct weights), or with `size` > 0 one square product. The
/// arithmetic peaks the sampler is compared with.
std::unique_ptr<Workload>
makeSgemmWorkload(const WorkloadShape& shape, int64_t size = 0);

} // namespace paretolab::engine
