// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/toy/toydomain.h"

#include "metrics/pareto.h"

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
}

std::vector<ObjectiveInfo>
ToyDomain::objectives() const
{
  return {
    { "ones", "share of 1 bits", {} },
    { "alternation", "share of neighbouring bits that differ", {} },
    { "pattern", "share of positions matching 0011 0011 ...", {} },
  };
}

std::vector<std::string>
ToyDomain::corpus() const
{
  // Uniform random strings: the prior learns the format, not a preference.
  std::mt19937_64 rng(m_options.seed);
  std::bernoulli_distribution bit(0.5);
  std::vector<std::string> texts(m_options.corpusSize);
  for (auto& text : texts)
    for (int i = 0; i < m_options.length; ++i)
      text += bit(rng) ? '1' : '0';
  return texts;
}

double
ToyDomain::objectiveValue(const std::string& objective, const std::string& bits) const
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
  requireObjective(objective);
  return std::numeric_limits<double>::quiet_NaN();
}

std::vector<std::vector<double>>
ToyDomain::score(const std::vector<std::string>& samples,
                 const std::vector<std::string>& objectives) const
{
  for (const auto& objective : objectives)
    requireObjective(objective);
  std::vector<std::vector<double>> values;
  values.reserve(samples.size());
  for (const auto& sample : samples) {
    std::vector<double> row;
    const bool valid =
      sample.find_first_not_of("01") == std::string::npos && int(sample.size()) <= m_options.length;
    for (const auto& objective : objectives)
      row.push_back(valid ? objectiveValue(objective, sample)
                          : std::numeric_limits<double>::quiet_NaN());
    values.push_back(std::move(row));
  }
  return values;
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
