// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/expert.h"

#include "core/torcharchive.h"
#include "model/sampling.h"
#include "train/ppo.h"

#include <sstream>

namespace paretolab::engine {

namespace {

/// LibTorch keys an optimizer's per-parameter state by the address of the
/// parameter's storage, spelled as a string.
std::string
stateKey(const torch::Tensor& parameter)
{
  return c10::guts::to_string(parameter.unsafeGetTensorImpl());
}

} // namespace

std::vector<torch::Tensor>
Expert::trainableParameters() const
{
  auto parameters = model->parameters();
  if (valueHead)
    for (const auto& p : valueHead->parameters())
      parameters.push_back(p);
  return parameters;
}

void
Expert::resetOptimizer(const PpoOptions& ppo)
{
  optimizer = makeOptimizer(trainableParameters(), ppo);
}

Expert
makeExpert(const GptOptions& shape, const ParameterSet& start, const PpoOptions& ppo, uint64_t seed)
{
  Expert expert;
  expert.model = Gpt(shape);
  loadParameters(*expert.model, start);
  if (ppo.advantage == AdvantageEstimator::Gae) {
    expert.valueHead = torch::nn::Linear(shape.embedDim, 1);
    torch::NoGradGuard noGrad;
    for (auto& p : expert.valueHead->parameters())
      p.zero_(); // deterministic and unbiased: the critic starts at 0
  }
  expert.resetOptimizer(ppo);
  expert.generator = makeGenerator(seed);
  return expert;
}

void
mergeOptimizerStates(const std::vector<Expert*>& members,
                     const std::vector<double>& lambda,
                     std::vector<Expert>& all)
{
  if (members.empty() || !dynamic_cast<torch::optim::Adam*>(members.front()->optimizer.get()))
    return;
  const auto parameters = members.front()->trainableParameters();
  for (size_t j = 0; j < parameters.size(); ++j) {
    torch::Tensor average, averageSquares;
    int64_t step = 0;
    for (size_t k = 0; k < members.size(); ++k) {
      auto& state = members[k]->optimizer->state();
      const auto key = stateKey(members[k]->trainableParameters()[j]);
      const auto found = state.find(key);
      if (found == state.end())
        continue; // an expert that has not stepped contributes zero moments
      const auto& adam = static_cast<const torch::optim::AdamParamState&>(*found->second);
      const auto weighted = adam.exp_avg() * lambda[k];
      const auto weightedSquares = adam.exp_avg_sq() * lambda[k];
      average = average.defined() ? average + weighted : weighted;
      averageSquares =
        averageSquares.defined() ? averageSquares + weightedSquares : weightedSquares;
      step = std::max(step, adam.step());
    }
    if (!average.defined())
      continue;
    for (auto& expert : all) {
      auto merged = std::make_unique<torch::optim::AdamParamState>();
      merged->step(step);
      merged->exp_avg(average.clone());
      merged->exp_avg_sq(averageSquares.clone());
      expert.optimizer->state()[stateKey(expert.trainableParameters()[j])] = std::move(merged);
    }
  }
}

void
restartExperts(std::vector<Expert>& experts,
               const ParameterSet& rho,
               const std::vector<int>& subset,
               const std::vector<double>& lambda,
               OptimizerAtMerge optimizerAtMerge,
               const PpoOptions& ppo)
{
  if (optimizerAtMerge == OptimizerAtMerge::Merge) {
    std::vector<Expert*> members;
    for (int i : subset)
      members.push_back(&experts[size_t(i)]);
    mergeOptimizerStates(members, lambda, experts);
  }
  for (auto& expert : experts) {
    loadParameters(*expert.model, rho);
    if (optimizerAtMerge == OptimizerAtMerge::Reset)
      expert.resetOptimizer(ppo);
  }
}

void
saveExperts(std::vector<Expert>& experts, bool withOptimizers, RoundCheckpoint& checkpoint)
{
  for (auto& expert : experts) {
    checkpoint.generatorStates.push_back(expert.generator.get_state());
    if (expert.valueHead)
      checkpoint.valueHeads.push_back(snapshotParameters(*expert.valueHead));
    if (withOptimizers) {
      std::ostringstream state;
      torch::save(*expert.optimizer, state);
      checkpoint.optimizerStates.push_back(state.str());
    }
  }
}

void
restoreExperts(std::vector<Expert>& experts,
               const RoundCheckpoint& checkpoint,
               const PpoOptions& ppo)
{
  for (size_t k = 0; k < experts.size(); ++k) {
    auto& expert = experts[k];
    loadParameters(*expert.model, checkpoint.rho);
    expert.generator.set_state(checkpoint.generatorStates[k]);
    if (expert.valueHead)
      loadParameters(*expert.valueHead, checkpoint.valueHeads[k]);
    expert.resetOptimizer(ppo);
    if (!checkpoint.optimizerStates.empty()) {
      checkTorchArchive(checkpoint.optimizerStates[k]);
      std::istringstream state(checkpoint.optimizerStates[k]);
      torch::load(*expert.optimizer, state);
    }
  }
}

namespace {

void
writeParameters(torch::serialize::OutputArchive& archive,
                const std::string& prefix,
                const torch::nn::Module& module)
{
  const auto parameters = snapshotParameters(module);
  for (size_t i = 0; i < parameters.size(); ++i)
    archive.write(prefix + std::to_string(i), parameters[i]);
}

void
readParameters(torch::serialize::InputArchive& archive,
               const std::string& prefix,
               torch::nn::Module& module)
{
  auto parameters = snapshotParameters(module);
  for (size_t i = 0; i < parameters.size(); ++i)
    archive.read(prefix + std::to_string(i), parameters[i]);
  loadParameters(module, parameters);
}

} // namespace

std::string
packExpert(Expert& expert, bool withOptimizer)
{
  torch::serialize::OutputArchive archive;
  writeParameters(archive, "model.", *expert.model);
  if (expert.valueHead)
    writeParameters(archive, "value.", *expert.valueHead);
  archive.write("generator", expert.generator.get_state());
  if (withOptimizer) {
    torch::serialize::OutputArchive optimizer;
    expert.optimizer->save(optimizer);
    archive.write("optimizer", optimizer);
  }
  std::ostringstream bytes;
  archive.save_to(bytes);
  return bytes.str();
}

void
unpackExpert(Expert& expert, const std::string& bytes)
{
  checkTorchArchive(bytes);
  std::istringstream stream(bytes);
  torch::serialize::InputArchive archive;
  archive.load_from(stream);
  readParameters(archive, "model.", *expert.model);
  if (expert.valueHead)
    readParameters(archive, "value.", *expert.valueHead);
  torch::Tensor generatorState;
  archive.read("generator", generatorState);
  expert.generator.set_state(generatorState);
  if (torch::serialize::InputArchive optimizer; archive.try_read("optimizer", optimizer))
    expert.optimizer->load(optimizer);
}

} // namespace paretolab::engine
