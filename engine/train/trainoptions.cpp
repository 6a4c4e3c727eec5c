// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/trainoptions.h"

namespace paretolab::engine {

std::string
toString(MergeStrategy strategy)
{
  switch (strategy) {
    case MergeStrategy::Linear:
      return "linear";
    case MergeStrategy::TaskArithmetic:
      return "task-arithmetic";
    case MergeStrategy::Ties:
      return "ties";
  }
  return "unknown";
}

std::string
toString(AdvantageEstimator estimator)
{
  return estimator == AdvantageEstimator::Rloo ? "rloo" : "gae";
}

std::string
toString(OptimizerKind kind)
{
  return kind == OptimizerKind::Adam ? "adam" : "sgd";
}

std::string
toString(DivergenceMeasure measure)
{
  return measure == DivergenceMeasure::Parameters ? "parameters" : "kl";
}

} // namespace paretolab::engine
