// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/roundcheckpoint.h"

#include "core/atomicfile.h"
#include "core/errormessage.h"
#include "core/sha256.h"
#include "core/torcharchive.h"
#include "model/checkpoint.h"

#include <filesystem>
#include <sstream>

namespace paretolab::engine {

namespace {

constexpr int64_t kRoundCheckpointVersion = 1;

std::string
readString(torch::serialize::InputArchive& archive, const std::string& key)
{
  c10::IValue value;
  archive.read(key, value);
  return value.toStringRef();
}

std::string
roundPath(const std::string& directory, int64_t round)
{
  return directory + "/round-" + std::to_string(round) + ".plround";
}

} // namespace

std::pair<std::string, std::string>
writeRoundCheckpoint(const std::string& directory, const RoundCheckpoint& checkpoint, int64_t keep)
{
  torch::serialize::OutputArchive archive;
  archive.write("format", torch::tensor(kRoundCheckpointVersion));
  archive.write("objectives", c10::IValue(checkpoint.objectives));
  archive.write("round", torch::tensor(checkpoint.round));
  archive.write("step", torch::tensor(checkpoint.step));
  writeParameterSet(archive, "rho", checkpoint.rho);
  writeParameterSet(archive, "base", checkpoint.base);
  for (size_t k = 0; k < checkpoint.experts.size(); ++k) {
    const auto id = std::to_string(k);
    writeParameterSet(archive, "expert" + id, checkpoint.experts[k]);
    if (k < checkpoint.generatorStates.size())
      archive.write("generator" + id, checkpoint.generatorStates[k]);
    if (k < checkpoint.valueHeads.size())
      writeParameterSet(archive, "value" + id, checkpoint.valueHeads[k]);
    if (k < checkpoint.optimizerStates.size())
      archive.write("optimizer" + id, c10::IValue(checkpoint.optimizerStates[k]));
  }
  archive.write("subset_rng", c10::IValue(checkpoint.subsetRngState));
  archive.write("next_subset",
                torch::tensor(std::vector<int64_t>(checkpoint.nextSubset.begin(),
                                                   checkpoint.nextSubset.end())));
  if (!checkpoint.methodState.empty())
    archive.write("method_state", c10::IValue(checkpoint.methodState));
  std::ostringstream bytes;
  archive.save_to(bytes);
  const auto path = roundPath(directory, checkpoint.round);
  writeFileAtomically(path, bytes.str());
  // Keep the newest rounds only; resuming needs just the last one.
  const auto stale = checkpoint.round - std::max<int64_t>(1, keep);
  if (stale >= 1)
    std::filesystem::remove(roundPath(directory, stale));
  return { path, sha256Hex(bytes.str()) };
}

RoundCheckpoint
readRoundCheckpoint(const std::string& path,
                    size_t experts,
                    size_t policies,
                    bool withValueHeads,
                    bool withOptimizers)
{
  RoundCheckpoint checkpoint;
  try {
    checkTorchArchiveFile(path);
    torch::serialize::InputArchive archive;
    archive.load_from(path);
    torch::Tensor scalar;
    archive.read("format", scalar);
    if (scalar.item<int64_t>() > kRoundCheckpointVersion)
      throw CheckpointError("checkpoint " + path + " was written by a newer ParetoLab");
    checkpoint.objectives = readString(archive, "objectives");
    archive.read("round", scalar);
    checkpoint.round = scalar.item<int64_t>();
    archive.read("step", scalar);
    checkpoint.step = scalar.item<int64_t>();
    checkpoint.rho = readParameterSet(archive, "rho");
    checkpoint.base = readParameterSet(archive, "base");
    for (size_t k = 0; k < experts; ++k)
      checkpoint.experts.push_back(readParameterSet(archive, "expert" + std::to_string(k)));
    for (size_t k = 0; k < policies; ++k) {
      const auto id = std::to_string(k);
      torch::Tensor state;
      archive.read("generator" + id, state);
      checkpoint.generatorStates.push_back(state);
      if (withValueHeads)
        checkpoint.valueHeads.push_back(readParameterSet(archive, "value" + id));
      if (withOptimizers)
        checkpoint.optimizerStates.push_back(readString(archive, "optimizer" + id));
    }
    checkpoint.subsetRngState = readString(archive, "subset_rng");
    torch::Tensor subset;
    archive.read("next_subset", subset);
    for (int64_t i = 0; i < subset.numel(); ++i)
      checkpoint.nextSubset.push_back(int(subset[i].item<int64_t>()));
    if (c10::IValue state; archive.try_read("method_state", state))
      checkpoint.methodState = state.toStringRef();
  } catch (const CheckpointError&) {
    throw;
  } catch (const std::exception& e) {
    throw CheckpointError("checkpoint " + path + " cannot be resumed: " + firstLineOf(e));
  }
  return checkpoint;
}

} // namespace paretolab::engine
