// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/parameters.h"

#include <stdexcept>
#include <string>

namespace paretolab::engine {

ParameterSet
snapshotParameters(const torch::nn::Module& module)
{
  ParameterSet copies;
  for (const auto& p : module.parameters())
    copies.push_back(p.detach().clone());
  return copies;
}

void
loadParameters(torch::nn::Module& module, const ParameterSet& parameters)
{
  auto targets = module.parameters();
  if (targets.size() != parameters.size())
    throw std::invalid_argument("parameters: expected " + std::to_string(targets.size()) +
                                " tensors, got " + std::to_string(parameters.size()));
  torch::NoGradGuard noGrad;
  for (size_t i = 0; i < targets.size(); ++i) {
    if (!targets[i].sizes().equals(parameters[i].sizes()))
      throw std::invalid_argument("parameters: shape mismatch at tensor " + std::to_string(i));
    targets[i].copy_(parameters[i]);
  }
}

void
writeParameterSet(torch::serialize::OutputArchive& archive,
                  const std::string& prefix,
                  const ParameterSet& set)
{
  archive.write(prefix + ".count", torch::tensor(int64_t(set.size())));
  for (size_t i = 0; i < set.size(); ++i)
    archive.write(prefix + "." + std::to_string(i), set[i]);
}

ParameterSet
readParameterSet(torch::serialize::InputArchive& archive, const std::string& prefix)
{
  torch::Tensor count;
  archive.read(prefix + ".count", count);
  ParameterSet set(size_t(count.item<int64_t>()));
  for (size_t i = 0; i < set.size(); ++i)
    archive.read(prefix + "." + std::to_string(i), set[i]);
  return set;
}

} // namespace paretolab::engine
