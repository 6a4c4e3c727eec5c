// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/moleculecorpus.h"

#include "core/atomicfile.h"
#include "core/runtime.h"
#include "domains/molecules/smiles.h"

#include <GraphMol/SmilesParse/SmilesWrite.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <unordered_set>

namespace paretolab::engine {

namespace {

/// The first field of each line of `path`, less a "smiles" header.
std::vector<std::string>
readFirstFields(const std::string& path)
{
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read the molecule corpus " + path);
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
  return fields;
}

/// Whether `mol` has at most `filter.maxHeavyAtoms` heavy atoms, all of `filter.elements`.
bool
passesFilter(const RDKit::ROMol& mol, const CorpusFilter& filter)
{
  if (filter.maxHeavyAtoms > 0 && mol.getNumHeavyAtoms() > filter.maxHeavyAtoms)
    return false;
  if (filter.elements.empty())
    return true;
  const auto allowed = "," + filter.elements + ",";
  for (const auto* atom : mol.atoms())
    if (allowed.find("," + atom->getSymbol() + ",") == std::string::npos)
      return false;
  return true;
}

constexpr const char* kFilteredOut = "\x01"; // no SMILES holds it

} // namespace

std::vector<std::string>
loadMoleculeCorpus(const std::vector<std::string>& paths,
                   const CorpusFilter& filter,
                   CorpusReport* report)
{
  std::vector<std::string> fields;
  for (const auto& path : paths)
    for (auto& field : readFirstFields(path))
      fields.push_back(std::move(field));
  // Canonicalise over all cores (RDKit's parser is nearly all of the cost:
  // ~40 s for ChEMBL's 500,000 on one core), then filter in file order.
  std::vector<std::string> canonical(fields.size());
  parallelFor(fields.size(), [&](size_t i) {
    if (auto mol = parseSmiles(fields[i]))
      canonical[i] = passesFilter(*mol, filter) ? RDKit::MolToSmiles(*mol) : kFilteredOut;
  });

  CorpusReport counts;
  counts.lines = fields.size();
  std::vector<std::string> molecules;
  std::unordered_set<std::string> seen;
  for (auto& form : canonical) {
    if (form.empty())
      ++counts.invalid;
    else if (form.find('.') != std::string::npos)
      ++counts.multiComponent;
    else if (form == kFilteredOut)
      ++counts.filtered;
    else if (form.size() > filter.maxLength)
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

std::vector<std::string>
loadMoleculeCorpus(const std::string& path, std::size_t maxLength, CorpusReport* report)
{
  return loadMoleculeCorpus(
    std::vector<std::string>{ path }, CorpusFilter{ .maxLength = maxLength }, report);
}

namespace {

constexpr const char* kCacheMagic = "paretolab-molecule-corpus 2";

std::optional<std::vector<std::string>>
readCachedCorpus(const std::string& cacheFile, CorpusReport& report)
{
  std::ifstream in(cacheFile);
  std::string magic;
  if (!in || !std::getline(in, magic) || magic != kCacheMagic)
    return std::nullopt;
  CorpusReport counts;
  if (!(in >> counts.lines >> counts.kept >> counts.invalid >> counts.multiComponent >>
        counts.tooLong >> counts.duplicates >> counts.filtered))
    return std::nullopt;
  in.ignore(1); // the line's end
  std::vector<std::string> molecules;
  molecules.reserve(counts.kept);
  for (std::string line; std::getline(in, line);)
    molecules.push_back(std::move(line));
  if (molecules.size() != counts.kept)
    return std::nullopt; // cut short: read the corpus again
  report = counts;
  return molecules;
}

} // namespace

std::vector<std::string>
loadMoleculeCorpusCached(const std::vector<std::string>& paths,
                         const CorpusFilter& filter,
                         const std::string& cacheFile,
                         CorpusReport* report)
{
  CorpusReport counts;
  if (auto cached = readCachedCorpus(cacheFile, counts)) {
    if (report)
      *report = counts;
    return std::move(*cached);
  }
  auto molecules = loadMoleculeCorpus(paths, filter, &counts);
  std::string text = std::string(kCacheMagic) + "\n" + std::to_string(counts.lines) + " " +
                     std::to_string(counts.kept) + " " + std::to_string(counts.invalid) + " " +
                     std::to_string(counts.multiComponent) + " " + std::to_string(counts.tooLong) +
                     " " + std::to_string(counts.duplicates) + " " +
                     std::to_string(counts.filtered) + "\n";
  for (const auto& molecule : molecules)
    text += molecule + "\n";
  try {
    std::filesystem::create_directories(std::filesystem::path(cacheFile).parent_path());
    writeFileAtomically(cacheFile, text);
  } catch (const std::exception&) {
    // No cache this time; the corpus is read again next time.
  }
  if (report)
    *report = counts;
  return molecules;
}

} // namespace paretolab::engine
