// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/clppolicy.h"

#include "core/torcharchive.h"
#include "model/sampling.h"

#include <cmath>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine {

namespace {

bool
startsWith(const std::string& text, const std::string& prefix)
{
  return text.compare(0, prefix.size(), prefix) == 0;
}

} // namespace

std::vector<bool>
clpConditionedMask(const GptImpl& model, ClpScope scope)
{
  const auto named = model.named_parameters();
  bool untiedHead = false;
  for (const auto& item : named)
    untiedHead = untiedHead || startsWith(item.key(), "head.");
  std::vector<bool> mask;
  for (const auto& item : named) {
    const auto& name = item.key();
    switch (scope) {
      case ClpScope::Full:
        mask.push_back(true);
        break;
      case ClpScope::Attention:
        mask.push_back(name.find(".attention.") != std::string::npos);
        break;
      case ClpScope::Logits:
        // A tied head is the token embedding: conditioning the logits conditions it.
        mask.push_back(startsWith(name, untiedHead ? "head." : "token_embedding."));
        break;
    }
  }
  return mask;
}

ParameterSet
composeParameters(const std::vector<const ParameterSet*>& thetas,
                  const std::vector<double>& weights,
                  const std::vector<bool>& conditioned)
{
  if (thetas.empty() || thetas.size() != weights.size())
    throw std::invalid_argument("CLP: one weight per objective is needed");
  torch::NoGradGuard noGrad;
  ParameterSet composed;
  const auto& first = *thetas.front();
  for (size_t j = 0; j < first.size(); ++j) {
    if (!conditioned.at(j)) {
      composed.push_back(first[j].clone());
      continue;
    }
    torch::Tensor sum;
    for (size_t i = 0; i < thetas.size(); ++i) {
      if (weights[i] == 0.0)
        continue;
      const auto term = (*thetas[i])[j] * weights[i];
      sum = sum.defined() ? sum.add_(term) : term;
    }
    composed.push_back(sum.defined() ? sum : torch::zeros_like(first[j]));
  }
  return composed;
}

namespace {

/// What PPO steps: the chain rule from theta(w) to the copies, then the real optimizer.
class ConditioningOptimizer : public torch::optim::Optimizer
{
public:
  ConditioningOptimizer(std::vector<torch::Tensor> composed,
                        double learningRate,
                        std::function<void()> apply)
    : Optimizer(std::move(composed), std::make_unique<torch::optim::AdamOptions>(learningRate))
    , m_apply(std::move(apply))
  {
  }

  torch::Tensor step(LossClosure) override
  {
    m_apply();
    return {};
  }

private:
  std::function<void()> m_apply;
};

} // namespace

struct ClpPolicy::Impl
{
  Gpt model{ nullptr };
  std::vector<bool> conditioned;
  size_t objectives = 0;
  /// [parameter][copy]: theta_0 .. theta_{N-1} of a conditioned parameter, the
  /// one tensor of a shared one.
  std::vector<std::vector<torch::Tensor>> slots;
  std::vector<double> weights;
  PpoOptions ppo;
  std::unique_ptr<ConditioningOptimizer> outer;
  at::Generator generator;

  /// Adam's state. The first moment is per copy, of the copy's own gradient
  /// w_i g; the second is shared by a parameter's copies and estimated from
  /// g, the gradient at theta(w). Adam per copy would divide w_i back out: a
  /// copy whose weight is small would step as far as one whose weight is
  /// large, though it barely shaped the loss. With the shared second moment a
  /// copy's step scales with w_i, as under SGD.
  int64_t adamSteps = 0;
  std::vector<torch::Tensor> secondMoments;             ///< [parameter]
  std::vector<std::vector<torch::Tensor>> firstMoments; ///< [parameter][copy]

  double coefficient(size_t j, size_t i) const { return conditioned[j] ? weights[i] : 1.0; }

  void setThetas(const std::vector<ParameterSet>& thetas)
  {
    slots.assign(conditioned.size(), {});
    for (size_t j = 0; j < conditioned.size(); ++j)
      for (size_t i = 0; i < (conditioned[j] ? thetas.size() : 1); ++i)
        slots[j].push_back(thetas[i].at(j).detach().clone());
    adamSteps = 0;
    secondMoments.assign(conditioned.size(), torch::Tensor());
    firstMoments.assign(conditioned.size(), {});
    for (size_t j = 0; j < conditioned.size(); ++j) {
      secondMoments[j] = torch::zeros_like(slots[j].front());
      for (const auto& slot : slots[j])
        firstMoments[j].push_back(torch::zeros_like(slot));
    }
  }

  std::vector<ParameterSet> thetas() const
  {
    std::vector<ParameterSet> all(objectives);
    for (size_t i = 0; i < objectives; ++i)
      for (size_t j = 0; j < conditioned.size(); ++j)
        all[i].push_back(slots[j][conditioned[j] ? i : 0].clone());
    return all;
  }

  void writeComposed()
  {
    torch::NoGradGuard noGrad;
    auto parameters = model->parameters();
    for (size_t j = 0; j < conditioned.size(); ++j) {
      if (!conditioned[j]) {
        parameters[j].copy_(slots[j].front());
        continue;
      }
      torch::Tensor sum;
      for (size_t i = 0; i < objectives; ++i) {
        if (weights[i] == 0.0)
          continue;
        const auto term = slots[j][i] * weights[i];
        sum = sum.defined() ? sum.add_(term) : term;
      }
      if (sum.defined())
        parameters[j].copy_(sum);
      else
        parameters[j].zero_();
    }
  }

