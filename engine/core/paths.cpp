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

std::vector<std::string>
resourceDirectories()
{
  std::vector<std::string> directories;
  if (const char* variable = std::getenv("PARETOLAB_RESOURCES"); variable && *variable)
    directories.emplace_back(variable);
  std::error_code error;
  const auto program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error)
    directories.push_back((program.parent_path().parent_path() / "share/paretolab").string());
  // Only the build tree's programs read the sources: an installed copy that
  // did the same would hide a file missing from the install.
  std::error_code ignored;
  const auto buildTree = std::filesystem::weakly_canonical(PARETOLAB_BUILD_TREE, ignored);
  if (error || program.string().starts_with(buildTree.string() + "/"))
    directories.emplace_back(PARETOLAB_SOURCE_RESOURCES);
  return directories;
}

namespace {

std::string
findIn(const std::vector<std::string>& directories, const std::string& relativePath)
{
  for (const auto& directory : directories) {
    const auto candidate = std::filesystem::path(directory) / relativePath;
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate, error))
      return candidate.string();
  }
  return {};
}

} // namespace

std::string
findResource(const std::string& relativePath)
{
  return findIn(resourceDirectories(), relativePath);
}

std::vector<std::string>
dataDirectories()
{
  std::vector<std::string> directories;
  if (const char* variable = std::getenv("PARETOLAB_DATA_DIR"); variable && *variable)
    directories.emplace_back(variable);
  directories.push_back(defaultCacheDirectory() + "/data");
  directories.emplace_back("/usr/local/share/paretolab/data");
  for (const auto& resources : resourceDirectories())
    directories.push_back(resources + "/data");
  return directories;
}

std::string
findDataFile(const std::string& relativePath)
{
  return findIn(dataDirectories(), relativePath);
}

} // namespace paretolab::engine
