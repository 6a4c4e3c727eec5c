// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch): what the ranks of a distributed
// IterativeRS run send each other at a merge, over RankGroup::broadcast.

#include "train/expert.h"
#include "train/rankgroup.h"
#include "train/reports.h"

#include <string>
#include <vector>

namespace paretolab::engine {

/// Gives every rank the experts of `subset` as their owners trained them:
/// afterwards every rank holds the same experts as one process would, and
/// merges them into the same parameters. The optimizers' states travel only
/// `withOptimizers` (a merge that resets them needs none).
void
exchangeExperts(RankGroup& ranks,
                std::vector<Expert>& experts,
                const std::vector<int>& subset,
                bool withOptimizers);

/// Rank 0 gets every rank's step reports of the round, its own `mine` first;
/// the other ranks get nothing back.
std::vector<StepReport>
gatherStepReports(RankGroup& ranks, std::vector<StepReport> mine);

/// Rank 0's `values` on every rank (a merge's lambda, the next subset).
std::vector<double>
broadcastFromRoot(RankGroup& ranks, const std::vector<double>& values);
std::vector<int>
broadcastFromRoot(RankGroup& ranks, const std::vector<int>& values);

/// Throws DistributedError unless every rank passes the same `description`
/// (the task, the prior and the round to resume from) as rank 0.
void
requireSameRun(RankGroup& ranks, const std::string& description);

} // namespace paretolab::engine
