// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain.h"

#include <stdexcept>

namespace paretolab::engine {

void
Domain::requireObjective(const std::string& name) const
{
  std::string known;
  for (const auto& objective : objectives()) {
    if (objective.name == name)
      return;
    known += (known.empty() ? "" : ", ") + objective.name;
  }
  throw std::invalid_argument("domain '" + this->name() + "' has no objective '" + name +
                              "' (it has: " + known + ")");
}

} // namespace paretolab::engine
