// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Pure multi-objective metrics. Every objective is MAXIMIZED throughout: a policy's
// point is its vector of mean rewards, and larger is better in each coordinate.

#include <cstddef>
#include <vector>

namespace paretolab::engine {

/// One policy's objective values, one coordinate per objective.
using ObjectivePoint = std::vector<double>;

/// True when `a` Pareto-dominates `b` under maximization: `a` is at least as good in
/// every objective and strictly better in at least one, so equal points do not dominate
/// each other. Throws std::invalid_argument when the two points differ in size.
bool
dominates(const ObjectivePoint& a, const ObjectivePoint& b);

/// Ascending indices of the points that no other point dominates (maximization). Exact
/// duplicates are all kept, because neither copy dominates the other; callers that want a
/// set without repeats must deduplicate themselves. O(n^2 d). Throws std::invalid_argument
/// when the points differ in size.
std::vector<std::size_t>
nonDominatedIndices(const std::vector<ObjectivePoint>& points);

/// Exact hypervolume (maximization) of the union of the boxes [reference, p] over all
/// points p, i.e. the volume dominated by the set and bounded below by `reference`. A
/// point that does not strictly exceed the reference in every objective adds no volume,
/// so the result never depends on how far below the reference a point lies. Dominated
/// points and duplicates are harmless. The empty set has volume 0; in one dimension the
/// result is max(p - reference, 0). Cost: O(n log n) in 2-D, O(n^2) in 3-D, and
/// recursive slicing (HSO, about O(n^(d-1))) for d >= 4, which suits n up to ~100.
/// Throws std::invalid_argument when the reference is empty or a point's size differs
/// from the reference's.
double
hypervolume(const std::vector<ObjectivePoint>& points, const ObjectivePoint& reference);

/// Each point's exclusive hypervolume contribution: the volume lost when it alone is
/// removed from the set, HV(P) - HV(P \ {p}). Dominated points and points equal to
/// another contribute 0. Throws as hypervolume() does.
std::vector<double>
hypervolumeContributions(const std::vector<ObjectivePoint>& points,
                         const ObjectivePoint& reference);

/// Sparsity of a Pareto front as defined by PGMORL (Xu et al., ICML 2020):
/// Sp(P) = 1/(|P|-1) * sum_j sum_i (P~_j(i) - P~_j(i+1))^2, where P~_j holds the
/// front's values of objective j in sorted order. Lower means a denser, more even front;
/// it is 0 for fewer than two points. Throws std::invalid_argument when the points
/// differ in size.
double
sparsity(const std::vector<ObjectivePoint>& front);

/// Inverse coefficient of variation of one policy's per-objective mean rewards:
/// mean / stddev, with the POPULATION standard deviation (divided by n, as numpy's
/// np.std default). Higher means the objectives are more evenly satisfied. When all
/// values are equal the stddev is exactly 0 and the result is +infinity for a positive
/// mean, -infinity for a negative mean and 0 for a zero mean. Throws
/// std::invalid_argument for an empty vector.
double
inverseCoefficientOfVariation(const std::vector<double>& perObjectiveMeans);

} // namespace paretolab::engine
