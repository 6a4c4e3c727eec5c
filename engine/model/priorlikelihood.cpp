// SPDX-License-Identifier: GPL-3.0-or-later
// The prior as a judge of text: teacher-forced log-probabilities of a
// continuation after its prompt, the same tokens sampling would have drawn.

#include "model/policy.h"
#include "model/policystate.h"
#include "model/sampling.h"

#include <cmath>
#include <limits>

namespace paretolab::engine {

namespace {

class PriorLikelihood : public TextLikelihood
{
public:
  explicit PriorLikelihood(Policy policy)
    : m_policy(std::move(policy))
  {
  }

  std::vector<double> meanLogProbability(const std::vector<std::string>& continuations,
                                         const std::vector<std::string>& prompts) const override
  {
    const auto& tokenizer = m_policy.tokenizer();
    const auto contextLength = m_policy.options().contextLength;
    std::vector<double> means(continuations.size(), std::numeric_limits<double>::quiet_NaN());
    std::vector<std::vector<int64_t>> promptIds, continuationIds;
    std::vector<size_t> rows;
    size_t longest = 0;
    for (size_t i = 0; i < continuations.size(); ++i) {
      try {
        auto prompt = tokenizer.encodePrompt(prompts.empty() ? std::string{} : prompts[i]);
        auto continuation = tokenizer.encode(continuations[i]);
        continuation.erase(continuation.begin()); // its BOS: the prompt has one
        if (int64_t(continuation.size()) >= contextLength)
          continue; // longer than anything the prior could have written
        longest = std::max(longest, continuation.size());
        promptIds.push_back(std::move(prompt));
        continuationIds.push_back(std::move(continuation));
        rows.push_back(i);
      } catch (const std::invalid_argument&) {
        // Text the vocabulary cannot spell keeps NaN.
      }
    }
    // Prompts end in one column and continuations start in the next, so every
    // prompt must fit beside the longest continuation. Like sampling, a prompt
    // that does not fit loses tokens after its BOS.
    const auto room = size_t(contextLength) + 1 - longest;
    for (auto& prompt : promptIds)
      if (prompt.size() > room)
        prompt.erase(prompt.begin() + 1, prompt.begin() + long(prompt.size() - room + 1));
    if (rows.empty())
      return means;

    torch::NoGradGuard noGrad;
    const auto prompt = leftPaddedPrompts(promptIds);
    auto continuation =
      torch::full({ int64_t(rows.size()), int64_t(longest) }, Tokenizer::kPad, torch::kLong);
    for (size_t row = 0; row < rows.size(); ++row)
      continuation[int64_t(row)].narrow(0, 0, int64_t(continuationIds[row].size()))
        .copy_(torch::tensor(continuationIds[row], torch::kLong));
    const auto tokens = torch::cat({ prompt, continuation }, 1);
    // Targets from the first continuation token on, PAD excluded.
    const auto promptLength = prompt.size(1);
    auto stats = tokenStatistics(*m_policy.state().model, tokens, 1.0);
    auto logProbs = stats.logProbs.narrow(1, promptLength - 1, int64_t(longest));
    auto mask = (continuation != Tokenizer::kPad).to(torch::kFloat);
    auto rowMeans = (logProbs * mask).sum(1) / mask.sum(1).clamp_min(1.0);
    for (size_t row = 0; row < rows.size(); ++row)
      means[rows[row]] = rowMeans[int64_t(row)].item<double>();
    return means;
  }

private:
  Policy m_policy;
};

} // namespace

std::shared_ptr<const TextLikelihood>
likelihoodOf(const Policy& policy)
{
  return std::make_shared<const PriorLikelihood>(policy);
}

} // namespace paretolab::engine
