// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace paretolab::engine {

/// A domain as the registry knows it: its name, a title for menus, and how to
/// build it from a task's `domain_options` (which it parses itself, throwing
/// std::invalid_argument naming the bad option).
struct DomainInfo
{
  std::string name;
  std::string title;
  std::function<std::shared_ptr<Domain>(const nlohmann::json& options)> make;
};

/// Adds a domain; returns true, so that a domain's file registers itself at
/// static initialisation:
/// `const bool registered = registerDomain({"toy", "Toy bit strings", makeToy});`
/// A name registered twice keeps the first.
bool
registerDomain(DomainInfo info);

/// Names of the registered domains, sorted.
std::vector<std::string>
availableDomains();

std::optional<DomainInfo>
domainInfo(const std::string& name);

/// For a domain's options parser: the path in `value`, the option `key` of
/// domain_options. Throws std::invalid_argument when it is not a string or
/// names nothing that exists.
std::string
existingPathOption(const nlohmann::json& value, const std::string& key);

/// The domain called `name`, configured by `options` (null: defaults).
/// Throws std::invalid_argument naming the unknown domain or the bad option.
std::shared_ptr<Domain>
makeDomain(const std::string& name, const nlohmann::json& options = nullptr);

} // namespace paretolab::engine
