// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/atomicfile.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace paretolab::engine {

namespace {

[[noreturn]] void
fail(const std::string& what, const std::string& path)
{
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void
syncDirectory(const std::filesystem::path& directory)
{
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0)
    return; // best effort: some filesystems do not allow it
  ::fsync(fd);
  ::close(fd);
}

} // namespace

void
writeFileAtomically(const std::string& path, std::string_view bytes)
{
  const std::filesystem::path target(path);
  const auto directory = target.has_parent_path() ? target.parent_path() : ".";
  std::filesystem::create_directories(directory);
  std::string name = target.filename().string();
  name.insert(0, 1, '.');
  name += ".XXXXXX";
  std::string temporary = (directory / name).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0)
    fail("cannot create a temporary file for", path);
  size_t written = 0;
  while (written < bytes.size()) {
    const auto n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      ::close(fd);
      ::unlink(temporary.c_str());
      fail("cannot write", path);
    }
    written += size_t(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    ::unlink(temporary.c_str());
    fail("cannot flush", path);
  }
  ::chmod(temporary.c_str(), 0644);
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    fail("cannot replace", path);
  }
  syncDirectory(directory);
}

std::string
readFile(const std::string& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    fail("cannot open", path);
  // A directory opens as a stream but reads as nothing: say so instead.
  if (std::filesystem::is_directory(path))
    throw std::runtime_error("cannot read " + path + ": it is a directory");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

uint64_t
fnv1a64(std::string_view bytes, uint64_t hash)
{
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

} // namespace paretolab::engine
