// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/policy.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>

namespace paretolab::engine {

/// A checkpoint that cannot be used: missing, truncated, corrupt, foreign, or
/// from a newer format. The message says which and names the file.
class CheckpointError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

inline constexpr uint32_t kCheckpointFormatVersion = 1;

struct PolicyCheckpoint
{
  Policy policy;
  nlohmann::json config;      ///< what made it: task, pretraining options, corpus digest
  std::string optimizerState; ///< torch-serialised optimizer, empty when not saved
};

/// Writes the model, its tokenizer and options, `config` and an optional
/// serialised optimizer state, atomically. Layout: the magic "PARETOLB", a
/// little-endian uint32 format version, a uint64 header length, a JSON header
/// (options, tokenizer, config, and each payload's size and FNV-1a checksum),
/// then the payloads.
void
savePolicyCheckpoint(const std::string& path,
                     const Policy& policy,
                     const nlohmann::json& config,
                     const std::string& optimizerState = {});

/// Reads and verifies a checkpoint (magic, version, sizes, checksums, tensor
/// shapes). Throws CheckpointError with a readable message; never crashes.
PolicyCheckpoint
loadPolicyCheckpoint(const std::string& path);

} // namespace paretolab::engine
