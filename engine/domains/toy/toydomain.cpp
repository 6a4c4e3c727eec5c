// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/toy/toydomain.h"

#include "core/domainregistry.h"
#include "metrics/pareto.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <random>
#include <set>
#include <stdexcept>

namespace paretolab::engine {

ToyDomain::ToyDomain()
  : ToyDomain(Options{})
{
}

ToyDomain::ToyDomain(Options options)
  : m_options(options)
{
  if (m_options.length < 2 || m_options.corpusSize < 1)
    throw std::invalid_argument("toy domain: length must be at least 2 and corpus_size positive");
  if (m_options.prompted && (m_options.promptLength < 1 || m_options.promptLength > 12))
    throw std::invalid_argument("toy domain: prompt_length must be from 1 to 12");
}

std::vector<ObjectiveInfo>
ToyDomain::objectives() const
{
  std::vector<ObjectiveInfo> list = {
    { "ones", "share of 1 bits", {} },
    { "alternation", "share of neighbouring bits that differ", {} },
    { "pattern", "share of positions matching 0011 0011 ...", {} },
  };
  if (m_options.prompted)
    list.push_back({ "continuation", "share of positions that repeat the prompt's motif", {} });
  return list;
}

namespace {

std::string
motifOf(int code, int length)
{
  std::string motif(size_t(length), '0');
  for (int i = 0; i < length; ++i)
    if (code & (1 << (length - 1 - i)))
      motif[size_t(i)] = '1';
  return motif;
}

SampleContext
contextOf(const std::string& motif)
{
  return { motif, motif + ":", { { "motif", motif } } };
}

} // namespace

std::vector<SampleContext>
ToyDomain::contexts(DataSplit) const
{
  if (!m_options.prompted)
    return {};
  std::vector<SampleContext> list;
  for (int code = 0; code < (1 << m_options.promptLength); ++code)
    list.push_back(contextOf(motifOf(code, m_options.promptLength)));
  return list;
}

std::vector<Demonstration>
ToyDomain::demonstrations(DataSplit) const
{
  if (!m_options.prompted)
    return {};
  std::vector<Demonstration> list;
  for (const auto& text : corpus()) {
    const auto colon = text.find(':');
    list.push_back({ contextOf(text.substr(0, colon)), text.substr(colon + 1) });
  }
  return list;
}

std::vector<std::string>
ToyDomain::corpus() const
{
  // Uniform random strings: the prior learns the format, not a preference.
  std::mt19937_64 rng(m_options.seed);
  std::bernoulli_distribution bit(0.5);
  std::uniform_int_distribution<int> motif(0, (1 << m_options.promptLength) - 1);
  std::vector<std::string> texts(m_options.corpusSize);
  // With prompts, each bit repeats the motif 75 % of the time: the prior
  // learns that the prompt matters, weakly, and RL has a signal to sharpen.
  std::bernoulli_distribution agrees(0.75);
  for (auto& text : texts) {
    std::string pattern;
    if (m_options.prompted) {
      pattern = motifOf(motif(rng), m_options.promptLength);
      text = pattern + ":";
    }
    for (int i = 0; i < m_options.length; ++i) {
      if (pattern.empty()) {
        text += bit(rng) ? '1' : '0';
        continue;
      }
      const char repeated = pattern[size_t(i) % pattern.size()];
      text += agrees(rng) ? repeated : (repeated == '0' ? '1' : '0');
    }
  }
  return texts;
}

double
ToyDomain::objectiveValue(const std::string& objective,
                          const std::string& bits,
                          const std::string& motif) const
{
  // Normalised by the target length, so that a string cut short scores lower
  // on every objective rather than gaming a ratio.
  const int length = m_options.length;
  const int n = std::min<int>(bits.size(), length);
  int count = 0;
  if (objective == "ones") {
    for (int i = 0; i < n; ++i)
      count += bits[i] == '1';
    return double(count) / length;
  }
  if (objective == "alternation") {
    for (int i = 1; i < n; ++i)
      count += bits[i] != bits[i - 1];
    return double(count) / (length - 1);
  }
  if (objective == "pattern") {
    for (int i = 0; i < n; ++i)
      count += bits[i] == ((i % 4) < 2 ? '0' : '1');
    return double(count) / length;
  }
  if (objective == "continuation") {
    if (motif.empty())
      return std::numeric_limits<double>::quiet_NaN(); // no prompt to continue
    for (int i = 0; i < n; ++i)
      count += bits[i] == motif[size_t(i) % motif.size()];
    return double(count) / length;
  }
  requireObjective(objective);
  return std::numeric_limits<double>::quiet_NaN();
}

std::vector<std::vector<double>>
ToyDomain::computeScores(const std::vector<std::string>& samples,
                         const std::vector<SampleContext>& contexts,
                         const std::vector<std::string>& objectives,
                         const TextLikelihood*) const
{
  std::vector<std::vector<double>> values;
  values.reserve(samples.size());
  for (size_t s = 0; s < samples.size(); ++s) {
    const auto& sample = samples[s];
    const auto motif = contexts.empty() ? std::string{} : contexts[s].field("motif");
    std::vector<double> row;
    const bool valid =
      sample.find_first_not_of("01") == std::string::npos && int(sample.size()) <= m_options.length;
    for (const auto& objective : objectives)
      row.push_back(valid ? objectiveValue(objective, sample, motif)
                          : std::numeric_limits<double>::quiet_NaN());
    values.push_back(std::move(row));
  }
  return values;
}

SampleDescription
ToyDomain::describe(const std::string& sample, const SampleContext& context) const
{
  SampleDescription description;
  description.valid = isValid(sample);
  const auto motif = context.field("motif");
  AnnotatedText bits{ .heading = motif.empty() ? std::string{} : "Continuation",
                      .text = sample,
                      .letterColours = { { '0', "#4c72b0" }, { '1', "#dd8452" } },
                      .monospace = true };
  if (!motif.empty()) {
    for (size_t i = 0; i < sample.size(); ++i)
      if (sample[i] != motif[i % motif.size()])
        bits.spans.push_back(
          { .begin = i, .end = i + 1, .label = "breaks the motif", .kind = "mismatch" });
    description.blocks.push_back(
      AnnotatedText{ .heading = "Prompt", .text = motif, .monospace = true });
  }
  description.blocks.push_back(std::move(bits));
  description.kindColours["mismatch"] = "#f4a6a6";
  if (!description.valid)
    description.note = "not " + std::to_string(m_options.length) + " bits";
  return description;
}

bool
ToyDomain::isValid(const std::string& sample) const
{
  return int(sample.size()) == m_options.length &&
         sample.find_first_not_of("01") == std::string::npos;
}

std::map<std::string, double>
ToyDomain::metrics(const std::vector<std::string>& samples) const
{
  if (samples.empty())
    return { { "validity", 0.0 }, { "uniqueness", 0.0 } };
  int valid = 0;
  std::set<std::string> distinct;
  for (const auto& sample : samples) {
    if (isValid(sample)) {
      ++valid;
      distinct.insert(sample);
    }
  }
  return { { "validity", double(valid) / samples.size() },
           { "uniqueness", valid ? double(distinct.size()) / valid : 0.0 } };
}

std::vector<std::vector<double>>
ToyDomain::exactFront(const std::vector<std::string>& objectives) const
{
  if (m_options.length > 20)
    throw std::length_error("toy domain: exact front is enumerated only up to length 20");
  for (const auto& objective : objectives)
    requireObjective(objective);
  std::set<std::vector<double>> distinct;
  const uint32_t count = 1U << m_options.length;
  for (uint32_t code = 0; code < count; ++code) {
    std::string bits(m_options.length, '0');
    for (int i = 0; i < m_options.length; ++i)
      if (code & (1U << i))
        bits[i] = '1';
    std::vector<double> point;
    for (const auto& objective : objectives)
      point.push_back(objectiveValue(objective, bits));
    distinct.insert(std::move(point));
  }
  std::vector<std::vector<double>> points(distinct.begin(), distinct.end());
  std::vector<std::vector<double>> front;
  for (auto index : nonDominatedIndices(points))
    front.push_back(points[index]);
  return front;
}

} // namespace paretolab::engine

