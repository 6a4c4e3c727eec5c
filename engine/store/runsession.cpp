// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/runsession.h"

#include "core/atomicfile.h"
#include "core/sha256.h"
#include "store/runrecorder.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace paretolab::engine {

TaskConfig
storedTask(const RunRecord& run)
{
  const auto json = nlohmann::json::parse(run.taskJson, nullptr, false);
  if (json.is_discarded())
    throw TaskError("run " + std::to_string(run.id) + ": its stored task is not valid JSON");
  return parseTaskConfig(json, "run " + std::to_string(run.id));
}

void
verifyCheckpoint(const RunStore::MergeCheckpoint& checkpoint, int64_t runId)
{
  std::string bytes;
  try {
    bytes = readFile(checkpoint.path);
  } catch (const std::exception&) {
    throw std::runtime_error("checkpoint " + checkpoint.path + " of run " + std::to_string(runId) +
                             " is missing");
  }
  if (sha256Hex(bytes) != checkpoint.sha256)
    throw std::runtime_error("checkpoint " + checkpoint.path +
                             " does not match the sha256 recorded for it; it is damaged");
}

RunSession::RunSession(const std::string& databasePath)
  : m_store(databasePath)
{
}

void
RunSession::useTask(TaskConfig task)
{
  m_task = std::move(task);
  m_task.training.checkpointDirectory = runCheckpointDirectory(m_store, m_runId);
}

void
RunSession::create(const TaskConfig& task, const std::string& priorVersion)
{
  m_runId = m_store.createRun(task.name, task.source.dump(), task.training.seed, priorVersion);
  m_resumePoint.reset();
  useTask(task);
}

void
RunSession::resume(int64_t runId)
{
  const auto record = m_store.run(runId);
  if (!record)
    throw std::runtime_error("no run " + std::to_string(runId) + " in " + m_store.path());
  const auto checkpoint = m_store.lastCheckpoint(runId);
  if (!checkpoint)
    throw std::runtime_error("run " + std::to_string(runId) +
                             " completed no merge round to resume from; start it again");
  verifyCheckpoint(*checkpoint, runId);
  auto task = storedTask(*record);
  m_runId = runId;
  m_resumePoint = checkpoint;
  m_store.discardAfter(runId, checkpoint->step);
  useTask(std::move(task));
}

int64_t
RunSession::resolve(const std::string& which) const
{
  if (which == "latest") {
    const auto run = m_store.latestInterrupted();
    if (!run)
      throw std::runtime_error("no interrupted run in " + m_store.path());
    return run->id;
  }
  size_t used = 0;
  int64_t id = 0;
  try {
    id = std::stoll(which, &used);
  } catch (const std::exception&) {
  }
  if (used == 0 || used != which.size() || !m_store.run(id))
    throw std::runtime_error("no run " + which + " in " + m_store.path() +
                             " (paretolab-cli runs lists them)");
  return id;
}

std::unique_ptr<TrainingObserver>
RunSession::recorder(TrainingObserver* next)
{
  std::vector<std::string> names;
  for (const auto& objective : m_task.objectives)
    names.push_back(objective.name);
  return std::make_unique<RunRecorder>(m_store, m_runId, std::move(names), next);
}

void
RunSession::finish(const RunResult& result)
{
  m_store.finishRun(m_runId, result.cancelled ? "cancelled" : "finished");
}

void
RunSession::fail()
{
  m_store.finishRun(m_runId, "failed");
}

} // namespace paretolab::engine
