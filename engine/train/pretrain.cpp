// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/pretrain.h"

#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine {

namespace {

std::vector<std::vector<int64_t>>
encodeAll(const Policy& policy, const std::vector<std::string>& texts, int64_t* skipped)
{
  std::vector<std::vector<int64_t>> encoded;
  encoded.reserve(texts.size());
  const auto context = policy.options().contextLength;
  for (const auto& text : texts) {
    try {
      auto ids = policy.tokenizer().encode(text);
      // The model reads all but the last token, so context + 1 ids fit.
      if (int64_t(ids.size()) <= context + 1) {
        encoded.push_back(std::move(ids));
        continue;
      }
    } catch (const std::invalid_argument&) {
    }
    if (skipped)
      ++*skipped;
  }
  return encoded;
}

// Sum of token NLLs and the token count of one batch.
std::pair<torch::Tensor, torch::Tensor>
batchNll(GptImpl& model, const std::vector<std::vector<int64_t>>& batch)
{
  auto sequences = encodeBatch(batch);
  auto stats = tokenStatistics(model, sequences.tokens, /*temperature=*/1.0);
  return { -(stats.logProbs * sequences.actionMask).sum(), sequences.actionMask.sum() };
}

double
evaluateNll(GptImpl& model, const std::vector<std::vector<int64_t>>& texts, int64_t batchSize)
{
  torch::NoGradGuard noGrad;
  double total = 0.0, tokens = 0.0;
  for (size_t begin = 0; begin < texts.size(); begin += batchSize) {
    std::vector<std::vector<int64_t>> batch(
      texts.begin() + begin, texts.begin() + std::min(texts.size(), size_t(begin + batchSize)));
    auto [nll, count] = batchNll(model, batch);
    total += nll.item<double>();
    tokens += count.item<double>();
  }
  return tokens > 0 ? total / tokens : std::numeric_limits<double>::quiet_NaN();
}

} // namespace

double
meanNegativeLogLikelihood(const Policy& policy, const std::vector<std::string>& texts)
{
  return evaluateNll(*policy.state().model, encodeAll(policy, texts, nullptr), 64);
}

PretrainResult
pretrainPolicy(Policy& policy,
               const std::vector<std::string>& corpus,
               const PretrainOptions& options,
               const std::function<void(const PretrainProgress&)>& progress,
               std::stop_token stop)
{
  PretrainResult result;
  auto encoded = encodeAll(policy, corpus, &result.skippedTexts);
  if (encoded.size() < 2)
    throw std::invalid_argument("pretraining: fewer than two usable texts in the corpus");

  std::mt19937_64 rng(options.seed);
  std::shuffle(encoded.begin(), encoded.end(), rng);
  const auto validationCount = std::clamp<size_t>(
    size_t(std::llround(options.validationFraction * encoded.size())), 1, encoded.size() - 1);
  std::vector<std::vector<int64_t>> validation(encoded.end() - validationCount, encoded.end());
  encoded.resize(encoded.size() - validationCount);
  result.trainTexts = int64_t(encoded.size());
  result.validationTexts = int64_t(validation.size());

  torch::manual_seed(options.seed);
  auto& model = *policy.state().model;
  model.train();
  torch::optim::Adam optimizer(model.parameters(), torch::optim::AdamOptions(options.learningRate));

  const int64_t batches = (int64_t(encoded.size()) + options.batchSize - 1) / options.batchSize;
  double best = std::numeric_limits<double>::infinity();
  ParameterSet bestParameters;
  int64_t epochsWithoutImprovement = 0;
  PretrainProgress report{ .epochs = options.epochs,
                           .batches = batches,
                           .validationLoss = std::numeric_limits<double>::quiet_NaN() };

  for (int64_t epoch = 1; epoch <= options.epochs; ++epoch) {
    std::shuffle(encoded.begin(), encoded.end(), rng);
    double epochNll = 0.0, epochTokens = 0.0;
    for (int64_t b = 0; b < batches; ++b) {
      if (stop.stop_requested()) {
        result.cancelled = true;
        break;
      }
      const size_t begin = size_t(b * options.batchSize);
      std::vector<std::vector<int64_t>> batch(
        encoded.begin() + begin,
        encoded.begin() + std::min(encoded.size(), begin + size_t(options.batchSize)));
      auto [nll, tokens] = batchNll(model, batch);
      optimizer.zero_grad();
      (nll / tokens).backward();
      if (options.maxGradNorm > 0)
        torch::nn::utils::clip_grad_norm_(model.parameters(), options.maxGradNorm);
      optimizer.step();

      epochNll += nll.item<double>();
      epochTokens += tokens.item<double>();
      report.epoch = epoch;
      report.batch = b + 1;
      report.trainLoss = epochNll / epochTokens;
      if (progress)
        progress(report);
    }
    if (result.cancelled)
      break;

    model.eval();
    report.validationLoss = evaluateNll(model, validation, options.batchSize);
    model.train();
    result.epochsRun = epoch;
    if (progress)
      progress(report);
    if (report.validationLoss < best) {
      best = report.validationLoss;
      bestParameters = snapshotParameters(model);
      epochsWithoutImprovement = 0;
    } else if (++epochsWithoutImprovement >= options.patience) {
      result.stoppedEarly = true;
      break;
    }
  }

  if (!bestParameters.empty())
    loadParameters(model, bestParameters);
  model.eval();
  result.bestValidationLoss = best;
  std::ostringstream optimizerStream;
  torch::save(optimizer, optimizerStream);
  result.optimizerState = optimizerStream.str();
  return result;
}

} // namespace paretolab::engine
