// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/trainer.h"

#include "train/iterativerstrainer.h"
#include "train/rictrainer.h"

#include <stdexcept>

namespace paretolab::engine {

void
Trainer::distributeOver(std::shared_ptr<RankGroup>)
{
  throw std::invalid_argument("this method trains one policy, which cannot be split into ranks: "
                              "only IterativeRS and RS train on several ranks, one expert each");
}

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
