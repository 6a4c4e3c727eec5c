// SPDX-License-Identifier: GPL-3.0-or-later
#include "simplex.h"

#include <algorithm>
#include <cmath>

namespace paretolab::widgets {

namespace {

bool
isLocked(const QVector<bool>& locked, qsizetype i)
{
  return i < locked.size() && locked[i];
}

} // namespace

QVector<double>
moveOnSimplex(const QVector<double>& weights, int index, double value, const QVector<bool>& locked)
{
  const qsizetype n = weights.size();
  if (index < 0 || index >= n || isLocked(locked, index) || !std::isfinite(value))
    return weights;

  double lockedSum = 0.0;
  double freeSum = 0.0;
  int freeCount = 0;
  for (qsizetype i = 0; i < n; ++i) {
    if (i == index)
      continue;
    if (isLocked(locked, i)) {
      lockedSum += weights[i];
    } else {
      ++freeCount;
      // A negative weight is off the simplex; it takes no share of the mass.
      if (weights[i] > 0.0)
        freeSum += weights[i];
    }
  }
  if (freeCount == 0)
    return weights;

  const double available = std::max(0.0, 1.0 - lockedSum);
  const double moved = std::clamp(value, 0.0, available);
  const double rest = available - moved;

  QVector<double> result = weights;
  result[index] = moved;
  for (qsizetype i = 0; i < n; ++i) {
    if (i == index || isLocked(locked, i))
      continue;
    const double share = weights[i] > 0.0 ? weights[i] : 0.0;
    result[i] = freeSum > 0.0 ? rest * (share / freeSum) : rest / freeCount;
  }

  // Rounding leaves the sum a few ulps off 1; give the residue to the largest unlocked
  // weight, where it cannot push anything below 0.
  double sum = 0.0;
  for (double w : result)
    sum += w;
  qsizetype largest = index;
  for (qsizetype i = 0; i < n; ++i)
    if (!isLocked(locked, i) && result[i] > result[largest])
      largest = i;
  result[largest] = std::max(0.0, result[largest] + (1.0 - sum));
  return result;
}

QVector<double>
normalizedOnSimplex(QVector<double> weights)
{
  double sum = 0.0;
  for (double& w : weights) {
    if (!std::isfinite(w) || w < 0.0)
      w = 0.0;
    sum += w;
  }
  if (weights.isEmpty())
    return weights;
  if (sum <= 0.0) {
    weights.fill(1.0 / double(weights.size()));
    return weights;
  }
  for (double& w : weights)
    w /= sum;
  return weights;
}

} // namespace paretolab::widgets
