// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): scoring batches of samples.

#include "core/domain.h"
#include "model/gpt.h"
#include "train/reports.h"
#include "train/trainoptions.h"

#include <ATen/core/Generator.h>

namespace paretolab::engine {

/// Raw and transformed objective values of a batch of texts.
struct ScoredBatch
{
  std::vector<std::vector<double>> raw;         ///< [sample][objective], NaN when not computable
  std::vector<std::vector<double>> transformed; ///< [sample][objective], penalty for NaN
  std::vector<double> rawMeans;                 ///< over the samples with a value
  std::vector<double> transformedMeans;
  double averageReward = 0.0; ///< mean of transformedMeans over the objectives
  double icv = 0.0;           ///< inverseCoefficientOfVariation(transformedMeans)
};

ScoredBatch
scoreTexts(const Domain& domain,
           const std::vector<ObjectiveConfig>& objectives,
           const std::vector<std::string>& texts,
           double invalidPenalty);

/// Draws `count` sequences from `model` and fills a PolicyEvaluation,
/// including the KL to `reference` and the hypervolume of the samples.
PolicyEvaluation
evaluatePolicy(GptImpl& model,
               GptImpl& reference,
               const Tokenizer& tokenizer,
               const Domain& domain,
               const std::vector<ObjectiveConfig>& objectives,
               int64_t count,
               const SamplingOptions& sampling,
               double invalidPenalty,
               at::Generator& generator);

} // namespace paretolab::engine
