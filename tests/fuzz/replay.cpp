// SPDX-License-Identifier: GPL-3.0-or-later
// The main of a fuzz target built without libFuzzer (GCC, or a build without
// PARETOLAB_FUZZ): runs every file of the given directories, or the given
// files, through the target once, as `fuzzer -runs=0 dir...` would. The test
// suite replays each target's corpus and regression inputs this way.

#include "fuzzinput.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

std::vector<std::filesystem::path>
inputsOf(const std::filesystem::path& argument)
{
  if (!std::filesystem::is_directory(argument))
    return { argument };
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(argument)) {
    if (entry.is_regular_file())
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

int
main(int argc, char** argv)
{
  size_t replayed = 0;
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] == '-')
      continue; // a libFuzzer flag such as -runs=0
    for (const auto& file : inputsOf(argv[i])) {
      std::ifstream in(file, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
        return 1;
      }
      const std::vector<char> bytes{ std::istreambuf_iterator<char>(in), {} };
      std::fprintf(stderr, "replay: %s\n", file.c_str());
      LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      ++replayed;
    }
  }
  std::printf("replayed %zu inputs\n", replayed);
  return replayed > 0 ? 0 : 1;
}
