// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/moleculecorpus.h"

#include "domains/molecules/smiles.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>
#include <unordered_set>

namespace paretolab::engine {

std::vector<std::string>
loadMoleculeCorpus(const std::string& path, std::size_t maxLength, CorpusReport* report)
{
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read the molecule corpus " + path);
  CorpusReport counts;
  std::vector<std::string> molecules;
  std::unordered_set<std::string> seen;
  bool firstLine = true;
  for (std::string line; std::getline(in, line);) {
    const auto end = line.find_first_of(" \t,\r");
    const std::string field = line.substr(0, end);
    const bool header = firstLine && field.size() == 6 &&
                        std::equal(field.begin(), field.end(), "smiles", [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) == b;
                        });
    firstLine = false;
    if (field.empty() || header)
      continue;
    ++counts.lines;
    const auto canonical = canonicalSmiles(field);
    if (canonical.empty())
      ++counts.invalid;
    else if (canonical.find('.') != std::string::npos)
      ++counts.multiComponent;
    else if (canonical.size() > maxLength)
      ++counts.tooLong;
    else if (!seen.insert(canonical).second)
      ++counts.duplicates;
    else
      molecules.push_back(canonical);
  }
  counts.kept = molecules.size();
  if (report)
    *report = counts;
  return molecules;
}

} // namespace paretolab::engine
