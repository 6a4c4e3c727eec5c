// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace RDKit {
class ROMol;
}

namespace paretolab::engine {

/// Synthetic accessibility score (Ertl and Schuffenhauer 2009), from 1 (easy) to 10 (hard): a
/// port of RDKit's Contrib/SA_Score/sascorer.py (RDKit 2022.09.3) with its fragment
/// contributions read from `fpscores.pkl.gz`. Thread-safe: `score` is const and works on a
/// copy of the molecule, so concurrent calls may share one scorer.
class SaScorer
{
public:
  static constexpr const char* kDefaultFpscoresPath =
    "/usr/share/RDKit/Contrib/SA_Score/fpscores.pkl.gz";

  /// Reads the fragment scores. Throws std::runtime_error naming the path when the file is
  /// missing or is not the gzip'd protocol-0 pickle that sascorer.py reads.
  explicit SaScorer(const std::string& fpscoresPath = kDefaultFpscoresPath);

  /// The SA score of `mol`, a sanitized molecule, as sascorer.calculateScore.
  double score(const RDKit::ROMol& mol) const;

  /// The number of distinct Morgan fragment ids that have a score.
  size_t fragmentCount() const { return m_fragmentScores.size(); }

  /// A scorer over the default fragment file, loaded on first use (thread-safe).
  static const SaScorer& shared();

private:
  // Keyed like Python's int keys; Morgan ids are uint32 and fit.
  std::unordered_map<int64_t, double> m_fragmentScores;
};

} // namespace paretolab::engine
