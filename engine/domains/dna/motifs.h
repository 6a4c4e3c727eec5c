// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Transcription-factor motifs: JASPAR count matrices, their log-odds, and
// scanning a sequence on both strands.

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace paretolab::engine::dna {

/// A position weight matrix: per position, the log-odds (bits) of A, C, G, T
/// against a background, from JASPAR counts.
struct Motif
{
  std::string id;   ///< "MA0035.3"
  std::string name; ///< "Gata1"
  std::vector<std::array<double, 4>> counts;
  std::vector<std::array<double, 4>> logOdds;

  std::size_t width() const { return counts.size(); }
  double maxScore() const;
  double minScore() const;
  /// The most likely base at each position (IUPAC-free).
  std::string consensus() const;
  /// The letter probabilities at each position (with the pseudocount).
  std::vector<std::array<double, 4>> probabilities() const;
};

/// Every matrix of a JASPAR "pfm" text: a `>ID name` line, then four rows of
/// counts for A, C, G and T. Throws std::runtime_error naming the line of a
/// malformed matrix.
std::vector<Motif>
parseJaspar(const std::string& text);

/// Sets `motif.logOdds`: log2(p / background) with p = (count + pseudocount *
/// background) / (column total + pseudocount), as TFBSTools' toPWM does.
void
computeLogOdds(Motif& motif, const std::array<double, 4>& background, double pseudocount = 0.8);

/// A motif's score at one place of a sequence, on one strand.
struct MotifSite
{
  std::size_t position = 0; ///< start, on the forward strand
  int strand = +1;          ///< +1 forward, -1 reverse
  double score = 0.0;       ///< bits
};

/// The score of every window on both strands. A reverse-strand site at p is
/// the motif read on the reverse complement of sequence[p, p + width).
/// Windows with a letter other than A, C, G, T are left out.
std::vector<MotifSite>
scanBothStrands(const Motif& motif, std::string_view sequence);

/// A soft maximum of the motif's scores over positions and both strands:
/// log2 of the sum of 2^score. One strong site counts about as its score;
/// several add up. -infinity when no window was scored.
double
occupancy(const Motif& motif, std::string_view sequence);

/// The sites scoring at least `relativeThreshold` of the way from the
/// motif's lowest to its highest possible score (0.85 as JASPAR's scans do).
std::vector<MotifSite>
motifHits(const Motif& motif, std::string_view sequence, double relativeThreshold = 0.85);

/// The motif's sequence logo (information content in bits) as SVG.
std::string
logoSvg(const Motif& motif);

} // namespace paretolab::engine::dna
