// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace paretolab::engine {

/// $XDG_CACHE_HOME/paretolab, or ~/.cache/paretolab: priors, xTB results, fetched data.
std::string
defaultCacheDirectory();

/// $XDG_DATA_HOME/paretolab, or ~/.local/share/paretolab: the run database.
std::string
defaultDataDirectory();

} // namespace paretolab::engine
