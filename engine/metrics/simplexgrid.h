// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <vector>

namespace paretolab::engine {

/// Every weight vector over `objectives` whose entries are multiples of
/// 1 / `divisions` and sum to 1, the first objective's weight falling:
/// a Rewarded-Soups sweep. C(divisions + objectives - 1, objectives - 1) points.
std::vector<std::vector<double>>
simplexGrid(std::size_t objectives, int divisions);

} // namespace paretolab::engine
