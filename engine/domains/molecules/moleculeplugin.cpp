// SPDX-License-Identifier: GPL-3.0-or-later
// Registers the molecule domain and reads its domain_options.

#include "core/domainregistry.h"
#include "core/paths.h"
#include "domains/molecules/moleculedomain.h"

#include <filesystem>
#include <stdexcept>

namespace paretolab::engine {

namespace {

constexpr const char* kChemblCorpusName = "chembl-21-500k.smi";

/// The 500k ChEMBL-21 SMILES: where scripts/fetch-chembl leaves them (the
/// cache's data folder) or an installed copy ships them (core/paths.h); the
/// cache's path when neither has them, for the message.
std::string
chemblCorpusPath()
{
  const auto found = findDataFile(kChemblCorpusName);
  return found.empty() ? defaultCacheDirectory() + "/data/" + kChemblCorpusName : found;
}

/// A corpus name ("nci", "chembl") or a path, as a path.
std::string
corpusPath(const std::string& corpus)
{
  return corpus == "nci"      ? std::string(kNciCorpusPath)
         : corpus == "chembl" ? chemblCorpusPath()
                              : corpus;
}

std::shared_ptr<Domain>
makeMolecules(const nlohmann::json& json)
{
  MoleculeDomain::Options options;
  options.quantum.cachePath = defaultCacheDirectory() + "/xtb.sqlite";
  options.corpusCacheDirectory = defaultCacheDirectory() + "/corpora";
  for (const auto& [key, value] : json.items()) {
    if (key == "corpus" && (value.is_string() || value.is_array())) {
      options.corpusPaths.clear();
      for (const auto& corpus : value.is_string() ? nlohmann::json::array({ value }) : value) {
        if (!corpus.is_string())
          throw std::invalid_argument("domain_options.corpus: each corpus is a name or a path");
        options.corpusPaths.push_back(corpusPath(corpus.get<std::string>()));
      }
      if (options.corpusPaths.empty())
        throw std::invalid_argument("domain_options.corpus: name at least one corpus");
    } else if (key == "max_heavy_atoms" && value.is_number_integer() && value.get<int64_t>() >= 0) {
      options.maxHeavyAtoms = value.get<size_t>();
    } else if (key == "elements" && value.is_string()) {
      options.elements = value.get<std::string>();
    } else if (key == "max_length" && value.is_number_integer() && value.get<int64_t>() > 0) {
      options.maxSmilesLength = value.get<size_t>();
    } else if (key == "xtb_cache" && value.is_string()) {
      options.quantum.cachePath = value.get<std::string>();
    } else if (key == "xtb_timeout" && value.is_number() && value.get<double>() > 0) {
      options.quantum.timeoutSeconds = value.get<double>();
    } else if (key == "xtb_threads" && value.is_number_integer() && value.get<int64_t>() > 0) {
      options.quantum.threads = value.get<int>();
    } else {
      throw std::invalid_argument("domain_options." + key +
                                  ": unknown or invalid (molecules take corpus: \"nci\", "
                                  "\"chembl\", a path, or a list of them; max_length; "
                                  "max_heavy_atoms; elements, e.g. \"C,N,O,F\"; xtb_cache; "
                                  "xtb_timeout; xtb_threads)");
    }
  }
  if (options.quantum.cachePath == defaultCacheDirectory() + "/xtb.sqlite") {
    std::error_code ignored; // an unwritable cache shows when quantum objectives first run
    std::filesystem::create_directories(defaultCacheDirectory(), ignored);
  }
  for (const auto& path : options.corpusPaths)
    if (!std::filesystem::exists(path))
      throw std::invalid_argument(
        "domain_options.corpus: " + path + " does not exist" +
        (path == chemblCorpusPath() ? " (run scripts/fetch-chembl first)" : ""));
  return std::make_shared<MoleculeDomain>(options);
}

const bool kMoleculesRegistered =
  registerDomain({ "molecules", "Molecules (SMILES)", makeMolecules });

} // namespace

} // namespace paretolab::engine
