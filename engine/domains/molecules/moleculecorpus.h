// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace paretolab::engine {

/// The default molecule corpus: 4,999 NCI compounds from Debian's rdkit-data.
inline constexpr const char* kNciCorpusPath = "/usr/share/RDKit/Data/NCI/first_5K.smi";

/// What reading a SMILES file kept and dropped, so a user can see the cost of cleaning.
struct CorpusReport
{
  std::size_t lines = 0; ///< non-empty lines read (a "smiles" header excluded)
  std::size_t kept = 0;
  std::size_t invalid = 0;        ///< RDKit could not parse them
  std::size_t multiComponent = 0; ///< salts and mixtures: canonical SMILES with '.'
  std::size_t tooLong = 0;        ///< canonical SMILES longer than the limit
  std::size_t filtered = 0;       ///< an element outside the set, or too many heavy atoms
  std::size_t duplicates = 0;     ///< same canonical SMILES as an earlier line
};

/// Which molecules a corpus keeps.
struct CorpusFilter
{
  std::size_t maxLength = 100;   ///< characters of the canonical SMILES
  std::size_t maxHeavyAtoms = 0; ///< 0: any number
  std::string elements;          ///< element symbols allowed, e.g. "C,N,O,F"; empty: any
};

/// Reads one molecule per line (the first whitespace- or comma-separated field;
/// CRLF endings and a "smiles" header are fine), canonicalises with RDKit,
/// and keeps single-component molecules of at most `maxLength` characters,
/// once each, in file order. Throws std::runtime_error when the file cannot be read.
std::vector<std::string>
loadMoleculeCorpus(const std::string& path, std::size_t maxLength, CorpusReport* report = nullptr);
/// The same over several files, in order, each molecule once, kept by `filter`.
std::vector<std::string>
loadMoleculeCorpus(const std::vector<std::string>& paths,
                   const CorpusFilter& filter,
                   CorpusReport* report = nullptr);

/// loadMoleculeCorpus of several files, kept in `cacheFile`: read back when it is there and
/// whole, else written (atomically) after reading `path`. Canonicalising
/// ChEMBL's 500,000 SMILES takes half a minute; reading them back, a second.
/// The caller names the file after the corpus's bytes, the filter and
/// RDKit's version, which together decide the result. An unwritable cache is
/// not an error.
std::vector<std::string>
loadMoleculeCorpusCached(const std::vector<std::string>& paths,
                         const CorpusFilter& filter,
                         const std::string& cacheFile,
                         CorpusReport* report = nullptr);

} // namespace paretolab::engine
