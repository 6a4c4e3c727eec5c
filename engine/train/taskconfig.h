// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/modeloptions.h"
#include "train/pretrain.h"
#include "train/trainoptions.h"

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace paretolab::engine {

/// A task file that cannot be used. The message names the file, the line
/// where it can be found, and the key: "toy.json:12: training.merge_period: ...".
class TaskError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

/// Everything a run needs, read from a task JSON file (resources/tasks/*.json;
/// docs/tasks.md describes every key).
struct TaskConfig
{
  std::string name;
  std::string method = "iterativers"; ///< iterativers, morlhf or rs, as the task file says
  std::string domain;
  nlohmann::json domainOptions = nlohmann::json::object();
  std::vector<ObjectiveConfig> objectives;
  GptOptions model;
  PretrainOptions pretrain;
  TrainerOptions training;
  std::string priorPath; ///< a prior checkpoint to use instead of the cache; empty: cache
  nlohmann::json source; ///< the JSON as read, overrides applied
};

/// `path` itself when it is a file or looks like a path; else the bundled
/// task of that name ("toy": tasks/toy.json among the resources), so that an
/// installed copy runs `--config toy` from any folder. Throws TaskError.
std::string
locateTaskFile(const std::string& path);

/// Reads, overrides and validates a task file, or the bundled task of that
/// name ("molecules"). Throws TaskError.
TaskConfig
loadTaskConfig(const std::string& path, const std::vector<std::string>& overrides = {});

/// Like loadTaskConfig, for task text that is not in a file (bundled tasks).
/// `origin` names it in messages.
TaskConfig
parseTaskText(const std::string& text,
              const std::string& origin,
              const std::vector<std::string>& overrides = {});

/// Validates parsed JSON. `origin` and `text` let messages carry a line number.
TaskConfig
parseTaskConfig(const nlohmann::json& json,
                const std::string& origin = "task",
                const std::string& text = {});

/// Applies "training.ppo.learning_rate=3e-4" to `json`: the value is read as
/// JSON when it parses, else as a string. Throws TaskError on a malformed assignment.
void
applyOverride(nlohmann::json& json, const std::string& assignment);

} // namespace paretolab::engine
