// SPDX-License-Identifier: GPL-3.0-or-later
// One pretraining step of the d256 x 4 ChEMBL prior's shape (a batch of 128
// SMILES of 52 tokens: forward, NLL, backward, Adam) with float32 forward
// passes versus bfloat16 ones (pretrain.precision). Run: build/bench/bench_pretrain
#include "core/runtime.h"
#include "model/gpt.h"
#include "model/mixedprecision.h"
#include "model/sampling.h"
#include "ratioreporter.h"

#include <benchmark/benchmark.h>

using namespace paretolab::engine;

namespace {

constexpr int64_t kBatch = 128;
constexpr int64_t kLength = 52;

void
pretrainStep(benchmark::State& state, bool bfloat16)
{
  torch::manual_seed(0);
  Gpt gpt(
    GptOptions{ .vocabSize = 134, .contextLength = 104, .embedDim = 256, .layers = 4, .heads = 8 });
  torch::optim::Adam adam(gpt->parameters(), torch::optim::AdamOptions(3e-4));
  const auto tokens = torch::randint(3, 134, { kBatch, kLength }, torch::kLong);
  for (auto _ : state) {
    torch::Tensor nll;
    {
      MixedPrecisionScope precision(bfloat16);
      nll = -tokenStatistics(*gpt, tokens, 1.0).logProbs.mean();
    }
    adam.zero_grad();
    nll.backward();
    adam.step();
    benchmark::DoNotOptimize(nll.item<float>());
  }
}

void
pretrainStepFloat32(benchmark::State& state)
{
  pretrainStep(state, false);
}

void
pretrainStepBfloat16(benchmark::State& state)
{
  pretrainStep(state, true);
}

} // namespace

BENCHMARK(pretrainStepFloat32)->Unit(benchmark::kMillisecond)->MinWarmUpTime(1.0)->MinTime(5.0);
BENCHMARK(pretrainStepBfloat16)->Unit(benchmark::kMillisecond)->MinWarmUpTime(1.0)->MinTime(5.0);

int
main(int argc, char** argv)
{
  setComputeThreads(0);
  return paretolab::bench::runWithRatios(
    argc, argv, { { "pretrainStepFloat32", "pretrainStepBfloat16" } });
}
