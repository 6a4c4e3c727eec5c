// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/dna/nucleotides.h"

#include <cctype>
#include <cmath>

namespace paretolab::engine::dna {

std::string
sequenceProblem(std::string_view sequence, std::size_t length)
{
  if (sequence.empty())
    return "empty sequence";
  for (std::size_t i = 0; i < sequence.size(); ++i) {
    if (baseIndex(sequence[i]) >= 0)
      continue;
    const char c = sequence[i];
    std::string shown = (c >= 0x20 && c < 0x7f) ? std::string("'") + c + "'" : "a control byte";
    return "position " + std::to_string(i + 1) + ": " + shown + " is not A, C, G or T";
  }
  if (length > 0 && sequence.size() != length)
    return std::to_string(sequence.size()) + " bases, not " + std::to_string(length);
  return {};
}

std::string
reverseComplement(std::string_view sequence)
{
  std::string result(sequence.rbegin(), sequence.rend());
  for (auto& base : result) {
    switch (base) {
      case 'A':
        base = 'T';
        break;
      case 'C':
        base = 'G';
        break;
      case 'G':
        base = 'C';
        break;
      case 'T':
        base = 'A';
        break;
      default:
        break;
    }
  }
  return result;
}

double
gcFraction(std::string_view sequence)
{
  if (sequence.empty())
    return 0.0;
  std::size_t gc = 0;
  for (char base : sequence)
    gc += (base == 'G' || base == 'C') ? 1 : 0;
  return double(gc) / double(sequence.size());
}

int
homopolymerRuns(std::string_view sequence, int minimum)
{
  int runs = 0;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= sequence.size(); ++i) {
    if (i < sequence.size() && sequence[i] == sequence[start])
      continue;
    runs += int(i - start) >= minimum ? 1 : 0;
    start = i;
  }
  return runs;
}

std::vector<double>
kmerSpectrum(const std::vector<std::string>& sequences, int k)
{
  std::vector<double> counts(std::size_t(1) << (2 * k), 0.0);
  const std::size_t mask = counts.size() - 1;
  double total = 0.0;
  for (const auto& sequence : sequences) {
    std::size_t code = 0;
    int valid = 0; // bases since the last non-base
    for (char base : sequence) {
      const int index = baseIndex(base);
      if (index < 0) {
        valid = 0;
        continue;
      }
      code = ((code << 2) | std::size_t(index)) & mask;
      if (++valid >= k) {
        counts[code] += 1.0;
        total += 1.0;
      }
    }
  }
  if (total > 0)
    for (auto& count : counts)
      count /= total;
  return counts;
}

double
spectrumDistance(const std::vector<double>& a, const std::vector<double>& b)
{
  double distance = 0.0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    distance += std::abs(a[i] - b[i]);
  return distance / 2.0;
}

double
meanPairwiseHamming(const std::vector<std::string>& sequences)
{
  double total = 0.0;
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < sequences.size(); ++i)
    for (std::size_t j = i + 1; j < sequences.size(); ++j) {
      const auto& a = sequences[i];
      const auto& b = sequences[j];
      if (a.size() != b.size() || a.empty())
        continue;
      std::size_t differ = 0;
      for (std::size_t p = 0; p < a.size(); ++p)
        differ += a[p] != b[p] ? 1 : 0;
      total += double(differ) / double(a.size());
      ++pairs;
    }
  return pairs == 0 ? 0.0 : total / double(pairs);
}

std::string
upperCase(std::string text)
{
  for (auto& c : text)
    c = char(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

} // namespace paretolab::engine::dna
