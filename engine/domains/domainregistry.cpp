// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/domainregistry.h"

#include "domains/toy/toydomain.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace paretolab::engine {

namespace {

std::shared_ptr<Domain>
makeToy(const nlohmann::json& json)
{
  ToyDomain::Options options;
  for (const auto& [key, value] : json.items()) {
    if (!value.is_number_integer())
      throw std::invalid_argument("domain_options." + key + " must be an integer");
    if (key == "length")
      options.length = value.get<int>();
    else if (key == "corpus_size")
      options.corpusSize = value.get<int>();
    else if (key == "seed")
      options.seed = value.get<uint64_t>();
    else
      throw std::invalid_argument("domain_options: the toy domain has no option '" + key +
                                  "' (length, corpus_size, seed)");
  }
  return std::make_shared<ToyDomain>(options);
}

} // namespace

std::vector<std::string>
availableDomains()
{
  return { "toy" };
}

std::shared_ptr<Domain>
makeDomain(const std::string& name, const nlohmann::json& options)
{
  const auto& json = options.is_null() ? nlohmann::json::object() : options;
  if (!json.is_object())
    throw std::invalid_argument("domain_options must be an object");
  if (name == "toy")
    return makeToy(json);
  std::string known;
  for (const auto& domain : availableDomains())
    known += (known.empty() ? "" : ", ") + domain;
  throw std::invalid_argument("unknown domain '" + name + "' (available: " + known + ")");
}

} // namespace paretolab::engine
