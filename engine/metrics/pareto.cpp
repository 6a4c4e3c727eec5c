// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/pareto.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace paretolab::engine {

namespace {

// The hypervolume recursion only ever drops trailing objectives, so it works on pointers
// into the caller's points and reads their first `dims` coordinates: no copies.
using PointRefs = std::vector<const ObjectivePoint*>;

void
requireSameSize(const std::vector<ObjectivePoint>& points, std::size_t size, const char* what)
{
  for (const auto& p : points)
    if (p.size() != size)
      throw std::invalid_argument(std::string(what) + ": points have " + std::to_string(p.size()) +
                                  " and " + std::to_string(size) + " objectives");
}

// Order for the 2-D sweep: x descending, so each point can only add the strip between
// the highest y seen so far and its own y; the order among equal x does not matter.
bool
sweepOrder(const ObjectivePoint* a, const ObjectivePoint* b)
{
  return (*a)[0] > (*b)[0];
}

// Area dominated by points already in sweepOrder and strictly above the reference.
double
sweptArea(const PointRefs& sorted, const ObjectivePoint& reference)
{
  double area = 0.0;
  double top = reference[1];
  for (const auto* p : sorted) {
    if ((*p)[1] > top) {
      area += ((*p)[0] - reference[0]) * ((*p)[1] - top);
      top = (*p)[1];
    }
  }
  return area;
}

// Volume in the first `dims` objectives of points that all strictly exceed the reference.
// Slices along the last objective: between two consecutive distinct levels the cross
// section is the (dims-1)-dimensional volume of every point at or above the upper level.
double
slicedVolume(PointRefs points, std::size_t dims, const ObjectivePoint& reference)
{
  if (dims == 1) {
    double best = 0.0;
    for (const auto* p : points)
      best = std::max(best, (*p)[0] - reference[0]);
    return best;
  }
  if (dims == 2) {
    std::sort(points.begin(), points.end(), sweepOrder);
    return sweptArea(points, reference);
  }

  const std::size_t last = dims - 1;
  std::sort(points.begin(), points.end(), [last](const auto* a, const auto* b) {
    return (*a)[last] > (*b)[last];
  });
  // In 3-D the active set is kept in sweep order by insertion, so every slice's area is
  // a linear pass instead of a fresh sort.
  const bool keepSwept = dims == 3;
  PointRefs active;
  active.reserve(points.size());
  double volume = 0.0;
  for (std::size_t i = 0; i < points.size();) {
    const double level = (*points[i])[last];
    for (; i < points.size() && (*points[i])[last] == level; ++i) {
      if (keepSwept)
        active.insert(std::upper_bound(active.begin(), active.end(), points[i], sweepOrder),
                      points[i]);
      else
        active.push_back(points[i]);
    }
    const double below = i < points.size() ? (*points[i])[last] : reference[last];
    const double section =
      keepSwept ? sweptArea(active, reference) : slicedVolume(active, dims - 1, reference);
    volume += section * (level - below);
  }
  return volume;
}

// Drops dominated points and repeated copies; the slicing recursion is exponential in
// the dimension, so every point removed up front saves a whole sub-recursion.
PointRefs
withoutDominated(const PointRefs& points)
{
  PointRefs kept;
  for (std::size_t i = 0; i < points.size(); ++i) {
    bool drop = false;
    for (std::size_t j = 0; j < points.size() && !drop; ++j) {
      if (j == i)
        continue;
      drop = dominates(*points[j], *points[i]) || (j < i && *points[j] == *points[i]);
    }
    if (!drop)
      kept.push_back(points[i]);
  }
  return kept;
}

} // namespace

bool
dominates(const ObjectivePoint& a, const ObjectivePoint& b)
{
  if (a.size() != b.size())
    throw std::invalid_argument("dominates: points have " + std::to_string(a.size()) + " and " +
                                std::to_string(b.size()) + " objectives");
  bool strictlyBetter = false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (a[k] < b[k])
      return false;
    if (a[k] > b[k])
      strictlyBetter = true;
  }
  return strictlyBetter;
}

