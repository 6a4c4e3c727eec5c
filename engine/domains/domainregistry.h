// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>
#include <vector>

namespace paretolab::engine {

/// Names of the domains this build provides.
std::vector<std::string>
availableDomains();

/// Where scripts/fetch-chembl leaves the 500k ChEMBL-21 SMILES: the cache's data folder.
std::string
chemblCorpusPath();

/// The domain called `name`, configured by `options` (its task-file section).
/// Throws std::invalid_argument naming the unknown domain or bad option.
std::shared_ptr<Domain>
makeDomain(const std::string& name, const nlohmann::json& options);

} // namespace paretolab::engine
