// SPDX-License-Identifier: GPL-3.0-or-later
// Generating 64 tokens for a batch of 64: recomputing the whole prefix at each
// step versus extending a KV cache. Run: build/bench/bench_gpt
#include "core/runtime.h"
#include "model/gpt.h"
#include "ratioreporter.h"

#include <benchmark/benchmark.h>

using namespace paretolab::engine;

namespace {

constexpr int64_t kBatch = 64;
constexpr int64_t kLength = 64;

Gpt
makeModel(int64_t width, int64_t layers)
{
  torch::manual_seed(0);
  return Gpt(GptOptions{
    .vocabSize = 40, .contextLength = kLength, .embedDim = width, .layers = layers, .heads = 4 });
}

void
generateWithoutCache(benchmark::State& state)
{
  auto gpt = makeModel(state.range(0), state.range(1));
  torch::NoGradGuard noGrad;
  for (auto _ : state) {
    auto tokens = torch::zeros({ kBatch, 1 }, torch::kLong);
    while (tokens.size(1) < kLength) {
      auto next = gpt->forward(tokens).select(1, -1).argmax(-1, true);
      tokens = torch::cat({ tokens, next }, 1);
    }
    benchmark::DoNotOptimize(tokens.data_ptr());
  }
}

void
generateWithCache(benchmark::State& state)
{
  auto gpt = makeModel(state.range(0), state.range(1));
  torch::NoGradGuard noGrad;
  for (auto _ : state) {
    KvCache cache;
    auto next = torch::zeros({ kBatch, 1 }, torch::kLong);
    std::vector<torch::Tensor> out{ next };
    while (cache.length < kLength - 1) {
      next = gpt->forward(next, cache).select(1, -1).argmax(-1, true);
      out.push_back(next);
    }
    benchmark::DoNotOptimize(torch::cat(out, 1).data_ptr());
  }
}

} // namespace

BENCHMARK(generateWithoutCache)
  ->Args({ 128, 2 })
  ->Unit(benchmark::kMillisecond)
  ->MinWarmUpTime(0.5);
BENCHMARK(generateWithCache)->Args({ 128, 2 })->Unit(benchmark::kMillisecond)->MinWarmUpTime(0.5);

int
main(int argc, char** argv)
{
  setComputeThreads(0);
  // The first LibTorch call in a process is ~3x slower; MinWarmUpTime discards it.
  return paretolab::bench::runWithRatios(
    argc, argv, { { "generateWithoutCache", "generateWithCache" } });
}
