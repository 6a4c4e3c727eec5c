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

std::string
toString(Method method)
{
  switch (method) {
    case Method::IterativeRS:
      return "iterativers";
    case Method::Morlhf:
      return "morlhf";
    case Method::Clp:
      return "clp";
    case Method::Ric:
      return "ric";
  }
  return "unknown";
}

std::string
toString(ClpScope scope)
{
  switch (scope) {
    case ClpScope::Full:
      return "full";
    case ClpScope::Attention:
      return "attention";
    case ClpScope::Logits:
      return "logits";
  }
  return "unknown";
}

std::string
toString(OptimizerAtMerge choice)
{
  switch (choice) {
    case OptimizerAtMerge::Reset:
      return "reset";
    case OptimizerAtMerge::Keep:
      return "keep";
    case OptimizerAtMerge::Merge:
      return "merge";
  }
  return "unknown";
}

std::string
toString(SelectionCriterion criterion)
{
  return criterion == SelectionCriterion::AverageReward ? "average" : "pareto";
}

} // namespace paretolab::engine
