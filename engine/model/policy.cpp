// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/policy.h"

#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"

#include <algorithm>

namespace paretolab::engine {

namespace {

GptOptions
withVocabulary(GptOptions options, const Tokenizer& tokenizer)
{
  options.vocabSize = tokenizer.vocabSize();
  return options;
}

} // namespace

Policy::Policy(GptOptions options, Tokenizer tokenizer, uint64_t initSeed)
{
  torch::manual_seed(initSeed);
  m_state = std::make_shared<PolicyState>(withVocabulary(options, tokenizer), std::move(tokenizer));
}

Policy::Policy(std::shared_ptr<PolicyState> state)
  : m_state(std::move(state))
{
}

Policy
Policy::clone() const
{
  auto copy = std::make_shared<PolicyState>(options(), tokenizer());
  loadParameters(*copy->model, snapshotParameters(*m_state->model));
  return Policy(std::move(copy)).withConditioning(m_conditioning);
}

Policy
Policy::withConditioning(std::string conditioning) const
{
  Policy conditioned = *this;
  conditioned.m_conditioning = std::move(conditioning);
  return conditioned;
}

const Tokenizer&
Policy::tokenizer() const
{
  return m_state->tokenizer;
}

const GptOptions&
Policy::options() const
{
  return m_state->model->options();
}

int64_t
Policy::parameterCount() const
{
  int64_t count = 0;
  for (const auto& p : m_state->model->parameters())
    count += p.numel();
  return count;
}

std::vector<std::string>
Policy::sample(int64_t count,
               const SamplingOptions& options,
               uint64_t seed,
               const std::vector<std::string>& prompts) const
{
  std::vector<std::vector<int64_t>> encoded;
  for (const auto& prompt : prompts)
    encoded.push_back(m_state->tokenizer.encodePrompt(prompt + m_conditioning));
  if (prompts.empty() && !m_conditioning.empty())
    encoded.assign(size_t(std::max<int64_t>(count, 0)),
                   m_state->tokenizer.encodePrompt(m_conditioning));
  auto generator = makeGenerator(seed);
  auto batch = sampleSequences(*m_state->model, count, options, generator, encoded);
  return decodeBatch(m_state->tokenizer, batch);
}

} // namespace paretolab::engine
