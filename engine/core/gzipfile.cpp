// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/gzipfile.h"

#include <zlib.h>

#include <stdexcept>
#include <vector>

namespace paretolab::engine {

std::string
readGzipFile(const std::string& path)
{
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file)
    throw std::runtime_error("cannot open " + path);
  std::string data;
  std::vector<char> buffer(1 << 16);
  int n = 0;
  while ((n = gzread(file, buffer.data(), unsigned(buffer.size()))) > 0)
    data.append(buffer.data(), size_t(n));
  int error = Z_OK;
  const std::string message = n < 0 ? gzerror(file, &error) : "";
  gzclose(file);
  if (n < 0)
    throw std::runtime_error("cannot read " + path + ": " + message);
  return data;
}

} // namespace paretolab::engine
