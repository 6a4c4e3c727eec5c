// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace paretolab::engine {

/// $XDG_CACHE_HOME/paretolab, or ~/.cache/paretolab: priors, xTB results, fetched data.
std::string
defaultCacheDirectory();

/// $XDG_DATA_HOME/paretolab, or ~/.local/share/paretolab: the run database.
std::string
defaultDataDirectory();

/// Where the shipped data (priors and their held-out sets) is looked for, in
/// order: $PARETOLAB_RESOURCES; share/paretolab beside the program's bin/
/// folder (an installed copy); the source tree's resources/, for the programs
/// of the build tree only.
std::vector<std::string>
resourceDirectories();

/// The first resourceDirectories() entry holding `relativePath`, joined with
/// it; empty when none does.
std::string
findResource(const std::string& relativePath);

/// Where the corpora that scripts/setup fetches or extracts are looked for, in
/// order: $PARETOLAB_DATA_DIR; the cache's data/ (scripts/fetch-chembl,
/// scripts/fetch-summaries); /usr/local/share/paretolab/data (what setup
/// extracts from Debian packages); data/ among resourceDirectories() (what an
/// installed copy ships, docs/packaging.md).
std::vector<std::string>
dataDirectories();

/// The first dataDirectories() entry holding `relativePath`, joined with it;
/// empty when none does.
std::string
findDataFile(const std::string& relativePath);

} // namespace paretolab::engine