namespace paretolab::engine {

namespace {

std::shared_ptr<Domain>
makeToy(const nlohmann::json& json)
{
  ToyDomain::Options options;
  for (const auto& [key, value] : json.items()) {
    auto integer = [&](int64_t low, int64_t high) {
      if (!value.is_number_integer() || value.get<int64_t>() < low || value.get<int64_t>() > high)
        throw std::invalid_argument("domain_options." + key + " must be an integer from " +
                                    std::to_string(low) + " to " + std::to_string(high) + ", got " +
                                    value.dump());
      return value.get<int64_t>();
    };
    if (key == "length")
      options.length = int(integer(2, 64));
    else if (key == "corpus_size")
      options.corpusSize = int(integer(2, 10'000'000));
    else if (key == "seed")
      options.seed = uint64_t(integer(0, std::numeric_limits<int64_t>::max()));
    else if (key == "prompt_length")
      options.promptLength = int(integer(1, 12));
    else if (key == "prompted") {
      if (!value.is_boolean())
        throw std::invalid_argument("domain_options.prompted must be true or false, got " +
                                    value.dump());
      options.prompted = value.get<bool>();
    } else
      throw std::invalid_argument("domain_options: the toy domain has no option '" + key +
                                  "' (length, corpus_size, seed, prompted, prompt_length)");
  }
  return std::make_shared<ToyDomain>(options);
}

const bool kToyRegistered = registerDomain({ "toy", "Toy bit strings", makeToy });

} // namespace

} // namespace paretolab::engine
