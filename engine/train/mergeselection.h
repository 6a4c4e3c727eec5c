// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Merge-weight selection, the authors' "selection" strategy: candidate
// weights for a merge and the score that chooses among them.

#include "model/parameters.h"
#include "train/reports.h"
#include "train/trainoptions.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace paretolab::engine {

/// `base` (the task's weights) first, then `count - 1` weight vectors drawn
/// from a flat Dirichlet over the same objectives, from `seed`.
std::vector<std::vector<double>>
selectionCandidates(const std::vector<double>& base, int64_t count, uint64_t seed);

/// How good an evaluation is by `criterion`: the mean over samples of each
/// sample's average reward, over all samples or over the Pareto-efficient ones.
double
selectionScore(const PolicyEvaluation& evaluation, SelectionCriterion criterion);

/// Evaluates a candidate merged policy's parameters.
using CandidateEvaluator = std::function<PolicyEvaluation(const ParameterSet&)>;

/// The merge weights of one round: `taskWeights` when selection is off (fewer
/// than two candidates or members), else the best by `merge.selection`'s
/// criterion of the candidates drawn from `seed`, each merged from `members`
/// on `base` and scored by `evaluate`. Ties keep the earlier candidate, so the
/// task's own weights win unless another candidate is strictly better.
std::vector<double>
selectMergeWeights(const std::vector<const ParameterSet*>& members,
                   const std::vector<double>& taskWeights,
                   const ParameterSet& base,
                   const MergeOptions& merge,
                   uint64_t seed,
                   const CandidateEvaluator& evaluate);

} // namespace paretolab::engine