std::vector<std::size_t>
nonDominatedIndices(const std::vector<ObjectivePoint>& points)
{
  if (points.empty())
    return {};
  requireSameSize(points, points.front().size(), "nonDominatedIndices");
  std::vector<std::size_t> indices;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const bool dominated = std::any_of(points.begin(), points.end(), [&](const ObjectivePoint& q) {
      return dominates(q, points[i]);
    });
    if (!dominated)
      indices.push_back(i);
  }
  return indices;
}

double
hypervolume(const std::vector<ObjectivePoint>& points, const ObjectivePoint& reference)
{
  const std::size_t dims = reference.size();
  if (dims == 0)
    throw std::invalid_argument("hypervolume: the reference point has no objectives");
  requireSameSize(points, dims, "hypervolume");

  // Clipping first lets every algorithm below assume all coordinates exceed the
  // reference, so no box has a negative side.
  PointRefs above;
  above.reserve(points.size());
  for (const auto& p : points) {
    bool exceeds = true;
    for (std::size_t k = 0; k < dims && exceeds; ++k)
      exceeds = p[k] > reference[k];
    if (exceeds)
      above.push_back(&p);
  }
  if (above.empty())
    return 0.0;
  if (dims >= 4)
    above = withoutDominated(above);
  return slicedVolume(std::move(above), dims, reference);
}

std::vector<double>
hypervolumeContributions(const std::vector<ObjectivePoint>& points, const ObjectivePoint& reference)
{
  const double whole = hypervolume(points, reference);
  std::vector<double> contributions;
  contributions.reserve(points.size());
  for (size_t i = 0; i < points.size(); ++i) {
    std::vector<ObjectivePoint> others;
    others.reserve(points.size() - 1);
    for (size_t j = 0; j < points.size(); ++j)
      if (j != i)
        others.push_back(points[j]);
    // Clamped: floating-point sums of equal volumes may differ in the last bit.
    contributions.push_back(std::max(0.0, whole - hypervolume(others, reference)));
  }
  return contributions;
}

double
sparsity(const std::vector<ObjectivePoint>& front)
{
  if (front.size() < 2)
    return 0.0;
  const std::size_t dims = front.front().size();
  requireSameSize(front, dims, "sparsity");
  double sum = 0.0;
  std::vector<double> values(front.size());
  for (std::size_t j = 0; j < dims; ++j) {
    for (std::size_t i = 0; i < front.size(); ++i)
      values[i] = front[i][j];
    std::sort(values.begin(), values.end());
    for (std::size_t i = 1; i < values.size(); ++i)
      sum += (values[i] - values[i - 1]) * (values[i] - values[i - 1]);
  }
  return sum / double(front.size() - 1);
}

double
inverseCoefficientOfVariation(const std::vector<double>& perObjectiveMeans)
{
  if (perObjectiveMeans.empty())
    throw std::invalid_argument("inverseCoefficientOfVariation: no objectives");
  const double n = double(perObjectiveMeans.size());
  double mean = 0.0;
  for (double v : perObjectiveMeans)
    mean += v;
  mean /= n;

  // Equal values must give a stddev of exactly 0: the rounded mean of {0.1, 0.1, 0.1}
  // differs from 0.1 in the last bit, which would turn "perfectly balanced" into a huge
  // finite ICV instead of infinity.
  const bool allEqual = std::all_of(perObjectiveMeans.begin(),
                                    perObjectiveMeans.end(),
                                    [&](double v) { return v == perObjectiveMeans.front(); });
  if (allEqual) {
    if (perObjectiveMeans.front() == 0.0)
      return 0.0;
    return std::copysign(std::numeric_limits<double>::infinity(), perObjectiveMeans.front());
  }

  double squares = 0.0;
  for (double v : perObjectiveMeans)
    squares += (v - mean) * (v - mean);
  return mean / std::sqrt(squares / n);
}

} // namespace paretolab::engine
