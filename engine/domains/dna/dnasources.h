// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the DNA corpus and the motifs come from: FASTA (gzipped or not), the
// SQ blocks of EMBL flat files, fixed-length windows of them, and an order-k
// Markov background that generates more windows of the same composition.

#include <cstdint>
#include <string>
#include <vector>

namespace paretolab::engine::dna {

struct NamedSequence
{
  std::string name;
  std::string sequence; ///< upper case, as read
};

/// Every record of a FASTA text. Lines are upper-cased; a text with no '>'
/// header throws std::runtime_error.
std::vector<NamedSequence>
parseFasta(const std::string& text);

/// Every entry of an EMBL flat file: the ID line's name and the SQ block's
/// bases (digits and spaces dropped, upper-cased). Throws std::runtime_error
/// when there is no entry with a sequence.
std::vector<NamedSequence>
parseEmbl(const std::string& text);

/// Non-overlapping windows of `length` bases from each sequence's start,
/// leaving out any window with a letter other than A, C, G, T. With `every`
/// above 1, only each every-th window is kept.
std::vector<std::string>
windowsOf(const std::vector<NamedSequence>& sequences, std::size_t length, std::size_t every = 1);

/// An order-k Markov chain over A, C, G, T, fitted to both strands.
class MarkovBackground
{
public:
  /// Counts (k+1)-mers of `sequences` and their reverse complements, with one
  /// pseudocount each.
  MarkovBackground(const std::vector<std::string>& sequences, int order);

  /// `count` sequences of `length` bases from `seed`.
  std::vector<std::string> generate(std::size_t count, std::size_t length, uint64_t seed) const;

  /// The stationary share of each base, A C G T, from the fitted counts.
  std::vector<double> baseComposition() const;
  int order() const { return m_order; }

private:
  int m_order;
  std::vector<double> m_counts; ///< 4^(order+1) entries, context then next base
};

} // namespace paretolab::engine::dna
