// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/simplexgrid.h"

#include <stdexcept>

namespace paretolab::engine {

namespace {

void
extend(std::size_t objectives,
       int divisions,
       int remaining,
       std::vector<double>& prefix,
       std::vector<std::vector<double>>& out)
{
  if (prefix.size() + 1 == objectives) {
    prefix.push_back(double(remaining) / divisions);
    out.push_back(prefix);
    prefix.pop_back();
    return;
  }
  for (int k = remaining; k >= 0; --k) {
    prefix.push_back(double(k) / divisions);
    extend(objectives, divisions, remaining - k, prefix, out);
    prefix.pop_back();
  }
}

} // namespace

std::vector<std::vector<double>>
simplexGrid(std::size_t objectives, int divisions)
{
  if (objectives == 0 || divisions < 1)
    throw std::invalid_argument("simplexGrid: needs at least one objective and one division");
  std::vector<std::vector<double>> grid;
  std::vector<double> prefix;
  extend(objectives, divisions, divisions, prefix, grid);
  return grid;
}

} // namespace paretolab::engine
