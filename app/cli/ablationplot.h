// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "experimentstats.h"

#include <string>

namespace paretolab::cli {

/// Draws the average reward and the ICV (over samples) of `groups` against
/// m, each with its 95 % interval: MORLHF on the left, IterativeRS's periods
/// in order, RS (m = T) on the right, one line per optimizer choice. Writes
/// `stem`.png and `stem`.svg, off screen (no display is needed). Returns an
/// empty string, or what went wrong.
std::string
writeAblationPlot(const std::vector<GroupedResult>& groups,
                  const std::string& title,
                  const std::string& stem);

} // namespace paretolab::cli
