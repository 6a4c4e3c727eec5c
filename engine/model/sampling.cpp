// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/sampling.h"

#include "model/fusedgpt.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace paretolab::engine {

namespace {

// Both sampling and scoring see the same distribution: temperature-scaled
// logits with PAD and BOS removed, which a well-formed sequence never contains.
torch::Tensor
policyLogits(torch::Tensor logits, double temperature)
{
  logits = logits / temperature;
  const auto minusInfinity = -std::numeric_limits<float>::infinity();
  logits.select(-1, Tokenizer::kPad).fill_(minusInfinity);
  logits.select(-1, Tokenizer::kBos).fill_(minusInfinity);
  return logits;
}

torch::Tensor
nucleusFilter(const torch::Tensor& probabilities, double topP)
{
  if (topP >= 1.0)
    return probabilities;
  auto [sorted, order] = probabilities.sort(-1, /*descending=*/true);
  // Drop a token when the mass before it already reaches top-p; the most
  // likely token always stays.
  auto massBefore = sorted.cumsum(-1) - sorted;
  auto kept = sorted.masked_fill(massBefore >= topP, 0.0);
  return torch::zeros_like(probabilities).scatter(-1, order, kept);
}

} // namespace

at::Generator
makeGenerator(uint64_t seed)
{
  return at::make_generator<at::CPUGeneratorImpl>(seed);
}

namespace {

// torch::multinomial without replacement draws one token as the argmax of
// p / q, q ~ Exp(1) (the exponential race); the fused path draws the same q
// from the same generator, so that both backends agree on the samples.
void
checkDistribution(const float* probabilities, int64_t vocabulary)
{
  float total = 0.0f;
  for (int64_t j = 0; j < vocabulary; ++j) {
    if (!std::isfinite(probabilities[j]) || probabilities[j] < 0.0f)
      throw std::runtime_error(
        "sampling: probability tensor contains either inf, nan or element < 0");
    total += probabilities[j];
  }
  if (!(total > 0.0f))
    throw std::runtime_error(
      "sampling: invalid multinomial distribution (sum of probabilities <= 0)");
}

// What tokenStatistics says of a row's next token before any truncation: the
// log of the normaliser of the temperature-scaled logits, and the entropy.
struct RowStatistics
{
  float logTotal = 0.0f;
  float entropy = 0.0f;
};

// One row's softmax, as policyLogits and torch::softmax make it (temperature
// applied, PAD and BOS excluded), written to `probabilities`.
RowStatistics
softmaxRow(const float* logits, float* probabilities, int64_t vocabulary, float temperature)
{
  float highest = -std::numeric_limits<float>::infinity();
  for (int64_t j = 0; j < vocabulary; ++j) {
    const bool excluded = j == Tokenizer::kPad || j == Tokenizer::kBos;
    probabilities[j] = excluded ? -std::numeric_limits<float>::infinity() : logits[j] / temperature;
    highest = std::max(highest, probabilities[j]);
  }
  float total = 0.0f;
  float weighted = 0.0f; // sum_j exp(z_j - highest) z_j, for the entropy
  for (int64_t j = 0; j < vocabulary; ++j) {
    const float scaled = probabilities[j];
    probabilities[j] = std::exp(scaled - highest);
    total += probabilities[j];
    if (probabilities[j] > 0.0f)
      weighted += probabilities[j] * scaled;
  }
  for (int64_t j = 0; j < vocabulary; ++j)
    probabilities[j] /= total;
  RowStatistics statistics;
  statistics.logTotal = highest + std::log(total);
  statistics.entropy = statistics.logTotal - weighted / total;
  return statistics;
}

// log p(token) under the distribution softmaxRow gave `statistics` of.
float
logProbability(const float* logits, int64_t token, float temperature, RowStatistics statistics)
{
  if (token == Tokenizer::kPad || token == Tokenizer::kBos)
    return -std::numeric_limits<float>::infinity();
  return logits[token] / temperature - statistics.logTotal;
}

// One row's sampling distribution, as policyLogits, softmax and nucleusFilter make it.
RowStatistics
rowDistribution(const float* logits,
                float* probabilities,
                int64_t vocabulary,
                float temperature,
                double topP,
                std::vector<int64_t>& order)
{
  const auto statistics = softmaxRow(logits, probabilities, vocabulary, temperature);
  if (topP >= 1.0)
    return statistics;
  order.resize(size_t(vocabulary));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
    return probabilities[a] > probabilities[b];
  });
  float massBefore = 0.0f;
  for (auto j : order) {
    const float p = probabilities[j];
    if (massBefore >= topP)
      probabilities[j] = 0.0f;
    massBefore += p;
  }
  return statistics;
}

