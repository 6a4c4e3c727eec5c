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
  std::size_t duplicates = 0;     ///< same canonical SMILES as an earlier line
};

/// Reads one molecule per line (the first whitespace- or comma-separated field;
/// CRLF endings and a "smiles" header are fine), canonicalises with RDKit,
/// and keeps single-component molecules of at most `maxLength` characters,
/// once each, in file order. Throws std::runtime_error when the file cannot be read.
std::vector<std::string>
loadMoleculeCorpus(const std::string& path, std::size_t maxLength, CorpusReport* report = nullptr);

} // namespace paretolab::engine
