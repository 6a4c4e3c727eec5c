// SPDX-License-Identifier: GPL-3.0-or-later
#include "frontsweep.h"

#include "progressbar.h"

#include "metrics/pareto.h"
#include "metrics/simplexgrid.h"

namespace paretolab::cli {

SweptFront
sweepFront(const engine::Trainer& trainer,
           int64_t round,
           int divisions,
           int64_t samples,
           const std::string& label,
           std::stop_token stop)
{
  const auto objectives = trainer.objectives().size();
  const bool steerable = trainer.options().method != engine::Method::Morlhf;
  const auto grid =
    steerable ? engine::simplexGrid(objectives, divisions) : std::vector<std::vector<double>>{};
  SweptFront front;
  ProgressBar bar(label, int64_t(std::max<size_t>(1, grid.size())));
  // The same seed at every point: the points differ by their weights alone.
  constexpr uint64_t seed = 20251101;
  if (!steerable) {
    std::vector<double> lambda;
    for (const auto& objective : trainer.objectives())
      lambda.push_back(objective.weight);
    front.weights.push_back(lambda);
    front.evaluations.push_back(trainer.evaluate(trainer.mergedPolicy(round), samples, seed));
  }
  for (const auto& weights : grid) {
    if (stop.stop_requested())
      break;
    front.weights.push_back(weights);
    front.evaluations.push_back(trainer.evaluate(trainer.remerge(weights, round), samples, seed));
    bar.update(int64_t(front.evaluations.size()));
  }
  bar.finish();
  front.complete = front.evaluations.size() == std::max<size_t>(1, grid.size());

  std::vector<engine::ObjectivePoint> means;
  for (const auto& evaluation : front.evaluations)
    means.push_back(evaluation.transformedMeans);
  front.nonDominated.assign(means.size(), false);
  for (auto index : engine::nonDominatedIndices(means))
    front.nonDominated[index] = true;
  front.hypervolume = engine::hypervolume(means, engine::ObjectivePoint(objectives, 0.0));
  return front;
}

} // namespace paretolab::cli