// The tokens generation appends to the prompt, [count, steps], and (fused only)
// each drawn token's log-probability and entropy under the untruncated
// distribution, 0 after EOS.
struct Generated
{
  torch::Tensor tokens;
  torch::Tensor logProbs;
  torch::Tensor entropy;
};

// Generation with model/fusedgpt.h: the same steps as generateWithLibTorch,
// with every buffer allocated before the first token.
Generated
generateFused(const GptImpl& model,
              const torch::Tensor& prompt,
              int64_t maxNew,
              const SamplingOptions& options,
              at::Generator& generator)
{
  const int64_t count = prompt.size(0);
  const int64_t vocabulary = model.options().vocabSize;
  const auto temperature = float(options.temperature);
  FusedGpt fused(model, count);
  auto promptTokens = prompt.contiguous();
  const float* logits = fused.forward(promptTokens.data_ptr<int64_t>(), prompt.size(1));
  auto probabilities = torch::empty({ count, vocabulary }, torch::kFloat);
  auto noise = torch::empty({ count, vocabulary }, torch::kFloat);
  Generated generated{ .tokens = torch::full({ count, maxNew }, Tokenizer::kPad, torch::kLong),
                       .logProbs = torch::zeros({ count, maxNew }),
                       .entropy = torch::zeros({ count, maxNew }) };
  auto* tokens = generated.tokens.data_ptr<int64_t>();
  auto* logProbs = generated.logProbs.data_ptr<float>();
  auto* entropy = generated.entropy.data_ptr<float>();
  std::vector<int64_t> next(static_cast<size_t>(count));
  std::vector<uint8_t> finished(static_cast<size_t>(count), 0);
  std::vector<RowStatistics> rows(static_cast<size_t>(count));
  int64_t steps = 0;
  while (steps < maxNew) {
    float* p = probabilities.data_ptr<float>();
    // Rows in tasks of ~16k values: a small vocabulary is not worth a thread's wake-up.
    at::parallel_for(
      0, count, std::max<int64_t>(1, 16384 / vocabulary), [&](int64_t begin, int64_t end) {
        thread_local std::vector<int64_t> order;
        for (int64_t row = begin; row < end; ++row)
          rows[size_t(row)] = rowDistribution(logits + row * vocabulary,
                                              p + row * vocabulary,
                                              vocabulary,
                                              temperature,
                                              options.topP,
                                              order);
      });
    for (int64_t row = 0; row < count; ++row)
      checkDistribution(p + row * vocabulary, vocabulary);
    noise.exponential_(1.0, generator);
    const float* q = noise.data_ptr<float>();
    bool allFinished = true;
    for (int64_t row = 0; row < count; ++row) {
      int64_t best = 0;
      float bestRatio = -1.0f;
      for (int64_t j = 0; j < vocabulary; ++j) {
        const float ratio = p[row * vocabulary + j] / q[row * vocabulary + j];
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = j;
        }
      }
      const auto at = size_t(row);
      next[at] = finished[at] ? Tokenizer::kPad : best;
      if (!finished[at]) {
        logProbs[row * maxNew + steps] =
          logProbability(logits + row * vocabulary, best, temperature, rows[at]);
        entropy[row * maxNew + steps] = rows[at].entropy;
      }
      tokens[row * maxNew + steps] = next[at];
      finished[at] = finished[at] || next[at] == Tokenizer::kEos;
      allFinished = allFinished && finished[at];
    }
    ++steps;
    if (allFinished)
      break;
    logits = fused.forward(next.data(), 1);
  }
  generated.tokens = generated.tokens.narrow(1, 0, steps);
  generated.logProbs = generated.logProbs.narrow(1, 0, steps);
  generated.entropy = generated.entropy.narrow(1, 0, steps);
  return generated;
}

