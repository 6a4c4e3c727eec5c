// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The DNA samples page's search: a JASPAR motif by name, or a pattern in
// IUPAC letters, found on both strands.

#include "domains/dna/motifs.h"

#include <string>
#include <string_view>
#include <vector>

namespace paretolab::engine::dna {

/// A parsed search. Either `motif` is set (a JASPAR name, hits as the GUI
/// marks them), or `pattern` holds upper-case IUPAC letters.
struct MotifQuery
{
  const Motif* motif = nullptr;
  std::string pattern;
};

/// `query` as a motif of `motifs` (by name, any case) or an IUPAC pattern
/// (A C G T R Y S W K M B D H V N, any case). Throws std::invalid_argument
/// saying which it is not.
MotifQuery
parseMotifQuery(const std::string& query, const std::vector<Motif>& motifs);

/// Where `query` occurs in `sequence`, on both strands: for a pattern, every
/// place the pattern or its reverse complement fits (a palindrome once, on the
/// forward strand); for a motif, its hits (motifHits).
std::vector<MotifSite>
findMotifQuery(const MotifQuery& query, std::string_view sequence);

/// Whether the IUPAC letter `code` stands for the base `base` (A, C, G or T).
bool
iupacMatches(char code, char base);

} // namespace paretolab::engine::dna
