// SPDX-License-Identifier: GPL-3.0-or-later
#include "perf/workloads.h"

#include "model/sampling.h"
#include "train/merge.h"
#include "train/ppo.h"

#include <cblas.h>

#include <cstring>
#include <stdexcept>
#include <vector>

namespace paretolab::engine {

namespace {

GptOptions
modelOptions(const WorkloadShape& shape)
{
  return GptOptions{ .vocabSize = shape.vocabulary,
                     .contextLength = shape.length,
                     .embedDim = shape.embedDim,
                     .layers = shape.layers,
                     .heads = shape.heads };
}

Gpt
makeModel(const WorkloadShape& shape)
{
  torch::manual_seed(shape.seed);
  Gpt gpt(modelOptions(shape));
  gpt->eval();
  return gpt;
}

nlohmann::json
modelSizes(const WorkloadShape& shape)
{
  return { { "vocab", shape.vocabulary }, { "embed_dim", shape.embedDim },
           { "layers", shape.layers },    { "heads", shape.heads },
           { "batch", shape.batch },      { "length", shape.length } };
}

int64_t
parameterCount(const Gpt& gpt)
{
  int64_t count = 0;
  for (const auto& p : gpt->parameters())
    count += p.numel();
  return count;
}

// Multiply-adds of decoding `length - 1` input tokens per row (BOS, then every
// token drawn but the last), times two: the projections and MLP (24 E^2 per
// layer), attention over the t keys so far (4 t E per layer), the head (2 E V).
double
samplingFlops(const WorkloadShape& shape)
{
  const double e = double(shape.embedDim);
  double perRow = 0.0;
  for (int64_t t = 1; t < shape.length; ++t)
    perRow += double(shape.layers) * (24.0 * e * e + 4.0 * double(t) * e) +
              2.0 * e * double(shape.vocabulary);
  return perRow * double(shape.batch);
}

class SamplingWorkload : public Workload
{
public:
  SamplingWorkload(const WorkloadShape& shape, SamplingBackend backend)
    : m_shape(shape)
    , m_backend(backend)
    , m_model(makeModel(shape))
    , m_generator(makeGenerator(shape.seed))
  {
  }

  void run() override
  {
    const SamplingOptions options{ .maxNewTokens = m_shape.length - 1 };
    auto batch = sampleSequences(*m_model, m_shape.batch, options, m_generator, {}, m_backend);
    m_lastLength = batch.tokens.size(1);
  }

  nlohmann::json describe() const override
  {
    auto report = modelSizes(m_shape);
    report["backend"] = m_backend == SamplingBackend::Fused ? "fused" : "libtorch";
    report["flops"] = samplingFlops(m_shape);
    report["tokens"] = m_shape.batch * (m_shape.length - 1);
    // Rows stop at EOS, but the batch runs until every row has: with weights
    // this close to uniform, that is the full length.
    report["generated_length"] = m_lastLength;
    return report;
  }

private:
  WorkloadShape m_shape;
  SamplingBackend m_backend;
  Gpt m_model;
  at::Generator m_generator;
  int64_t m_lastLength = 0;
};

class TrainStepWorkload : public Workload
{
public:
  explicit TrainStepWorkload(const WorkloadShape& shape)
    : m_shape(shape)
    , m_policy(makeModel(shape))
    , m_reference(makeModel(shape))
    , m_generator(makeGenerator(shape.seed))
  {
    // A full-length rollout of random tokens (no PAD, no early EOS), so that
    // every run does the same work; the Python reference builds the same.
    auto tokens = torch::randint(
      Tokenizer::kEos + 1, shape.vocabulary, { shape.batch, shape.length }, torch::kLong);
    tokens.select(1, 0).fill_(Tokenizer::kBos);
    m_rollout.sequences.tokens = tokens;
    m_rollout.sequences.actionMask = torch::ones({ shape.batch, shape.length - 1 });
    torch::NoGradGuard noGrad;
    m_rollout.oldLogProbs = tokenStatistics(*m_policy, tokens, 1.0).logProbs;
    m_rollout.refLogProbs = tokenStatistics(*m_reference, tokens, 1.0).logProbs;
    m_rollout.klPerSequence =
      sequenceKl(m_rollout.oldLogProbs, m_rollout.refLogProbs, m_rollout.sequences.actionMask);
    assignAdvantages(m_rollout, torch::rand({ shape.batch }), m_options);
    m_optimizer = makeOptimizer(m_policy->parameters(), m_options);
  }

  void run() override { ppoUpdate(*m_policy, *m_optimizer, m_rollout, m_options, m_generator); }

  nlohmann::json describe() const override
  {
    auto report = modelSizes(m_shape);
    report["parameters"] = parameterCount(m_policy);
    report["tokens"] = m_shape.batch * (m_shape.length - 1);
    return report;
  }

private:
  WorkloadShape m_shape;
  PpoOptions m_options;
  Gpt m_policy;
  Gpt m_reference;
  at::Generator m_generator;
  Rollout m_rollout;
  std::unique_ptr<torch::optim::Optimizer> m_optimizer;
};

class MergeWorkload : public Workload
{
public:
  explicit MergeWorkload(const WorkloadShape& shape)
    : m_shape(shape)
  {
    if (shape.experts < 1)
      throw std::invalid_argument("benchmark: --experts must be at least 1");
    for (int64_t i = 0; i < shape.experts; ++i) {
      auto expert = shape;
      expert.seed = shape.seed + uint64_t(i);
      m_experts.push_back(snapshotParameters(*makeModel(expert)));
    }
    m_base = m_experts.front();
    m_lambda = normalizedWeights(std::vector<double>(size_t(shape.experts), 1.0));
  }

