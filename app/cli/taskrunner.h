// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "core/paths.h"
#include "progressbar.h"
#include "train/priorcache.h"
#include "train/taskconfig.h"
#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace paretolab::cli {

/// The options every task command takes: --config, --set, --prior, --cache-dir.
struct TaskArguments
{
  std::string config;
  std::vector<std::string> overrides;
  std::string prior;
  std::string cacheDirectory = engine::defaultCacheDirectory();
};

/// `configRequired` is false for commands that can take the task from elsewhere.
void
addTaskOptions(CLI::App* command, TaskArguments& arguments, bool configRequired = true);

/// Draws pretraining progress, created on the first report; `announcement`
/// is printed once before the bar (empty: nothing).
class PretrainProgressBar
{
public:
  explicit PretrainProgressBar(std::string announcement = {});
  void operator()(const engine::PretrainProgress& progress);
  void finish() { m_bar.reset(); }
  /// Printed with the announcement; called only if pretraining starts (it may read the corpus).
  void setCorpusDescription(std::function<std::string()> describe)
  {
    m_describeCorpus = std::move(describe);
  }

private:
  std::string m_announcement;
  std::function<std::string()> m_describeCorpus;
  std::unique_ptr<ProgressBar> m_bar;
};

/// A task file read and validated, its domain built and its prior in hand.
struct PreparedTask
{
  engine::TaskConfig task;
  std::shared_ptr<engine::Domain> domain;
  engine::PriorSource prior;
};

/// Loads the task and obtains its prior (cached, or pretrained now with a
/// progress bar). `priorPath` overrides the task's prior. Throws on bad input.
PreparedTask
prepareTask(const TaskArguments& arguments, std::stop_token stop);
/// The same for a task already read (a run being resumed): only --prior and
/// --cache-dir of `arguments` apply.
PreparedTask
prepareTask(engine::TaskConfig task, const TaskArguments& arguments, std::stop_token stop);

/// Runs the trainer, drawing a progress bar labelled `label` on a terminal.
engine::RunResult
trainWithProgress(engine::Trainer& trainer,
                  const std::string& label,
                  std::stop_token stop,
                  engine::TrainingObserver* also = nullptr);

/// Summary keys of one evaluation: avg_reward, icv, per_objective (transformed
/// means), per_objective_raw, hypervolume, kl_to_prior, entropy, metrics.
nlohmann::json
evaluationJson(const engine::PolicyEvaluation& evaluation,
               const std::vector<engine::ObjectiveConfig>& objectives);

/// Installs a SIGINT/SIGTERM handler that asks the returned source to stop,
/// so that Ctrl-C ends a run cleanly with its summary.
std::stop_source&
interruptSource();

} // namespace paretolab::cli
