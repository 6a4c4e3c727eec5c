// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab-cli benchmark: times one kind of work and prints one JSON object,
// for bench/compare to set beside the Python reference. Times are per batch,
// after warm-up runs that are discarded (LibTorch's first call is ~3x slower).
#include "commands.h"
#include "samplefiles.h"

#include "core/domainregistry.h"
#include "core/runtime.h"
#include "perf/workloads.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <iostream>

namespace paretolab::cli {

namespace {

struct BenchmarkArguments
{
  std::string what = "sample";
  engine::WorkloadShape shape;
  std::string backend = "fused";
  int threads = 0;
  int repeats = 5;
  int warmups = 1;
  std::string domain;
  std::string input;
  std::string objectives;
  int64_t sgemmSize = 0; ///< sgemm: m = n = k; 0: one decoding step's products
};

// The whole input file, scored at once as the trainer scores a batch.
class ScoreWorkload : public engine::Workload
{
public:
  explicit ScoreWorkload(const BenchmarkArguments& arguments)
  {
    if (arguments.domain.empty() || arguments.input.empty() || arguments.objectives.empty())
      throw std::runtime_error("benchmark --what score needs --domain, --input and --objectives");
    m_domain = engine::makeDomain(arguments.domain, nlohmann::json::object());
    m_objectives = splitList(arguments.objectives);
    for (const auto& objective : m_objectives) {
      m_domain->requireObjective(objective);
      if (m_domain->needsPrior(objective))
        throw std::runtime_error("benchmark --what score: " + objective +
                                 " is judged by a prior model, which this benchmark does not load");
    }
    for (const auto& record : readSampleFile(*m_domain, arguments.input).records)
      m_samples.push_back(record.text);
  }

  void run() override { m_domain->score(m_samples, {}, m_objectives); }

  nlohmann::json describe() const override
  {
    return { { "domain", m_domain->name() },
             { "samples", m_samples.size() },
             { "objectives", m_objectives } };
  }

private:
  std::shared_ptr<engine::Domain> m_domain;
  std::vector<std::string> m_objectives;
  std::vector<std::string> m_samples;
};

std::unique_ptr<engine::Workload>
makeWorkload(const BenchmarkArguments& arguments)
{
  const auto& shape = arguments.shape;
  if (arguments.what == "sample")
    return engine::makeSamplingWorkload(shape, arguments.backend);
  if (arguments.what == "train-step")
    return engine::makeTrainStepWorkload(shape);
  if (arguments.what == "merge")
    return engine::makeMergeWorkload(shape);
  if (arguments.what == "copy")
    return engine::makeCopyWorkload(shape);
  if (arguments.what == "score")
    return std::make_unique<ScoreWorkload>(arguments);
  return engine::makeSgemmWorkload(shape, arguments.sgemmSize);
}

double
secondsOf(const std::function<void()>& work)
{
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int
runBenchmark(const BenchmarkArguments& arguments)
{
  if (arguments.threads > 0)
    engine::setComputeThreads(arguments.threads);
  auto workload = makeWorkload(arguments);
  for (int i = 0; i < arguments.warmups; ++i)
    workload->run();
  std::vector<double> times;
  for (int i = 0; i < arguments.repeats; ++i)
    times.push_back(secondsOf([&] { workload->run(); }));
  std::sort(times.begin(), times.end());
  const auto middle = times.size() / 2;
  const double median =
    times.size() % 2 ? times[middle] : 0.5 * (times[middle - 1] + times[middle]);

  auto report = workload->describe();
  report["what"] = arguments.what;
  report["median_s"] = median;
  report["min_s"] = times.front();
  report["max_s"] = times.back();
  report["repeats"] = arguments.repeats;
  report["threads"] = engine::runtimeInfo().computeThreads;
  if (report.contains("flops"))
    report["gflops_per_s"] = report["flops"].get<double>() / median / 1e9;
  if (report.contains("bytes"))
    report["gb_per_s"] = report["bytes"].get<double>() / median / 1e9;
  if (report.contains("tokens"))
    report["tokens_per_s"] = report["tokens"].get<double>() / median;
  if (report.contains("samples"))
    report["samples_per_s"] = report["samples"].get<double>() / median;
  std::cout << report.dump() << '\n';
  return 0;
}

} // namespace

void
addBenchmarkCommand(CLI::App& app, int& exitCode)
{
  auto arguments = std::make_shared<BenchmarkArguments>();
  auto* command = app.add_subcommand(
    "benchmark", "Time one kind of work and print one JSON object (median, min, max per batch)");
  command
    ->add_option("--what",
                 arguments->what,
                 "sample, train-step, score, merge; copy (memcpy of a parameter set) and sgemm "
                 "give the machine's bandwidth and arithmetic peak")
    ->check(CLI::IsMember({ "sample", "train-step", "score", "merge", "copy", "sgemm" }))
    ->capture_default_str();
  auto& shape = arguments->shape;
  command->add_option("--embed-dim", shape.embedDim, "Model width")->capture_default_str();
  command->add_option("--layers", shape.layers, "Transformer blocks")->capture_default_str();
  command->add_option("--heads", shape.heads, "Attention heads")->capture_default_str();
  command->add_option("--vocab", shape.vocabulary, "Vocabulary size")->capture_default_str();
  command->add_option("--batch", shape.batch, "Sequences per batch")->capture_default_str();
  command->add_option("--length", shape.length, "Tokens per sequence, BOS included")
    ->capture_default_str();
  command->add_option("--experts", shape.experts, "merge: parameter sets merged")
    ->capture_default_str();
  command->add_option("--backend", arguments->backend, "sample: fused or libtorch")
    ->check(CLI::IsMember({ "fused", "libtorch" }))
    ->capture_default_str();
  command->add_option(
    "--size",
    arguments->sgemmSize,
    "sgemm: m = n = k (default: one decoding step's products at the model's sizes)");
  command->add_option("--threads", arguments->threads, "Compute threads (default: all cores)");
  command->add_option("--repeats", arguments->repeats, "Timed runs")
    ->check(CLI::PositiveNumber)
    ->capture_default_str();
  command->add_option("--warmups", arguments->warmups, "Runs before timing, discarded")
    ->check(CLI::NonNegativeNumber)
    ->capture_default_str();
  command->add_option("--domain", arguments->domain, "score: the domain of --input");
  command->add_option("--input", arguments->input, "score: samples to score")
    ->check(CLI::ExistingFile);
  command->add_option("--objectives", arguments->objectives, "score: comma-separated objectives");
  command->callback([arguments, &exitCode] { exitCode = runBenchmark(*arguments); });
}

} // namespace paretolab::cli
