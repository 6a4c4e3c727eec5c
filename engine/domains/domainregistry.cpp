// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/domainregistry.h"

#include "domains/molecules/moleculedomain.h"
#include "domains/toy/toydomain.h"
#include "train/priorcache.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <limits>
#include <stdexcept>

namespace paretolab::engine {

namespace {

std::shared_ptr<Domain>
makeToy(const nlohmann::json& json)
{
  ToyDomain::Options options;
  for (const auto& [key, value] : json.items()) {
    auto integer = [&](int64_t low, int64_t high) {
      if (!value.is_number_integer() || value.get<int64_t>() < low || value.get<int64_t>() > high)
        throw std::invalid_argument("domain_options." + key + " must be an integer from " +
                                    std::to_string(low) + " to " + std::to_string(high) + ", got " +
                                    value.dump());
      return value.get<int64_t>();
    };
    if (key == "length")
      options.length = int(integer(2, 64));
    else if (key == "corpus_size")
      options.corpusSize = int(integer(2, 10'000'000));
    else if (key == "seed")
      options.seed = uint64_t(integer(0, std::numeric_limits<int64_t>::max()));
    else
      throw std::invalid_argument("domain_options: the toy domain has no option '" + key +
                                  "' (length, corpus_size, seed)");
  }
  return std::make_shared<ToyDomain>(options);
}

std::shared_ptr<Domain>
makeMolecules(const nlohmann::json& json)
{
  MoleculeDomain::Options options;
  options.quantum.cachePath = defaultCacheDirectory() + "/xtb.sqlite";
  for (const auto& [key, value] : json.items()) {
    if (key == "corpus" && value.is_string()) {
      const auto corpus = value.get<std::string>();
      options.corpusPath = corpus == "nci"      ? std::string(kNciCorpusPath)
                           : corpus == "chembl" ? chemblCorpusPath()
                                                : corpus;
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
                                  "\"chembl\" or a path; max_length; xtb_cache; xtb_timeout; "
                                  "xtb_threads)");
    }
  }
  if (!std::filesystem::exists(options.corpusPath))
    throw std::invalid_argument(
      "domain_options.corpus: " + options.corpusPath + " does not exist" +
      (options.corpusPath == chemblCorpusPath() ? " (run scripts/fetch-chembl first)" : ""));
  return std::make_shared<MoleculeDomain>(options);
}

} // namespace

std::string
chemblCorpusPath()
{
  return defaultCacheDirectory() + "/data/chembl-21-500k.smi";
}

std::vector<std::string>
availableDomains()
{
  return { "molecules", "toy" };
}

std::shared_ptr<Domain>
makeDomain(const std::string& name, const nlohmann::json& options)
{
  const auto& json = options.is_null() ? nlohmann::json::object() : options;
  if (!json.is_object())
    throw std::invalid_argument("domain_options must be an object");
  if (name == "toy")
    return makeToy(json);
  if (name == "molecules")
    return makeMolecules(json);
  std::string known;
  for (const auto& domain : availableDomains())
    known += (known.empty() ? "" : ", ") + domain;
  throw std::invalid_argument("unknown domain '" + name + "' (available: " + known + ")");
}

} // namespace paretolab::engine
