// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/trainer.h"

#include "train/iterativerstrainer.h"
#include "train/rictrainer.h"

namespace paretolab::engine {

std::unique_ptr<Trainer>
makeTrainer(std::shared_ptr<const Domain> domain,
            const Policy& prior,
            std::vector<ObjectiveConfig> objectives,
            TrainerOptions options)
{
  if (options.method == Method::Ric)
    return std::make_unique<RicTrainer>(
      std::move(domain), prior, std::move(objectives), std::move(options));
  // MORLHF, RS and CLP share IterativeRS's loop of steps and rounds.
  return std::make_unique<IterativeRsTrainer>(
    std::move(domain), prior, std::move(objectives), std::move(options));
}

} // namespace paretolab::engine