  /// d loss / d theta_i = w_i g over the conditioned parameters, g over the
  /// shared ones; one step of SGD or of Adam (the same arithmetic as
  /// LibTorch's, so that one objective is exactly PPO with Adam).
  void applyGradients()
  {
    torch::NoGradGuard noGrad;
    const auto parameters = model->parameters();
    const double lr = ppo.learningRate;
    const bool sgd = ppo.optimizer == OptimizerKind::Sgd;
    constexpr double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    if (!sgd)
      ++adamSteps;
    const double bias1 = 1.0 - std::pow(beta1, double(adamSteps));
    const double bias2 = 1.0 - std::pow(beta2, double(adamSteps));
    for (size_t j = 0; j < conditioned.size(); ++j) {
      const auto& g = parameters[j].grad();
      if (!g.defined())
        continue;
      if (sgd) {
        for (size_t i = 0; i < slots[j].size(); ++i)
          slots[j][i].add_(g * coefficient(j, i), -lr);
        continue;
      }
      secondMoments[j].mul_(beta2).addcmul_(g, g, 1.0 - beta2);
      const auto denominator = (secondMoments[j].sqrt() / std::sqrt(bias2)).add_(epsilon);
      for (size_t i = 0; i < slots[j].size(); ++i) {
        const auto c = coefficient(j, i);
        firstMoments[j][i].mul_(beta1).add_(c == 1.0 ? g : g * c, 1.0 - beta1);
        slots[j][i].addcdiv_(firstMoments[j][i], denominator, -lr / bias1);
      }
    }
    writeComposed();
  }

  std::string saveOptimizer() const
  {
    torch::serialize::OutputArchive archive;
    archive.write("steps", torch::tensor(adamSteps));
    for (size_t j = 0; j < slots.size(); ++j) {
      archive.write("v" + std::to_string(j), secondMoments[j]);
      for (size_t i = 0; i < firstMoments[j].size(); ++i)
        archive.write("m" + std::to_string(j) + "_" + std::to_string(i), firstMoments[j][i]);
    }
    std::ostringstream bytes;
    archive.save_to(bytes);
    return bytes.str();
  }

  void loadOptimizer(const std::string& state)
  {
    checkTorchArchive(state);
    torch::serialize::InputArchive archive;
    std::istringstream bytes(state);
    archive.load_from(bytes);
    torch::Tensor steps;
    archive.read("steps", steps);
    adamSteps = steps.item<int64_t>();
    const auto readLike = [&](const std::string& key, torch::Tensor& into) {
      torch::Tensor value; // a fresh one: reading into a defined tensor would resize it
      archive.read(key, value);
      if (!value.sizes().equals(into.sizes()))
        throw std::invalid_argument("CLP: the optimizer state of " + key + " has another shape");
      into.copy_(value);
    };
    for (size_t j = 0; j < slots.size(); ++j) {
      readLike("v" + std::to_string(j), secondMoments[j]);
      for (size_t i = 0; i < firstMoments[j].size(); ++i)
        readLike("m" + std::to_string(j) + "_" + std::to_string(i), firstMoments[j][i]);
    }
  }
};

ClpPolicy::ClpPolicy(const GptOptions& shape,
                     const ParameterSet& start,
                     size_t objectives,
                     ClpScope scope,
                     const PpoOptions& ppo,
                     uint64_t seed)
  : m_impl(std::make_unique<Impl>())
{
  if (objectives == 0)
    throw std::invalid_argument("CLP: at least one objective is needed");
  auto& d = *m_impl;
  d.ppo = ppo;
  d.model = Gpt(shape);
  loadParameters(*d.model, start);
  d.conditioned = clpConditionedMask(*d.model, scope);
  d.objectives = objectives;
  d.setThetas(std::vector<ParameterSet>(objectives, start));
  d.weights.assign(objectives, 1.0 / double(objectives));
  d.outer = std::make_unique<ConditioningOptimizer>(
    d.model->parameters(), ppo.learningRate, [impl = &d] { impl->applyGradients(); });
  d.generator = makeGenerator(seed);
}

ClpPolicy::~ClpPolicy() = default;
ClpPolicy::ClpPolicy(ClpPolicy&&) noexcept = default;
ClpPolicy&
ClpPolicy::operator=(ClpPolicy&&) noexcept = default;

void
ClpPolicy::compose(const std::vector<double>& weights)
{
  if (weights.size() != m_impl->objectives)
    throw std::invalid_argument("CLP: one weight per objective is needed");
  m_impl->weights = weights;
  m_impl->writeComposed();
}

GptImpl&
ClpPolicy::model()
{
  return *m_impl->model;
}

torch::optim::Optimizer&
ClpPolicy::optimizer()
{
  return *m_impl->outer;
}

at::Generator&
ClpPolicy::generator()
{
  return m_impl->generator;
}

std::vector<ParameterSet>
ClpPolicy::objectiveParameters() const
{
  return m_impl->thetas();
}

const std::vector<bool>&
ClpPolicy::conditioned() const
{
  return m_impl->conditioned;
}

std::string
ClpPolicy::optimizerState()
{
  return m_impl->saveOptimizer();
}

void
ClpPolicy::restore(const std::vector<ParameterSet>& thetas,
                   const std::string& optimizerState,
                   const torch::Tensor& generatorState)
{
  auto& d = *m_impl;
  if (thetas.size() != d.objectives)
    throw std::invalid_argument("CLP: the checkpoint holds " + std::to_string(thetas.size()) +
                                " objectives' parameters, the run has " +
                                std::to_string(d.objectives));
  d.setThetas(thetas);
  if (!optimizerState.empty())
    d.loadOptimizer(optimizerState);
  d.generator.set_state(generatorState);
  d.writeComposed();
}

} // namespace paretolab::engine
