// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domainregistry.h"

#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>

namespace paretolab::engine {

namespace {

struct Registry
{
  std::mutex mutex;
  std::map<std::string, DomainInfo> domains;
};

Registry&
registry()
{
  static Registry instance;
  return instance;
}

} // namespace

bool
registerDomain(DomainInfo info)
{
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  r.domains.emplace(info.name, std::move(info));
  return true;
}

std::vector<std::string>
availableDomains()
{
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  std::vector<std::string> names;
  for (const auto& [name, info] : r.domains)
    names.push_back(name);
  return names;
}

std::optional<DomainInfo>
domainInfo(const std::string& name)
{
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  auto found = r.domains.find(name);
  if (found == r.domains.end())
    return std::nullopt;
  return found->second;
}

std::shared_ptr<Domain>
makeDomain(const std::string& name, const nlohmann::json& options)
{
  const auto& json = options.is_null() ? nlohmann::json::object() : options;
  if (!json.is_object())
    throw std::invalid_argument("domain_options must be an object");
  const auto info = domainInfo(name);
  if (!info) {
    std::string known;
    for (const auto& domain : availableDomains())
      known += (known.empty() ? "" : ", ") + domain;
    throw std::invalid_argument("unknown domain '" + name + "' (available: " + known + ")");
  }
  return info->make(json);
}

std::string
existingPathOption(const nlohmann::json& value, const std::string& key)
{
  if (!value.is_string())
    throw std::invalid_argument("domain_options." + key + ": must be a path");
  const auto path = value.get<std::string>();
  if (!std::filesystem::exists(path))
    throw std::invalid_argument("domain_options." + key + ": " + path + " does not exist");
  return path;
}

} // namespace paretolab::engine
