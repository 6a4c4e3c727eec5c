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

/// Pretrains a fresh prior on `corpus`, with a vocabulary fitted to it.
PriorSource
pretrainPrior(const Domain& domain,
              const std::vector<std::string>& corpus,
              const GptOptions& model,
              const PretrainOptions& options,
              const std::function<void(const PretrainProgress&)>& progress = {},
              std::stop_token stop = {});

/// The task's prior: its explicit checkpoint when it names one, else the
/// cached prior, pretrained and saved on first use. Throws CheckpointError for
/// an unusable checkpoint; a corrupt cache entry is rebuilt instead.
PriorSource
obtainPrior(const TaskConfig& task,
            const Domain& domain,
            const std::string& cacheDirectory,
            const std::function<void(const PretrainProgress&)>& progress = {},
            std::stop_token stop = {});

} // namespace paretolab::engine
