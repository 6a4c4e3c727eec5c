// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzinput.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace paretolab::fuzz {

std::string
writeScratchFile(std::string_view bytes, const std::string& suffix)
{
  const char* tmp = std::getenv("TMPDIR");
  const std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/paretolab-fuzz-" +
                           std::to_string(::getpid()) + suffix;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "fuzz: cannot write the scratch file %s\n", path.c_str());
    std::abort();
  }
  return path;
}

void
removeScratchFiles(const std::string& path)
{
  std::error_code ignored;
  for (const char* companion : { "", "-wal", "-shm", "-journal" })
    std::filesystem::remove(path + companion, ignored);
}

} // namespace paretolab::fuzz
