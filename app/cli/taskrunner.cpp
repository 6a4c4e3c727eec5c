// SPDX-License-Identifier: GPL-3.0-or-later
#include "taskrunner.h"

#include "domains/domainregistry.h"
#include "progressbar.h"

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
  ProgressObserver(const std::string& label, int64_t totalSteps)
    : m_bar(label, totalSteps)
  {
  }

  void onStep(const engine::StepReport& report) override
  {
    char status[64];
    std::snprintf(
      status, sizeof status, "round %lld  avg %.3f", (long long)report.round, m_lastAverage);
    m_bar.update(report.step - 1, status);
  }

  void onMerge(const engine::MergeReport& report) override
  {
    m_lastAverage = report.evaluation.averageReward;
    char status[64];
    std::snprintf(
      status, sizeof status, "round %lld  avg %.3f", (long long)report.round, m_lastAverage);
    m_bar.update(report.step, status);
  }

  void finish() { m_bar.finish(); }

private:
  ProgressBar m_bar;
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

PreparedTask
prepareTask(const std::string& configPath,
            const std::vector<std::string>& overrides,
            const std::string& priorPath,
            const std::string& cacheDirectory,
            std::stop_token stop)
{
  auto task = engine::loadTaskConfig(configPath, overrides);
  if (!priorPath.empty())
    task.priorPath = priorPath;
  auto domain = engine::makeDomain(task.domain, task.domainOptions);

  std::unique_ptr<ProgressBar> bar;
  auto progress = [&](const engine::PretrainProgress& p) {
    if (!bar) {
      std::fprintf(stderr,
                   "paretolab-cli: pretraining the %s prior (cached afterwards)\n",
                   domain->name().c_str());
      bar = std::make_unique<ProgressBar>("pretrain", p.epochs * p.batches);
    }
    char status[64];
    std::snprintf(status,
                  sizeof status,
                  "epoch %lld  nll %.3f  val %.3f",
                  (long long)p.epoch,
                  p.trainLoss,
                  p.validationLoss);
    bar->update((p.epoch - 1) * p.batches + p.batch, status);
  };
  auto prior = engine::obtainPrior(task, *domain, cacheDirectory, progress, stop);
  bar.reset();
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
trainWithProgress(engine::IterativeRsTrainer& trainer,
                  const std::string& label,
                  std::stop_token stop)
{
  ProgressObserver observer(label, trainer.options().totalSteps);
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
  for (size_t i = 0; i < objectives.size(); ++i) {
    perObjective[objectives[i].name] = evaluation.transformedMeans[i];
    perObjectiveRaw[objectives[i].name] = evaluation.rawMeans[i];
  }
  return { { "avg_reward", evaluation.averageReward },
           { "icv", evaluation.icv }, // infinite (equal means) is written as null
           { "per_objective", perObjective },
           { "per_objective_raw", perObjectiveRaw },
           { "hypervolume", evaluation.hypervolume },
           { "kl_to_prior", evaluation.klToPrior },
           { "entropy", evaluation.entropy },
           { "metrics", evaluation.domainMetrics } };
}

} // namespace paretolab::cli
