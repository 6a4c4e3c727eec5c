// SPDX-License-Identifier: GPL-3.0-or-later
// Registers the DNA domain, reads its domain_options and finds its data files.

#include "core/domainregistry.h"
#include "core/paths.h"
#include "domains/dna/dnadomain.h"

#include <filesystem>
#include <stdexcept>

namespace paretolab::engine {

namespace {

/// A data file the DNA domain reads, and the Debian package it comes from.
struct DataFile
{
  const char* name;
  const char* package;
  const char* debianPath; ///< where the package installs it
};

const DataFile kHumanEmbl{ "hum1.dat", "emboss-test", "/usr/share/EMBOSS/test/embl/hum1.dat" };
const DataFile kDrosophila{ "dm3_upstream2000.fa.gz",
                            "r-bioc-biostrings",
                            "/usr/lib/R/site-library/Biostrings/extdata/dm3_upstream2000.fa.gz" };
const DataFile kMotifs{ "pfm_vertebrates.txt",
                        "r-bioc-pwmenrich",
                        "/usr/lib/R/site-library/PWMEnrich/extdata/pfm_vertebrates.txt" };

/// Where scripts/setup extracts the file or an installed copy ships it
/// (core/paths.h: dataDirectories), else where the file's own package puts it.
std::string
locate(const DataFile& file)
{
  if (auto found = findDataFile(file.name); !found.empty())
    return found;
  if (std::filesystem::exists(file.debianPath))
    return file.debianPath;
  throw std::invalid_argument(std::string("the DNA domain needs ") + file.name + " (Debian " +
                              file.package +
                              "): run scripts/setup, which extracts it, or name "
                              "the file in domain_options");
}

std::shared_ptr<Domain>
makeDna(const nlohmann::json& json)
{
  DnaDomain::Options options;
  const auto positive = [](const nlohmann::json& value) {
    return value.is_number_integer() && value.get<int64_t>() > 0;
  };
  for (const auto& [key, value] : json.items()) {
    if (key == "length" && positive(value))
      options.length = value.get<std::size_t>();
    else if (key == "human_embl")
      options.humanEmblPath = existingPathOption(value, key);
    else if (key == "drosophila_fasta")
      options.drosophilaPath = existingPathOption(value, key);
    else if (key == "motifs")
      options.motifsPath = existingPathOption(value, key);
    else if (key == "drosophila_every" && value.is_number_integer() && value.get<int64_t>() >= 0)
      options.drosophilaEvery = value.get<std::size_t>();
    else if (key == "markov_windows" && value.is_number_integer() && value.get<int64_t>() >= 0)
      options.markovWindows = value.get<std::size_t>();
    else if (key == "markov_order" && value.is_number_integer() && value.get<int>() >= 0 &&
             value.get<int>() <= 8)
      options.markovOrder = value.get<int>();
    else if (key == "kmer" && value.is_number_integer() && value.get<int>() >= 1 &&
             value.get<int>() <= 8)
      options.kmer = value.get<int>();
    else if (key == "seed" && value.is_number_unsigned())
      options.seed = value.get<uint64_t>();
    else
      throw std::invalid_argument(
        "domain_options." + key +
        ": unknown or invalid (DNA takes length, kmer (1-8), human_embl, drosophila_fasta, "
        "motifs, drosophila_every, markov_windows, markov_order (0-8), seed)");
  }
  if (options.humanEmblPath.empty())
    options.humanEmblPath = locate(kHumanEmbl);
  if (options.motifsPath.empty())
    options.motifsPath = locate(kMotifs);
  if (options.drosophilaPath.empty() && options.drosophilaEvery > 0)
    options.drosophilaPath = locate(kDrosophila);
  return std::make_shared<DnaDomain>(options);
}

const bool kDnaRegistered =
  registerDomain({ "dna", "DNA enhancers (motif-grammar proxy)", makeDna });

} // namespace

} // namespace paretolab::engine
