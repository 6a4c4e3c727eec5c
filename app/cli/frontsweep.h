// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The front a trained run offers: the policy of every weight vector of a
// simplex grid (IterativeRS and RS re-merge their experts, CLP composes its
// steerable policy), each evaluated on the same seed.

#include "train/trainer.h"

#include <cstdint>
#include <stop_token>
#include <string>
#include <vector>

namespace paretolab::cli {

struct SweptFront
{
  std::vector<std::vector<double>> weights;          ///< the grid, as far as it got
  std::vector<engine::PolicyEvaluation> evaluations; ///< one per weight vector
  std::vector<bool> nonDominated;                    ///< of the transformed means
  double hypervolume = 0.0; ///< of the transformed means, reference point 0
  bool complete = false;    ///< false when stopped before the last point
};

/// Sweeps `divisions` steps per simplex edge over the experts of `round`
/// (-1: the latest), `samples` sequences a point, with a progress bar
/// labelled `label`. A MORLHF run, which cannot be steered, gives its one
/// merged policy as a front of one point.
SweptFront
sweepFront(const engine::Trainer& trainer,
           int64_t round,
           int divisions,
           int64_t samples,
           const std::string& label,
           std::stop_token stop);

} // namespace paretolab::cli
