// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/moleculecorpus.h"

#include "core/runtime.h"
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
  // Read the first fields, canonicalise them over all cores (RDKit's parser is
  // nearly all of the cost: ~40 s for ChEMBL's 500,000 on one core), then
  // filter in file order.
  std::vector<std::string> fields;
  bool firstLine = true;
  for (std::string line; std::getline(in, line);) {
    const auto end = line.find_first_of(" \t,\r");
    std::string field = line.substr(0, end);
    const bool header = firstLine && field.size() == 6 &&
                        std::equal(field.begin(), field.end(), "smiles", [](char a, char b) {
                          return std::tolower(static_cast<unsigned char>(a)) == b;
                        });
    firstLine = false;
    if (!field.empty() && !header)
      fields.push_back(std::move(field));
  }
  std::vector<std::string> canonical(fields.size());
  parallelFor(fields.size(), [&](size_t i) { canonical[i] = canonicalSmiles(fields[i]); });

  CorpusReport counts;
  counts.lines = fields.size();
  std::vector<std::string> molecules;
  std::unordered_set<std::string> seen;
  for (auto& form : canonical) {
    if (form.empty())
      ++counts.invalid;
    else if (form.find('.') != std::string::npos)
      ++counts.multiComponent;
    else if (form.size() > maxLength)
      ++counts.tooLong;
    else if (!seen.insert(form).second)
      ++counts.duplicates;
    else
      molecules.push_back(std::move(form));
  }
  counts.kept = molecules.size();
  if (report)
    *report = counts;
  return molecules;
}

} // namespace paretolab::engine