std::vector<torch::Tensor>
generateWithLibTorch(GptImpl& model,
                     const torch::Tensor& prompt,
                     int64_t maxNew,
                     const SamplingOptions& options,
                     at::Generator& generator)
{
  const int64_t count = prompt.size(0);
  std::vector<torch::Tensor> columns;
  auto finished = torch::zeros({ count, 1 }, torch::kBool);
  KvCache cache;
  auto input = prompt;
  for (int64_t step = 0; step < maxNew; ++step) {
    auto logits = policyLogits(model.forward(input, cache).select(1, -1), options.temperature);
    auto probabilities = nucleusFilter(torch::softmax(logits, -1), options.topP);
    auto next = torch::multinomial(probabilities, 1, /*replacement=*/false, generator);
    next = next.masked_fill(finished, Tokenizer::kPad);
    columns.push_back(next);
    finished = finished.logical_or(next == Tokenizer::kEos);
    if (finished.all().item<bool>())
      break;
    input = next;
  }
  return columns;
}

} // namespace

SequenceBatch
sampleSequences(GptImpl& model,
                int64_t count,
                const SamplingOptions& options,
                at::Generator& generator,
                const std::vector<std::vector<int64_t>>& prompts,
                SamplingBackend backend)
{
  torch::NoGradGuard noGrad;
  const bool wasTraining = model.is_training();
  model.eval();

  if (!prompts.empty() && int64_t(prompts.size()) != count)
    throw std::invalid_argument("sampling: " + std::to_string(prompts.size()) + " prompts for " +
                                std::to_string(count) + " sequences");
  const int64_t context = model.options().contextLength;
  // Leave room for max_new_tokens (at least one token; at most half the
  // context, so that a large value never cuts a prompt to its BOS): prompts
  // are left-padded to the longest, so one long prompt would otherwise cut
  // every row's answer short. A long prompt keeps its BOS and its last tokens
  // (a source's end is nearest its separator).
  const int64_t reserved = std::max<int64_t>(1, std::min(options.maxNewTokens, context / 2));
  const int64_t promptRoom = std::max<int64_t>(1, context - reserved);
  auto fitted = prompts;
  for (auto& ids : fitted)
    if (int64_t(ids.size()) > promptRoom)
      ids.erase(ids.begin() + 1, ids.begin() + (int64_t(ids.size()) - promptRoom + 1));
  torch::Tensor prompt = prompts.empty() ? torch::full({ count, 1 }, Tokenizer::kBos, torch::kLong)
                                         : leftPaddedPrompts(fitted);
  const int64_t promptLength = prompt.size(1);
  const int64_t room = context - promptLength;
  const int64_t maxNew = options.maxNewTokens > 0 ? std::min(options.maxNewTokens, room) : room;
  std::vector<torch::Tensor> columns{ prompt };
  SequenceBatch batch;
  if (backend == SamplingBackend::Fused) {
    auto generated = generateFused(model, prompt, maxNew, options, generator);
    columns.push_back(generated.tokens);
    // The prompt's positions are given, not drawn: they hold 0, as after EOS.
    auto given = torch::zeros({ count, promptLength - 1 });
    batch.logProbs = torch::cat({ given, generated.logProbs }, 1);
    batch.entropy = torch::cat({ given, generated.entropy }, 1);
  } else {
    for (auto& column : generateWithLibTorch(model, prompt, maxNew, options, generator))
      columns.push_back(column);
  }
  model.train(wasTraining);

  batch.tokens = torch::cat(columns, 1);
  batch.promptLength = promptLength;
  auto targets = batch.tokens.narrow(1, 1, batch.tokens.size(1) - 1);
  batch.actionMask = (targets != Tokenizer::kPad).to(torch::kFloat);
  if (promptLength > 1)
    batch.actionMask.narrow(1, 0, promptLength - 1).zero_(); // prompt tokens are given, not drawn
  return batch;
}

torch::Tensor
leftPaddedPrompts(const std::vector<std::vector<int64_t>>& prompts)
{
  size_t longest = 1;
  for (const auto& ids : prompts)
    longest = std::max(longest, ids.size());
  auto tokens =
    torch::full({ int64_t(prompts.size()), int64_t(longest) }, Tokenizer::kPad, torch::kLong);
  auto* data = tokens.data_ptr<int64_t>();
  for (size_t row = 0; row < prompts.size(); ++row) {
    if (prompts[row].empty() || prompts[row].front() != Tokenizer::kBos)
      throw std::invalid_argument("sampling: a prompt must start with BOS");
    std::copy(prompts[row].begin(),
              prompts[row].end(),
              data + row * longest + (longest - prompts[row].size()));
  }
  return tokens;
}

