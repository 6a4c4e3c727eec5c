// SPDX-License-Identifier: GPL-3.0-or-later
// The prior as a judge of text: teacher-forced log-probabilities of a
// continuation after its prompt, the same tokens sampling would have drawn.

#include "model/policy.h"
#include "model/policystate.h"
#include "model/sampling.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace paretolab::engine {

namespace {

class PriorLikelihood : public TextLikelihood
{
public:
  explicit PriorLikelihood(Policy policy)
    : m_policy(std::move(policy))
  {
    // A judge has no dropout: the same text always gets the same value.
    m_policy.state().model->eval();
  }

  std::vector<double> meanLogProbability(const std::vector<std::string>& continuations,
                                         const std::vector<std::string>& prompts) const override
  {
    if (!prompts.empty() && prompts.size() != continuations.size())
      throw std::invalid_argument("likelihood: " + std::to_string(prompts.size()) +
                                  " prompts for " + std::to_string(continuations.size()) +
                                  " continuations");
    const auto& tokenizer = m_policy.tokenizer();
    const auto contextLength = m_policy.options().contextLength;
    std::vector<double> means(continuations.size(), std::numeric_limits<double>::quiet_NaN());
    // Each row is its prompt, then its continuation with EOS, then PAD: no
    // leading padding, so every row is judged exactly as it would be alone.
    std::vector<std::vector<int64_t>> rowsIds;
    std::vector<std::pair<size_t, size_t>> scored; // first target column, target count
    std::vector<size_t> rows;
    for (size_t i = 0; i < continuations.size(); ++i) {
      try {
        auto ids = tokenizer.encodePrompt(prompts.empty() ? std::string{} : prompts[i]);
        auto continuation = tokenizer.encode(continuations[i]);
        continuation.erase(continuation.begin()); // its BOS: the prompt has one
        if (int64_t(continuation.size()) >= contextLength)
          continue; // longer than anything the prior could have written
        // The model reads all but the last token, so context + 1 tokens fit.
        // Like sampling, a prompt that does not fit loses tokens after its BOS.
        const auto room = size_t(contextLength) + 1 - continuation.size();
        if (ids.size() > room)
          ids.erase(ids.begin() + 1, ids.begin() + long(ids.size() - room + 1));
        scored.emplace_back(ids.size() - 1, continuation.size());
        ids.insert(ids.end(), continuation.begin(), continuation.end());
        rowsIds.push_back(std::move(ids));
        rows.push_back(i);
      } catch (const std::invalid_argument&) {
        // Text the vocabulary cannot spell keeps NaN.
      }
    }
    if (rows.empty())
      return means;

    torch::NoGradGuard noGrad;
    const auto batch = encodeBatch(rowsIds).tokens; // right-padded with PAD
    auto mask = torch::zeros({ batch.size(0), batch.size(1) - 1 }, torch::kFloat);
    for (size_t row = 0; row < rows.size(); ++row)
      mask[int64_t(row)]
        .narrow(0, int64_t(scored[row].first), int64_t(scored[row].second))
        .fill_(1.0);
    const auto logProbs = tokenStatistics(*m_policy.state().model, batch, 1.0).logProbs;
    const auto rowMeans = (logProbs * mask).sum(1) / mask.sum(1).clamp_min(1.0);
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
