// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): one expert's PPO-clip update.

#include "model/gpt.h"
#include "model/sampling.h"
#include "train/trainoptions.h"

namespace paretolab::engine {

/// A rollout batch with everything the update needs, all computed under the
/// policy that drew it (the "old" policy of PPO).
struct Rollout
{
  SequenceBatch sequences;
  torch::Tensor oldLogProbs;   ///< [B, L-1]
  torch::Tensor refLogProbs;   ///< [B, L-1], under the frozen prior
  torch::Tensor entropy;       ///< [B, L-1]
  torch::Tensor klPerSequence; ///< [B]: sum_t (old - ref) over generated tokens (k1 estimator)
  torch::Tensor rewards;       ///< [B]: the expert's transformed objective value
  torch::Tensor advantages;    ///< [B, L-1]
  torch::Tensor returns;       ///< [B, L-1], GAE only
  /// [B, L-1, embed] under the frozen prior, GAE only: the critic's input, so
  /// that learning values never moves the policy's (merged) weights.
  torch::Tensor hidden;
  torch::Tensor oldValues; ///< [B, L-1], GAE only: the critic's values when the batch was drawn
  /// [B] long: which prompt each sequence continues; RLOO's baseline is taken
  /// within a group. Undefined when unconditional (one group).
  torch::Tensor groups;
};

/// Draws a batch from `policy` and scores it token by token under the policy
/// and the prior, with the policy in eval mode (no dropout) and top-p 1, so
/// that the log-probabilities belong to the distribution sampled. Rewards and
/// advantages are filled in later. With `prompts`
/// (one per sequence) and `groups` (the prompt each continues), generation
/// continues the prompts; only generated tokens count in the KL.
Rollout
collectRollout(GptImpl& policy,
               GptImpl& reference,
               const PpoOptions& options,
               at::Generator& generator,
               const std::vector<std::vector<int64_t>>& prompts = {},
               const std::vector<int64_t>& groups = {});

/// sum_t (policy - reference) over the generated tokens of each sequence (k1).
torch::Tensor
sequenceKl(const torch::Tensor& policyLogProbs,
           const torch::Tensor& referenceLogProbs,
           const torch::Tensor& actionMask);

/// Sets rewards, then advantages: RLOO on the sequence reward
/// R_i(x) - beta * KL_x (the baseline of a sequence is the mean of the others
/// that continue the same prompt), or GAE with `valueHead` on per-token
/// rewards (-beta * k1 at every token, R_i at the last one).
void
assignAdvantages(Rollout& rollout,
                 const torch::Tensor& rewards,
                 const PpoOptions& options,
                 torch::nn::Linear* valueHead = nullptr);

/// PPO-clip loss of `rows` of the rollout under the current policy, a mean
/// over generated tokens, plus the value loss when a value head is given.
/// Linear in the advantages: with one epoch and one minibatch, a weighted sum
/// of experts' losses is the loss of the weighted rewards (MORLHF).
torch::Tensor
ppoLoss(GptImpl& policy,
        const Rollout& rollout,
        const torch::Tensor& rows,
        const PpoOptions& options,
        torch::nn::Linear* valueHead = nullptr,
        double* clipFraction = nullptr);

struct UpdateStatistics
{
  double loss = 0.0;
  double clipFraction = 0.0;
};

/// `epochs` passes of `minibatches` shuffled minibatches over the rollout.
UpdateStatistics
ppoUpdate(GptImpl& policy,
          torch::optim::Optimizer& optimizer,
          const Rollout& rollout,
          const PpoOptions& options,
          at::Generator& generator,
          torch::nn::Linear* valueHead = nullptr);

std::unique_ptr<torch::optim::Optimizer>
makeOptimizer(std::vector<torch::Tensor> parameters, const PpoOptions& options);

} // namespace paretolab::engine
