// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "core/paths.h"
#include "model/policy.h"
#include "train/pretrain.h"
#include "train/taskconfig.h"

#include <functional>
#include <stop_token>
#include <string>

namespace paretolab::engine {

struct PriorSource
{
  Policy policy;
  std::string path;        ///< the checkpoint it came from or was saved to
  bool pretrained = false; ///< true when it was trained now rather than loaded
  bool cancelled = false;  ///< pretraining was stopped; nothing was cached
  PretrainResult pretraining;
};

/// The cache file of the prior for this domain configuration, corpus, model
/// shape and pretraining options: a change to any of them gives a new file.
/// Cheap (it uses Domain::corpusDigest), so the GUI may call it.
std::string
priorCachePath(const TaskConfig& task, const Domain& domain, const std::string& cacheDirectory);

/// What a prior's checkpoint records of how it was made: its model and
/// pretraining options, its domain and corpus, and how pretraining ended.
nlohmann::json
priorRecord(const GptOptions& model,
            const PretrainOptions& options,
            const PretrainResult& result,
            const std::string& domainName,
            const nlohmann::json& domainOptions,
            const std::string& corpus);

/// Pretrains a fresh prior on `corpus`, with a vocabulary fitted to it; or,
/// given `initial`, goes on training a copy of that prior (its model and
/// vocabulary; `model` is then unused) with a fresh optimizer, for a run
/// continued in a second stage with its own options (such as a decay).
PriorSource
pretrainPrior(const Domain& domain,
              const std::vector<std::string>& corpus,
              const GptOptions& model,
              const PretrainOptions& options,
              const std::function<void(const PretrainProgress&)>& progress = {},
              std::stop_token stop = {},
              const Policy* initial = nullptr);

/// The task's prior: its explicit checkpoint when it names one, else the
/// cached prior, pretrained and saved on first use. Throws CheckpointError for
/// an unusable checkpoint; a corrupt cache entry is rebuilt instead.
PriorSource
obtainPrior(const TaskConfig& task,
            const Domain& domain,
            const std::string& cacheDirectory,
            const std::function<void(const PretrainProgress&)>& progress = {},
            std::stop_token stop = {});

/// What reading a user's corpus file kept and dropped.
struct CorpusFileReport
{
  std::size_t records = 0;    ///< records the domain's reader gave
  std::size_t unreadable = 0; ///< lines the reader refused (too long, binary)
  std::size_t invalid = 0;    ///< records the domain finds invalid
  std::size_t duplicates = 0; ///< same canonical form as an earlier record
};

/// The valid texts of a corpus file in any of the domain's sample formats,
/// in canonical form, once each. Throws std::runtime_error when the file
/// cannot be read or holds fewer than two valid texts.
std::vector<std::string>
readCorpusFile(const Domain& domain, const std::string& path, CorpusFileReport* report = nullptr);

/// A prior pretrained on a user's own file with the task's model and
/// pretraining options, cached under a key of those and the file's bytes
/// (pretrained on first use, as obtainPrior does for the domain's corpus).
PriorSource
obtainPriorFromFile(const TaskConfig& task,
                    const Domain& domain,
                    const std::string& corpusFile,
                    const std::string& cacheDirectory,
                    const std::function<void(const PretrainProgress&)>& progress = {},
                    std::stop_token stop = {});

/// What scripts/train-prior writes beside a shipped prior `X.plckpt`:
/// X.metrics.json (the MOSES-style metrics of 10,000 samples) and
/// X-heldout.smi (its held-out test set). Empty where they are absent.
struct PriorCompanions
{
  nlohmann::json metrics;  ///< an object, or null
  std::string heldOutPath; ///< empty when there is none
};

PriorCompanions
priorCompanions(const std::string& priorPath);

} // namespace paretolab::engine
