// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>

namespace paretolab::widgets {

/// Moves one coordinate of a point on the probability simplex and keeps it there.
/// weights[index] becomes `value`, clamped to [0, 1 - sum of the OTHER locked weights]; the
/// remaining mass goes to the other unlocked weights in proportion to their current values
/// (equally when those are all 0); locked weights never change. The result sums to 1 within
/// 1e-12 as long as the locked weights sum to at most 1. Returns `weights` unchanged when
/// `index` is out of range or locked, when `value` is not finite, or when no other weight is
/// unlocked. `locked` may be shorter than `weights`: missing entries count as unlocked.
QVector<double>
moveOnSimplex(const QVector<double>& weights, int index, double value, const QVector<bool>& locked);

/// Projects `weights` onto the simplex by clipping negative and non-finite entries to 0 and
/// dividing by the sum; all zeros give the uniform vector, and an empty vector stays empty.
QVector<double>
normalizedOnSimplex(QVector<double> weights);

} // namespace paretolab::widgets
