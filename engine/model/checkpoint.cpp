// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/checkpoint.h"

#include "core/atomicfile.h"
#include "core/errormessage.h"
#include "core/torcharchive.h"
#include "model/policystate.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace paretolab::engine {

namespace {

constexpr char kMagic[8] = { 'P', 'A', 'R', 'E', 'T', 'O', 'L', 'B' };
constexpr size_t kPreambleSize = sizeof(kMagic) + sizeof(uint32_t) + sizeof(uint64_t);

template<typename T>
void
appendLittleEndian(std::string& out, T value)
{
  for (size_t i = 0; i < sizeof(T); ++i)
    out.push_back(char((value >> (8 * i)) & 0xff));
}

template<typename T>
T
readLittleEndian(const std::string& bytes, size_t offset)
{
  T value = 0;
  for (size_t i = 0; i < sizeof(T); ++i)
    value |= T(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
  return value;
}

std::string
hex(uint64_t value)
{
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

nlohmann::json
gptOptionsToJson(const GptOptions& o)
{
  return { { "vocab_size", o.vocabSize }, { "context_length", o.contextLength },
           { "embed_dim", o.embedDim },   { "layers", o.layers },
           { "heads", o.heads },          { "dropout", o.dropout },
           { "tied_head", o.tiedHead } };
}

GptOptions
gptOptionsFromJson(const nlohmann::json& j)
{
  GptOptions o;
  o.vocabSize = j.at("vocab_size");
  o.contextLength = j.at("context_length");
  o.embedDim = j.at("embed_dim");
  o.layers = j.at("layers");
  o.heads = j.at("heads");
  o.dropout = j.at("dropout");
  o.tiedHead = j.at("tied_head");
  return o;
}

} // namespace

void
savePolicyCheckpoint(const std::string& path,
                     const Policy& policy,
                     const nlohmann::json& config,
                     const std::string& optimizerState)
{
  std::ostringstream modelStream;
  torch::save(policy.state().model, modelStream);
  const std::string model = modelStream.str();

  nlohmann::json header{
    { "kind", "policy" },
    { "gpt", gptOptionsToJson(policy.options()) },
    { "tokenizer", policy.tokenizer().toJson() },
    { "config", config },
    { "payloads",
      { { { "name", "model" }, { "size", model.size() }, { "fnv1a64", hex(fnv1a64(model)) } },
        { { "name", "optimizer" },
          { "size", optimizerState.size() },
          { "fnv1a64", hex(fnv1a64(optimizerState)) } } } },
  };
  const std::string headerText = header.dump();

  std::string bytes(kMagic, sizeof(kMagic));
  appendLittleEndian<uint32_t>(bytes, kCheckpointFormatVersion);
  appendLittleEndian<uint64_t>(bytes, headerText.size());
  bytes += headerText;
  bytes += model;
  bytes += optimizerState;
  writeFileAtomically(path, bytes);
}

PolicyCheckpoint
loadPolicyCheckpoint(const std::string& path)
{
  auto error = [&](const std::string& what) {
    return CheckpointError("checkpoint " + path + ": " + what);
  };
  std::string bytes;
  try {
    bytes = readFile(path);
  } catch (const std::exception& e) {
    throw CheckpointError(e.what());
  }
  if (bytes.size() < kPreambleSize || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0)
    throw error("not a ParetoLab checkpoint (bad magic)");
  const auto version = readLittleEndian<uint32_t>(bytes, sizeof(kMagic));
  if (version > kCheckpointFormatVersion)
    throw error("format version " + std::to_string(version) +
                " was written by a newer ParetoLab (this one reads up to " +
                std::to_string(kCheckpointFormatVersion) + ")");
  if (version == 0)
    throw error("format version 0 is invalid");
  const auto headerSize = readLittleEndian<uint64_t>(bytes, sizeof(kMagic) + sizeof(uint32_t));
  if (headerSize > bytes.size() - kPreambleSize)
    throw error("truncated (the header runs past the end of the file)");

  nlohmann::json header;
  GptOptions options;
  std::optional<Tokenizer> tokenizer;
  std::vector<std::string> payloads;
  try {
    header = nlohmann::json::parse(bytes.begin() + kPreambleSize,
                                   bytes.begin() + kPreambleSize + headerSize);
    options = gptOptionsFromJson(header.at("gpt"));
    tokenizer = Tokenizer::fromJson(header.at("tokenizer"));
    size_t offset = kPreambleSize + headerSize;
    for (const auto& payload : header.at("payloads")) {
      const size_t size = payload.at("size");
      const std::string name = payload.at("name");
      if (size > bytes.size() - offset)
        throw error("truncated: the " + name + " payload needs " + std::to_string(size) +
                    " bytes, " + std::to_string(bytes.size() - offset) + " remain");
      payloads.push_back(bytes.substr(offset, size));
      if (hex(fnv1a64(payloads.back())) != payload.at("fnv1a64").get<std::string>())
        throw error("the " + name + " payload is corrupt (checksum mismatch)");
      offset += size;
    }
    if (offset != bytes.size())
      throw error("has " + std::to_string(bytes.size() - offset) + " unexpected trailing bytes");
    if (payloads.size() != 2)
      throw error("expected model and optimizer payloads");
  } catch (const CheckpointError&) {
    throw;
  } catch (const std::exception& e) {
    throw error(std::string("malformed header: ") + e.what());
  }
  // The header may state any shape. One the model payload cannot hold (4 bytes
  // a parameter) is refused here, before a byte of it is allocated.
  const double d = double(options.embedDim);
  const double leastParameters = d * (double(options.vocabSize) + double(options.contextLength)) +
                                 double(options.layers) * 12.0 * d * d;
  if (4.0 * leastParameters > double(payloads[0].size()))
    throw error("its header states a shape of at least " +
                std::to_string(int64_t(std::min(leastParameters, 1e18))) +
                " parameters, which its model payload of " + std::to_string(payloads[0].size()) +
                " bytes cannot hold");
  if (options.vocabSize != tokenizer->vocabSize())
    throw error("the model's vocabulary (" + std::to_string(options.vocabSize) +
                ") does not match its tokenizer (" + std::to_string(tokenizer->vocabSize()) + ")");

  try {
    auto state = std::make_shared<PolicyState>(options, std::move(*tokenizer));
    std::vector<std::vector<int64_t>> expectedShapes;
    for (const auto& p : state->model->parameters())
      expectedShapes.push_back(p.sizes().vec());
    checkTorchArchive(payloads[0]);
    std::istringstream modelStream(payloads[0]);
    // torch::load replaces tensors with set_(), adopting whatever shape the
    // archive holds, so compare against the shapes the options imply.
    torch::load(state->model, modelStream);
    const auto loaded = state->model->parameters();
    for (size_t i = 0; i < loaded.size(); ++i)
      if (loaded[i].sizes().vec() != expectedShapes[i])
        throw std::runtime_error("tensor " + std::to_string(i) + " has the wrong shape");
    return PolicyCheckpoint{ Policy(std::move(state)),
                             header.value("config", nlohmann::json{}),
                             payloads[1] };
  } catch (const std::exception& e) {
    throw error("the model does not match its stated shape: " + firstLineOf(e));
  }
}

} // namespace paretolab::engine