  void run() override
  {
    std::vector<const ParameterSet*> experts;
    for (const auto& expert : m_experts)
      experts.push_back(&expert);
    mergeParametersInto(m_merged, experts, m_lambda, m_base, MergeOptions{});
  }

  nlohmann::json describe() const override
  {
    int64_t count = 0;
    for (const auto& p : m_base)
      count += p.numel();
    auto report = modelSizes(m_shape);
    report["experts"] = m_shape.experts;
    report["parameters"] = count;
    // Each expert is read once and the merge written once.
    report["bytes"] = double(count) * double(sizeof(float)) * double(m_shape.experts + 1);
    return report;
  }

private:
  WorkloadShape m_shape;
  std::vector<ParameterSet> m_experts;
  ParameterSet m_base;
  ParameterSet m_merged;
  std::vector<double> m_lambda;
};

class CopyWorkload : public Workload
{
public:
  explicit CopyWorkload(const WorkloadShape& shape)
    : m_shape(shape)
  {
    const auto count = size_t(parameterCount(makeModel(shape)));
    m_source.assign(count, 1.0f);
    m_target.assign(count, 0.0f);
  }

  void run() override
  {
    std::memcpy(m_target.data(), m_source.data(), m_source.size() * sizeof(float));
  }

  nlohmann::json describe() const override
  {
    auto report = modelSizes(m_shape);
    report["parameters"] = m_source.size();
    report["bytes"] = double(m_source.size()) * double(sizeof(float)) * 2.0; // read and write
    return report;
  }

private:
  WorkloadShape m_shape;
  std::vector<float> m_source, m_target;
};

// The matrix products of one decoding step, [batch, in] x [in, out] with every
// layer's own weights, back to back: the arithmetic a sampler cannot go below.
// With `size`, one square product instead, the machine's sgemm peak.
class SgemmWorkload : public Workload
{
public:
  SgemmWorkload(const WorkloadShape& shape, int64_t size)
    : m_shape(shape)
    , m_size(size)
  {
    const int64_t e = shape.embedDim;
    if (size > 0) {
      m_products.push_back({ size, size, size });
    } else {
      for (int64_t l = 0; l < shape.layers; ++l)
        for (auto [out, in] : { std::pair{ 3 * e, e }, { e, e }, { 4 * e, e }, { e, 4 * e } })
          m_products.push_back({ shape.batch, out, in });
      m_products.push_back({ shape.batch, shape.vocabulary, e });
    }
    for (const auto& product : m_products) {
      m_inputs.emplace_back(size_t(product.rows * product.in), 0.5f);
      m_weights.emplace_back(size_t(product.out * product.in), 0.25f);
      m_outputs.emplace_back(size_t(product.rows * product.out), 0.0f);
    }
  }

  void run() override
  {
    for (size_t i = 0; i < m_products.size(); ++i) {
      const auto& p = m_products[i];
      cblas_sgemm(CblasRowMajor,
                  CblasNoTrans,
                  CblasTrans,
                  int(p.rows),
                  int(p.out),
                  int(p.in),
                  1.0f,
                  m_inputs[i].data(),
                  int(p.in),
                  m_weights[i].data(),
                  int(p.in),
                  0.0f,
                  m_outputs[i].data(),
                  int(p.out));
    }
  }

  nlohmann::json describe() const override
  {
    double flops = 0.0;
    for (const auto& p : m_products)
      flops += 2.0 * double(p.rows) * double(p.out) * double(p.in);
    if (m_size > 0)
      return { { "size", m_size }, { "flops", flops } };
    auto report = modelSizes(m_shape);
    report["shapes"] = "decode";
    report["flops"] = flops;
    return report;
  }

private:
  struct Product
  {
    int64_t rows, out, in;
  };
  WorkloadShape m_shape;
  int64_t m_size;
  std::vector<Product> m_products;
  std::vector<std::vector<float>> m_inputs, m_weights, m_outputs;
};

} // namespace

std::unique_ptr<Workload>
makeSamplingWorkload(const WorkloadShape& shape, const std::string& backend)
{
  if (backend != "fused" && backend != "libtorch")
    throw std::invalid_argument("benchmark: --backend is fused or libtorch, not " + backend);
  return std::make_unique<SamplingWorkload>(
    shape, backend == "fused" ? SamplingBackend::Fused : SamplingBackend::LibTorch);
}

std::unique_ptr<Workload>
makeTrainStepWorkload(const WorkloadShape& shape)
{
  return std::make_unique<TrainStepWorkload>(shape);
}

std::unique_ptr<Workload>
makeMergeWorkload(const WorkloadShape& shape)
{
  return std::make_unique<MergeWorkload>(shape);
}

std::unique_ptr<Workload>
makeCopyWorkload(const WorkloadShape& shape)
{
  return std::make_unique<CopyWorkload>(shape);
}

std::unique_ptr<Workload>
makeSgemmWorkload(const WorkloadShape& shape, int64_t size)
{
  if (size < 0)
    throw std::invalid_argument("benchmark: --size must be positive");
  return std::make_unique<SgemmWorkload>(shape, size);
}

} // namespace paretolab::engine
