// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/dna/dnasources.h"

#include "domains/dna/nucleotides.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine::dna {

namespace {

void
trimLineEnd(std::string& line)
{
  while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
    line.pop_back();
}

} // namespace

std::vector<NamedSequence>
parseFasta(const std::string& text)
{
  std::vector<NamedSequence> records;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    trimLineEnd(line);
    if (line.empty())
      continue;
    if (line[0] == '>') {
      records.push_back({ line.substr(1), {} });
      continue;
    }
    if (records.empty())
      throw std::runtime_error("FASTA: sequence before the first '>' header");
    records.back().sequence += upperCase(line);
  }
  if (records.empty())
    throw std::runtime_error("FASTA: no record");
  return records;
}

std::vector<NamedSequence>
parseEmbl(const std::string& text)
{
  std::vector<NamedSequence> entries;
  std::istringstream in(text);
  NamedSequence entry;
  bool inSequence = false;
  for (std::string line; std::getline(in, line);) {
    trimLineEnd(line);
    if (line.rfind("ID", 0) == 0) {
      std::istringstream id(line.substr(2));
      id >> entry.name;
      if (!entry.name.empty() && entry.name.back() == ';')
        entry.name.pop_back();
    } else if (line.rfind("SQ", 0) == 0) {
      inSequence = true;
    } else if (line.rfind("//", 0) == 0) {
      if (!entry.sequence.empty())
        entries.push_back(std::move(entry));
      entry = {};
      inSequence = false;
    } else if (inSequence) {
      for (char c : line)
        if (std::isalpha(static_cast<unsigned char>(c)))
          entry.sequence += char(std::toupper(static_cast<unsigned char>(c)));
    }
  }
  if (entries.empty())
    throw std::runtime_error("EMBL: no entry with a sequence (SQ block)");
  return entries;
}

std::vector<std::string>
windowsOf(const std::vector<NamedSequence>& sequences, std::size_t length, std::size_t every)
{
  std::vector<std::string> windows;
  std::size_t seen = 0;
  for (const auto& record : sequences) {
    const auto& sequence = record.sequence;
    for (std::size_t start = 0; start + length <= sequence.size(); start += length) {
      const auto window = std::string_view(sequence).substr(start, length);
      if (!sequenceProblem(window).empty())
        continue; // an N, or an IUPAC code
      if (seen++ % std::max<std::size_t>(every, 1) == 0)
        windows.emplace_back(window);
    }
  }
  return windows;
}

MarkovBackground::MarkovBackground(const std::vector<std::string>& sequences, int order)
  : m_order(order)
  , m_counts(std::size_t(1) << (2 * (order + 1)), 1.0)
{
  if (order < 0 || order > 8)
    throw std::invalid_argument("Markov background: order must be 0 to 8");
  std::vector<std::string> strands = sequences;
  for (const auto& sequence : sequences)
    strands.push_back(reverseComplement(sequence));
  const auto spectrum = kmerSpectrum(strands, order + 1);
  // kmerSpectrum normalises; scale back to counts so the pseudocount stays small.
  double total = 0.0;
  for (const auto& sequence : strands)
    total +=
      double(std::max<std::size_t>(sequence.size(), std::size_t(order)) - std::size_t(order));
  for (std::size_t i = 0; i < m_counts.size(); ++i)
    m_counts[i] += spectrum[i] * total;
}

std::vector<std::string>
MarkovBackground::generate(std::size_t count, std::size_t length, uint64_t seed) const
{
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  const std::size_t contexts = m_counts.size() / 4;
  // The first `order` bases: a context drawn by its total count.
  std::vector<double> contextWeights(contexts, 0.0);
  for (std::size_t c = 0; c < contexts; ++c)
    for (int b = 0; b < 4; ++b)
      contextWeights[c] += m_counts[c * 4 + std::size_t(b)];
  std::discrete_distribution<std::size_t> firstContext(contextWeights.begin(),
                                                       contextWeights.end());
  std::vector<std::string> generated;
  generated.reserve(count);
  for (std::size_t n = 0; n < count; ++n) {
    std::string sequence;
    sequence.reserve(length);
    std::size_t context = firstContext(rng);
    for (int i = m_order - 1; i >= 0 && sequence.size() < length; --i)
      sequence += kBases[(context >> (2 * i)) & 3];
    while (sequence.size() < length) {
      const double* next = &m_counts[context * 4];
      const double total = next[0] + next[1] + next[2] + next[3];
      double draw = uniform(rng) * total;
      int base = 0;
      while (base < 3 && draw >= next[base])
        draw -= next[base++];
      sequence += kBases[std::size_t(base)];
      context = ((context << 2) | std::size_t(base)) & (contexts - 1);
    }
    generated.push_back(std::move(sequence));
  }
  return generated;
}

std::vector<double>
MarkovBackground::baseComposition() const
{
  std::vector<double> composition(4, 0.0);
  for (std::size_t i = 0; i < m_counts.size(); ++i)
    composition[i % 4] += m_counts[i];
  const double total = std::accumulate(composition.begin(), composition.end(), 0.0);
  for (auto& share : composition)
    share /= total;
  return composition;
}

} // namespace paretolab::engine::dna
