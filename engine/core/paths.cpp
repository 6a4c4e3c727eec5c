// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/paths.h"

#include <cstdlib>
#include <filesystem>

namespace paretolab::engine {

namespace {

std::string
xdgDirectory(const char* variable, const char* homeRelative, const char* fallback)
{
  if (const char* xdg = std::getenv(variable); xdg && *xdg)
    return std::string(xdg) + "/paretolab";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/" + homeRelative + "/paretolab";
  return (std::filesystem::temp_directory_path() / fallback).string();
}

} // namespace

std::string
defaultCacheDirectory()
{
  return xdgDirectory("XDG_CACHE_HOME", ".cache", "paretolab-cache");
}

std::string
defaultDataDirectory()
{
  return xdgDirectory("XDG_DATA_HOME", ".local/share", "paretolab-data");
}

} // namespace paretolab::engine
