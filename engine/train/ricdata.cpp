// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/ricdata.h"

#include "core/atomicfile.h"
#include "metrics/pareto.h"
#include "model/checkpoint.h"
#include "train/evaluation.h"
#include "train/ricprompts.h"
#include "train/seeds.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <random>
#include <set>
#include <stdexcept>

namespace paretolab::engine {

namespace {

/// Identifies a kept sample: the same text for another context is another sample.
std::string
keyOf(const Domain& domain, const RicExample& example)
{
  return example.context.id + '\n' + domain.canonical(example.text);
}

} // namespace

RicData::RicData(std::shared_ptr<const Domain> domain,
                 std::vector<ObjectiveConfig> objectives,
                 Tokenizer tokenizer,
                 int64_t contextLength,
                 TrainerOptions options,
                 std::shared_ptr<const TextLikelihood> judge)
  : m_domain(std::move(domain))
  , m_objectives(std::move(objectives))
  , m_tokenizer(std::move(tokenizer))
  , m_contextLength(contextLength)
  , m_options(std::move(options))
  , m_judge(std::move(judge))
{
  // Until the corpus is scored, any weights ask for the whole range.
  m_state.lowest.assign(count(), 0);
  m_state.highest.assign(count(), m_options.ric.levels - 1);
}

std::vector<int64_t>
RicData::encodePrompt(const SampleContext& context, const std::string& conditioning) const
{
  return m_tokenizer.encodePrompt(context.prompt + conditioning);
}

bool
RicData::encode(RicExample& example) const
{
  std::vector<int64_t> text;
  try {
    example.ids = encodePrompt(example.context, rewardPrompt(example.levels));
    text = m_tokenizer.encode(example.text);
  } catch (const std::invalid_argument&) {
    return false;
  }
  // The model reads at most contextLength tokens and predicts the next one.
  const auto excess = int64_t(example.ids.size() + text.size() - 1) - (m_contextLength + 1);
  const auto promptTokens = int64_t(example.ids.size()) - 1 - int64_t(count());
  if (excess > 0) {
    if (excess > promptTokens)
      return false;
    example.ids.erase(example.ids.begin() + 1, example.ids.begin() + 1 + excess);
  }
  example.given = int64_t(example.ids.size());
  example.ids.insert(example.ids.end(), text.begin() + 1, text.end());
  return true;
}

std::vector<RicExample>
RicData::score(const std::vector<std::string>& texts,
               const std::vector<SampleContext>& contexts) const
{
  const auto scored =
    scoreTexts(*m_domain, m_objectives, texts, m_options.invalidPenalty, contexts, m_judge.get());
  std::vector<RicExample> examples;
  for (size_t s = 0; s < texts.size(); ++s) {
    const auto& raw = scored.raw[s];
    if (std::any_of(raw.begin(), raw.end(), [](double v) { return std::isnan(v); }))
      continue;
    RicExample example{ .context = s < contexts.size() ? contexts[s] : SampleContext{},
                        .text = texts[s],
                        .raw = raw,
                        .rewards = scored.transformed[s] };
    for (double reward : example.rewards)
      example.levels.push_back(quantiseReward(reward, m_options.ric.levels));
    if (encode(example))
      examples.push_back(std::move(example));
  }
  return examples;
}

void
RicData::scoreCorpus()
{
  std::mt19937_64 rng(mixSeed(m_options.seed, fnv1a64("ric corpus")));
  const auto size = size_t(std::max<int64_t>(m_options.ric.corpusSize, 0));
  std::vector<std::string> texts;
  std::vector<SampleContext> contexts;
  if (m_domain->isConditional()) {
    const auto demonstrations = m_domain->demonstrations(DataSplit::Train);
    if (demonstrations.empty())
      throw std::invalid_argument("RiC: the " + m_domain->name() +
                                  " domain offers no demonstrations to fine-tune on");
    std::vector<Demonstration> chosen;
    std::sample(demonstrations.begin(),
                demonstrations.end(),
                std::back_inserter(chosen),
                std::min(size, demonstrations.size()),
                rng);
    for (auto& demonstration : chosen) {
      contexts.push_back(std::move(demonstration.context));
      texts.push_back(std::move(demonstration.completion));
    }
  } else {
    const auto all = m_domain->corpus();
    std::sample(all.begin(), all.end(), std::back_inserter(texts), std::min(size, all.size()), rng);
  }
  m_corpus = score(texts, contexts);
  if (m_corpus.empty())
    throw std::invalid_argument(
      "RiC: no " + std::string(m_domain->isConditional() ? "demonstration" : "sequence") +
      " of the " + m_domain->name() +
      " corpus could be scored on every objective and fits the context with its reward tokens");
}

void
RicData::restart()
{
  m_state.online.clear();
  m_state.lowest.assign(count(), m_options.ric.levels);
  m_state.highest.assign(count(), -1);
  widenRange(m_corpus);
}

void
RicData::widenRange(const std::vector<RicExample>& examples)
{
  for (const auto& example : examples)
    for (size_t i = 0; i < count(); ++i) {
      m_state.lowest[i] = std::min(m_state.lowest[i], example.levels[i]);
      m_state.highest[i] = std::max(m_state.highest[i], example.levels[i]);
    }
}

void
RicData::keepEfficient(const std::vector<RicExample>& candidates)
{
  std::vector<ObjectivePoint> points;
  for (const auto& example : candidates)
    points.push_back(example.rewards);
  std::set<std::string> kept;
  for (const auto& example : m_state.online)
    kept.insert(keyOf(*m_domain, example));
  std::vector<RicExample> added;
  for (auto index : nonDominatedIndices(points))
    if (kept.insert(keyOf(*m_domain, candidates[index])).second)
      added.push_back(candidates[index]);
  widenRange(added);
  m_state.online.insert(m_state.online.end(), added.begin(), added.end());
}

std::string
RicData::stateJson() const
{
  auto online = nlohmann::json::array();
  for (const auto& example : m_state.online) {
    nlohmann::json item{ { "text", example.text },
                         { "raw", example.raw },
                         { "rewards", example.rewards },
                         { "levels", example.levels } };
    if (!example.context.empty())
      item["context"] = example.context.toJson();
    online.push_back(std::move(item));
  }
  return nlohmann::json{
    { "lowest", m_state.lowest }, { "highest", m_state.highest }, { "online", online }
  }.dump();
}

RicState
RicData::parseState(const std::string& json, const std::string& path) const
{
  try {
    const auto parsed = nlohmann::json::parse(json);
    RicState state{ .lowest = parsed.at("lowest").get<std::vector<int64_t>>(),
                    .highest = parsed.at("highest").get<std::vector<int64_t>>() };
    if (state.lowest.size() != count() || state.highest.size() != count())
      throw std::invalid_argument("the level range has the wrong size");
    for (const auto& item : parsed.at("online")) {
      RicExample example{ .context =
                            SampleContext::fromJson(item.value("context", nlohmann::json{})),
                          .text = item.at("text").get<std::string>(),
                          .raw = item.at("raw").get<std::vector<double>>(),
                          .rewards = item.at("rewards").get<std::vector<double>>(),
                          .levels = item.at("levels").get<std::vector<int64_t>>() };
      if (example.levels.size() != count() || example.rewards.size() != count())
        throw std::invalid_argument("a kept sample has the wrong number of rewards");
      if (!encode(example))
        throw std::invalid_argument("a kept sample no longer fits the model's context");
      state.online.push_back(std::move(example));
    }
    return state;
  } catch (const std::exception& e) {
    throw CheckpointError("checkpoint " + path + " holds no readable RiC state: " + e.what());
  }
}

} // namespace paretolab::engine
