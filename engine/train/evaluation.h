// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): scoring batches of samples.

#include "core/domain.h"
#include "model/gpt.h"
#include "train/reports.h"
#include "train/trainoptions.h"

#include <ATen/core/Generator.h>

namespace paretolab::engine {

/// Contexts and their encoded prompts, one per sequence to draw; empty when
/// the domain is unconditional.
struct PromptSet
{
  std::vector<SampleContext> contexts;
  std::vector<std::vector<int64_t>> prompts;

  bool empty() const { return contexts.empty(); }
  /// `count` entries, cycling through these.
  PromptSet cycled(int64_t count) const;
};

/// Encodes each context's prompt with `tokenizer`, dropping contexts whose
/// prompt holds a token outside the vocabulary.
PromptSet
encodePrompts(const Tokenizer& tokenizer, const std::vector<SampleContext>& contexts);

/// Raw and transformed objective values of a batch of texts.
struct ScoredBatch
{
  std::vector<std::vector<double>> raw;         ///< [sample][objective], NaN when not computable
  std::vector<std::vector<double>> transformed; ///< [sample][objective], penalty for NaN
  std::vector<double> rawMeans;                 ///< over the samples with a value
  std::vector<double> transformedMeans;
  double averageReward = 0.0; ///< mean of transformedMeans over the objectives
  /// The paper's ICV: mean / population std, over the samples, of each sample's
  /// average transformed reward. High when few samples are poor.
  double icv = 0.0;
  /// mean / population std of transformedMeans: how evenly the objectives are met.
  double objectiveBalance = 0.0;
};

/// The figures of the valid samples, each counted once (in the domain's
/// canonical form, per prompt when `contexts` are given).
PolicyEvaluation::Subset
validUniqueSubset(const Domain& domain,
                  const std::vector<std::string>& samples,
                  const std::vector<std::vector<double>>& rewards,
                  const std::vector<SampleContext>& contexts = {});

/// `contexts` is empty or one per text; `prior` judges the objectives that need a language model.
ScoredBatch
scoreTexts(const Domain& domain,
           const std::vector<ObjectiveConfig>& objectives,
           const std::vector<std::string>& texts,
           double invalidPenalty,
           const std::vector<SampleContext>& contexts = {},
           const TextLikelihood* prior = nullptr);

/// Draws `count` sequences from `model` (continuing `prompts` when given, cycled
/// to `count`) and fills a PolicyEvaluation, including the KL to `reference`
/// and the hypervolume of the samples.
PolicyEvaluation
evaluatePolicy(GptImpl& model,
               GptImpl& reference,
               const Tokenizer& tokenizer,
               const Domain& domain,
               const std::vector<ObjectiveConfig>& objectives,
               int64_t count,
               const SamplingOptions& sampling,
               double invalidPenalty,
               at::Generator& generator,
               const PromptSet& prompts = {},
               const TextLikelihood* prior = nullptr);

} // namespace paretolab::engine
