// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Plain functions on DNA text: which letters are bases, the reverse
// complement, GC content, homopolymer runs and k-mer spectra.

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace paretolab::engine::dna {

/// 0..3 for A, C, G, T (upper case only); -1 for anything else.
inline int
baseIndex(char base)
{
  switch (base) {
    case 'A':
      return 0;
    case 'C':
      return 1;
    case 'G':
      return 2;
    case 'T':
      return 3;
    default:
      return -1;
  }
}

inline constexpr std::array<char, 4> kBases{ 'A', 'C', 'G', 'T' };

/// `text` in upper case (ASCII): sequence files mark repeats in lower case.
std::string
upperCase(std::string text);

/// Why `sequence` is not a DNA sequence of `length` bases of A, C, G and T
/// ("position 17: 'N' is not A, C, G or T"); empty when it is. `length` 0
/// accepts any length.
std::string
sequenceProblem(std::string_view sequence, std::size_t length = 0);

std::string
reverseComplement(std::string_view sequence);

/// The share of G and C among the bases.
double
gcFraction(std::string_view sequence);

/// How many runs of one base are at least `minimum` long.
int
homopolymerRuns(std::string_view sequence, int minimum = 6);

/// The normalised counts of every k-mer (4^k entries, A < C < G < T order),
/// over all overlapping windows of the sequences' valid stretches.
std::vector<double>
kmerSpectrum(const std::vector<std::string>& sequences, int k);

/// Half the L1 distance between two spectra: 0 identical, 1 disjoint.
double
spectrumDistance(const std::vector<double>& a, const std::vector<double>& b);

/// The mean pairwise Hamming distance between equal-length sequences, over
/// their length (0: all the same; about 0.75 for random DNA).
double
meanPairwiseHamming(const std::vector<std::string>& sequences);

} // namespace paretolab::engine::dna