TokenStatistics
tokenStatistics(GptImpl& model,
                const torch::Tensor& tokens,
                double temperature,
                bool withEntropy,
                bool withHidden)
{
  const auto length = tokens.size(1);
  auto inputs = tokens.narrow(1, 0, length - 1);
  auto targets = tokens.narrow(1, 1, length - 1);
  TokenStatistics stats;
  torch::Tensor logits;
  if (withHidden) {
    auto [out, hidden] = model.forwardWithHidden(inputs);
    logits = out;
    stats.hidden = hidden;
  } else {
    logits = model.forward(inputs);
  }
  // In float32 even when the forward pass ran in bfloat16 (MixedPrecisionScope).
  auto logProbs = torch::log_softmax(policyLogits(logits.to(torch::kFloat), temperature), -1);
  // PAD targets have -inf log-probability; gather a valid id there and let the mask drop it.
  auto safeTargets = targets.masked_fill(targets == Tokenizer::kPad, Tokenizer::kEos);
  stats.logProbs = logProbs.gather(-1, safeTargets.unsqueeze(-1)).squeeze(-1);
  if (withEntropy) {
    auto p = logProbs.exp();
    stats.entropy = -(p * logProbs.masked_fill(p == 0, 0.0)).sum(-1);
  }
  return stats;
}

TokenStatistics
inferenceTokenStatistics(const GptImpl& model,
                         const torch::Tensor& tokens,
                         double temperature,
                         bool withEntropy)
{
  const int64_t rows = tokens.size(0);
  const int64_t positions = tokens.size(1) - 1;
  const int64_t vocabulary = model.options().vocabSize;
  auto contiguous = tokens.to(torch::kLong).contiguous();
  auto inputs = contiguous.narrow(1, 0, positions).contiguous();
  FusedGpt fused(model, rows);
  const float* logits = fused.forwardAll(inputs.data_ptr<int64_t>(), positions);
  TokenStatistics stats;
  stats.logProbs = torch::empty({ rows, positions });
  if (withEntropy)
    stats.entropy = torch::empty({ rows, positions });
  float* logProbs = stats.logProbs.data_ptr<float>();
  float* entropy = withEntropy ? stats.entropy.data_ptr<float>() : nullptr;
  const int64_t* ids = contiguous.data_ptr<int64_t>();
  at::parallel_for(
    0, rows * positions, std::max<int64_t>(1, 16384 / vocabulary), [&](int64_t begin, int64_t end) {
      std::vector<float> probabilities(static_cast<size_t>(vocabulary));
      for (int64_t i = begin; i < end; ++i) {
        const float* row = logits + i * vocabulary;
        const auto statistics =
          softmaxRow(row, probabilities.data(), vocabulary, float(temperature));
        // PAD targets would be -inf: read EOS there, which the action mask drops.
        auto target = ids[(i / positions) * (positions + 1) + i % positions + 1];
        if (target == Tokenizer::kPad)
          target = Tokenizer::kEos;
        logProbs[i] = logProbability(row, target, float(temperature), statistics);
        if (entropy)
          entropy[i] = statistics.entropy;
      }
    });
  return stats;
}

std::vector<std::string>
decodeBatch(const Tokenizer& tokenizer, const SequenceBatch& batch)
{
  auto contiguous = batch.tokens.contiguous();
  std::vector<std::string> texts;
  const auto rows = contiguous.size(0);
  const auto length = contiguous.size(1);
  const auto start = std::min(batch.promptLength, length);
  const auto* data = contiguous.data_ptr<int64_t>();
  for (int64_t row = 0; row < rows; ++row)
    texts.push_back(tokenizer.decode(
      std::vector<int64_t>(data + row * length + start, data + (row + 1) * length)));
  return texts;
}

SequenceBatch
encodeBatch(const std::vector<std::vector<int64_t>>& encoded)
{
  size_t longest = 2;
  for (const auto& ids : encoded)
    longest = std::max(longest, ids.size());
  auto tokens =
    torch::full({ int64_t(encoded.size()), int64_t(longest) }, Tokenizer::kPad, torch::kLong);
  auto* data = tokens.data_ptr<int64_t>();
  for (size_t row = 0; row < encoded.size(); ++row)
    std::copy(encoded[row].begin(), encoded[row].end(), data + row * longest);
  SequenceBatch batch;
  batch.tokens = tokens;
  batch.actionMask = (tokens.narrow(1, 1, longest - 1) != Tokenizer::kPad).to(torch::kFloat);
  return batch;
}

} // namespace paretolab::engine
