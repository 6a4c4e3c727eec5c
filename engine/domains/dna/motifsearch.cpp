// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/dna/motifsearch.h"

#include "domains/dna/nucleotides.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace paretolab::engine::dna {

namespace {

constexpr std::string_view kIupac = "ACGTRYSWKMBDHVN";
constexpr std::size_t kLongestPattern = 100;

/// The IUPAC code of the complementary bases: R (A/G) pairs with Y (C/T), and so on.
char
complementCode(char code)
{
  constexpr std::string_view from = "ACGTRYSWKMBDHVN";
  constexpr std::string_view to = "TGCAYRSWMKVHDBN";
  return to[from.find(code)];
}

bool
fitsAt(std::string_view pattern, std::string_view sequence, std::size_t at)
{
  for (std::size_t i = 0; i < pattern.size(); ++i)
    if (!iupacMatches(pattern[i], sequence[at + i]))
      return false;
  return true;
}

} // namespace

bool
iupacMatches(char code, char base)
{
  switch (code) {
    case 'A':
    case 'C':
    case 'G':
    case 'T':
      return code == base;
    case 'R':
      return base == 'A' || base == 'G';
    case 'Y':
      return base == 'C' || base == 'T';
    case 'S':
      return base == 'C' || base == 'G';
    case 'W':
      return base == 'A' || base == 'T';
    case 'K':
      return base == 'G' || base == 'T';
    case 'M':
      return base == 'A' || base == 'C';
    case 'B':
      return base != 'A' && kIupac.find(base) < 4;
    case 'D':
      return base != 'C' && kIupac.find(base) < 4;
    case 'H':
      return base != 'G' && kIupac.find(base) < 4;
    case 'V':
      return base != 'T' && kIupac.find(base) < 4;
    case 'N':
      return kIupac.find(base) < 4;
    default:
      return false;
  }
}

MotifQuery
parseMotifQuery(const std::string& query, const std::vector<Motif>& motifs)
{
  const std::string wanted = upperCase(query);
  if (wanted.empty())
    throw std::invalid_argument("an empty search");
  for (const auto& motif : motifs)
    if (upperCase(motif.name) == wanted || upperCase(motif.id) == wanted)
      return { &motif, {} };
  if (wanted.size() > kLongestPattern)
    throw std::invalid_argument("a pattern of at most " + std::to_string(kLongestPattern) +
                                " bases");
  if (wanted.find_first_not_of(kIupac) == std::string::npos)
    return { nullptr, wanted };
  throw std::invalid_argument("\"" + query +
                              "\" is neither a JASPAR motif of the loaded set (e.g. GATA1, "
                              "HNF4A, SOX2) nor bases in IUPAC letters (e.g. WGATAR)");
}

std::vector<MotifSite>
findMotifQuery(const MotifQuery& query, std::string_view sequence)
{
  if (query.motif)
    return motifHits(*query.motif, sequence);
  const std::string& forward = query.pattern;
  std::string reverse(forward.rbegin(), forward.rend());
  std::transform(reverse.begin(), reverse.end(), reverse.begin(), complementCode);
  const bool palindrome = reverse == forward;
  std::vector<MotifSite> sites;
  for (std::size_t at = 0; at + forward.size() <= sequence.size(); ++at) {
    if (fitsAt(forward, sequence, at))
      sites.push_back({ at, +1, 0.0 });
    if (!palindrome && fitsAt(reverse, sequence, at))
      sites.push_back({ at, -1, 0.0 });
  }
  return sites;
}

} // namespace paretolab::engine::dna
