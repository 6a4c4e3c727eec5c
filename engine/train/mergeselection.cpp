// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/mergeselection.h"

#include "metrics/pareto.h"
#include "train/merge.h"

#include <limits>
#include <numeric>
#include <random>

namespace paretolab::engine {

std::vector<std::vector<double>>
selectionCandidates(const std::vector<double>& base, int64_t count, uint64_t seed)
{
  std::vector<std::vector<double>> candidates{ base };
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> gamma(1.0, 1.0); // a flat Dirichlet
  for (int64_t c = 1; c < count; ++c)
    candidates.push_back(drawDirichlet(rng, gamma, base.size()));
  return candidates;
}

double
selectionScore(const PolicyEvaluation& evaluation, SelectionCriterion criterion)
{
  std::vector<ObjectivePoint> points(evaluation.rewards.begin(), evaluation.rewards.end());
  std::vector<size_t> chosen(points.size());
  std::iota(chosen.begin(), chosen.end(), 0);
  if (criterion == SelectionCriterion::ParetoReward)
    chosen = nonDominatedIndices(points);
  if (chosen.empty())
    return 0.0;
  double total = 0.0;
  for (size_t index : chosen) {
    const auto& row = points[index];
    total += row.empty() ? 0.0 : std::accumulate(row.begin(), row.end(), 0.0) / double(row.size());
  }
  return total / double(chosen.size());
}

std::vector<double>
selectMergeWeights(const std::vector<const ParameterSet*>& members,
                   const std::vector<double>& taskWeights,
                   const ParameterSet& base,
                   const MergeOptions& merge,
                   uint64_t seed,
                   const CandidateEvaluator& evaluate)
{
  const auto& selection = merge.selection;
  if (selection.candidates <= 1 || members.size() < 2)
    return taskWeights;
  std::vector<double> best = taskWeights;
  double bestScore = -std::numeric_limits<double>::infinity();
  for (const auto& candidate : selectionCandidates(taskWeights, selection.candidates, seed)) {
    const double score = selectionScore(evaluate(mergeParameters(members, candidate, base, merge)),
                                        selection.criterion);
    if (score > bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

} // namespace paretolab::engine
