// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskrunner.h"

#include "core/domainregistry.h"
#include "progressbar.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <thread>

namespace paretolab::cli {

namespace {

std::atomic<bool> g_interrupted{ false };

extern "C" void
onInterrupt(int)
{
  g_interrupted.store(true);
}

class ProgressObserver : public engine::TrainingObserver
{
public:
  ProgressObserver(const std::string& label, int64_t totalSteps, engine::TrainingObserver* also)
    : m_bar(label, totalSteps)
    , m_also(also)
  {
  }

  void onStep(const engine::StepReport& report) override
  {
    if (m_also)
      m_also->onStep(report);
    char status[64];
    std::snprintf(
      status, sizeof status, "round %lld  avg %.3f", (long long)report.round, m_lastAverage);
    m_bar.update(report.step - 1, status);
  }

  void onMerge(const engine::MergeReport& report) override
  {
    if (m_also)
      m_also->onMerge(report);
    m_lastAverage = report.evaluation.averageReward;
    char status[64];
    std::snprintf(
      status, sizeof status, "round %lld  avg %.3f", (long long)report.round, m_lastAverage);
    m_bar.update(report.step, status);
  }

  void finish() { m_bar.finish(); }

private:
  ProgressBar m_bar;
  engine::TrainingObserver* m_also;
  double m_lastAverage = std::nan("");
};

} // namespace

std::stop_source&
interruptSource()
{
  static std::stop_source source;
  static bool installed = [] {
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    // A signal handler may only touch a lock-free atomic; this watcher turns
    // the flag into a stop request the engine sees.
    std::thread([] {
      while (!g_interrupted.load())
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      std::fprintf(stderr, "\nparetolab-cli: stopping after the current step...\n");
      source.request_stop();
    }).detach();
    return true;
  }();
  (void)installed;
  return source;
}

void
addTaskOptions(CLI::App* command, TaskArguments& arguments, bool configRequired)
{
  command
    ->add_option("--config",
                 arguments.config,
                 "Task JSON file, or a bundled task's name (toy, molecules, ...)")
    ->required(configRequired);
  command->add_option(
    "--set", arguments.overrides, "Override a task key, e.g. --set training.total_steps=20");
  command->add_option("--prior", arguments.prior, "Use this prior checkpoint, not the cache");
  command->add_option("--cache-dir", arguments.cacheDirectory, "Where priors are cached")
    ->capture_default_str();
}

PretrainProgressBar::PretrainProgressBar(std::string announcement)
  : m_announcement(std::move(announcement))
{
}

void
PretrainProgressBar::operator()(const engine::PretrainProgress& p)
{
  if (!m_bar) {
    if (!m_announcement.empty())
      std::fprintf(stderr, "paretolab-cli: %s\n", m_announcement.c_str());
    if (m_describeCorpus)
      if (const auto corpus = m_describeCorpus(); !corpus.empty())
        std::fprintf(stderr, "paretolab-cli: corpus %s\n", corpus.c_str());
    m_bar = std::make_unique<ProgressBar>("pretrain", p.epochs * p.batches);
  }
  // Before the first validation there is no validation NLL or validity to show.
  char field[48];
  std::snprintf(field, sizeof field, "epoch %lld  nll %.3f", (long long)p.epoch, p.trainLoss);
  std::string status = field;
  if (!std::isnan(p.validationLoss)) {
    std::snprintf(field, sizeof field, "  val %.3f", p.validationLoss);
    status += field;
  }
  if (!std::isnan(p.validity)) {
    std::snprintf(field, sizeof field, "  valid %.1f%%", 100.0 * p.validity);
    status += field;
  }
  m_bar->update((p.epoch - 1) * p.batches + p.batch, status);
}

PreparedTask
prepareTask(const TaskArguments& arguments, std::stop_token stop)
{
  return prepareTask(
    engine::loadTaskConfig(arguments.config, arguments.overrides), arguments, stop);
}

PreparedTask
prepareTask(engine::TaskConfig task, const TaskArguments& arguments, std::stop_token stop)
{
  if (!arguments.prior.empty())
    task.priorPath = arguments.prior;
  auto domain = engine::makeDomain(task.domain, task.domainOptions);
  PretrainProgressBar progress("pretraining the " + domain->name() + " prior (cached afterwards)");
  progress.setCorpusDescription([&domain] { return domain->describeCorpus(); });
  auto prior =
    engine::obtainPrior(task, *domain, arguments.cacheDirectory, std::ref(progress), stop);
  progress.finish();
  if (prior.cancelled)
    throw std::runtime_error("pretraining was cancelled; nothing was cached");
  if (prior.pretrained)
    std::fprintf(stderr,
                 "paretolab-cli: prior saved to %s (validation NLL %.4f)\n",
                 prior.path.c_str(),
                 prior.pretraining.bestValidationLoss);
  return PreparedTask{ std::move(task), std::move(domain), std::move(prior) };
}

engine::RunResult
trainWithProgress(engine::Trainer& trainer,
                  const std::string& label,
                  std::stop_token stop,
                  engine::TrainingObserver* also)
{
  ProgressObserver observer(label, trainer.options().totalSteps, also);
  auto result = trainer.run(observer, stop);
  observer.finish();
  return result;
}

nlohmann::json
evaluationJson(const engine::PolicyEvaluation& evaluation,
               const std::vector<engine::ObjectiveConfig>& objectives)
{
  nlohmann::json perObjective = nlohmann::json::object();
  nlohmann::json perObjectiveRaw = nlohmann::json::object();
  nlohmann::json perObjectiveValidUnique = nlohmann::json::object();
  const auto& validUnique = evaluation.validUnique;
  for (size_t i = 0; i < objectives.size(); ++i) {
    perObjective[objectives[i].name] = evaluation.transformedMeans[i];
    perObjectiveRaw[objectives[i].name] = evaluation.rawMeans[i];
    if (i < validUnique.transformedMeans.size())
      perObjectiveValidUnique[objectives[i].name] = validUnique.transformedMeans[i];
  }
  return { { "avg_reward", evaluation.averageReward },
           // Infinite (all equal) is written as null.
           { "icv", evaluation.icv },
           { "objective_balance", evaluation.objectiveBalance },
           { "per_objective", perObjective },
           { "per_objective_raw", perObjectiveRaw },
           { "hypervolume", evaluation.hypervolume },
           { "kl_to_prior", evaluation.klToPrior },
           { "entropy", evaluation.entropy },
           { "metrics", evaluation.domainMetrics },
           // The same over the valid samples, each counted once (how the
           // authors evaluate molecules); the figures above are over all samples.
           { "valid_unique",
             { { "count", validUnique.count },
               { "avg_reward", validUnique.averageReward },
               { "icv", validUnique.icv },
               { "per_objective", perObjectiveValidUnique } } } };
}

} // namespace paretolab::cli
