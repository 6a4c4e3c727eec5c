// SPDX-License-Identifier: GPL-3.0-or-later
#include "ranks.h"

#include "taskrunner.h"

#include "core/atomicfile.h"
#include "core/runtime.h"
#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace paretolab::cli {

namespace fs = std::filesystem;

namespace {

/// The last `count` lines of a worker's log, for the message of its failure.
std::string
lastLines(const std::string& path, size_t count)
{
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line.find('\r') == std::string::npos) // not progress bars
      lines.push_back(line);
  std::string tail;
  for (size_t i = lines.size() > count ? lines.size() - count : 0; i < lines.size(); ++i)
    tail += "\n    " + lines[i];
  return tail;
}

/// A private folder for what one process writes while it runs.
std::string
makeScratchDirectory(const std::string& purpose)
{
  const auto path =
    fs::temp_directory_path() / ("paretolab-" + purpose + "-" + std::to_string(::getpid()));
  fs::create_directories(path);
  return path.string();
}

} // namespace

engine::RankAddress
RankOptions::address() const
{
  engine::RankAddress address;
  const auto colon = master.rfind(':');
  if (colon == std::string::npos || colon == 0)
    throw std::invalid_argument("--master must be HOST:PORT, not \"" + master + "\"");
  address.host = master.substr(0, colon);
  const auto port = std::stoi(master.substr(colon + 1));
  if (port < 1 || port > 65535)
    throw std::invalid_argument("--master: port " + std::to_string(port) + " is not 1..65535");
  address.port = uint16_t(port);
  address.rank = rank;
  address.size = world;
  address.bind = bind;
  address.timeout = std::chrono::seconds(timeoutSeconds);
  return address;
}

LocalRanks::LocalRanks(int world, int timeoutSeconds, const std::string& cacheDirectory)
  : m_logDirectory(makeScratchDirectory("ranks"))
{
  // Every rank computes with this process's thread count: LibTorch's sums
  // depend on it, and the run must equal the same command without --ranks.
  const int threads = engine::computeThreads();
  engine::RankAddress address;
  address.size = world;
  address.timeout = std::chrono::seconds(timeoutSeconds);
  const auto startWorkers = [&](uint16_t port) {
    for (int rank = 1; rank < world; ++rank)
      m_workers.push_back(std::make_unique<ChildProcess>(
        std::vector<std::string>{ "",
                                  "--threads",
                                  std::to_string(threads),
                                  "worker",
                                  "--rank",
                                  std::to_string(rank),
                                  "--world",
                                  std::to_string(world),
                                  "--master",
                                  "127.0.0.1:" + std::to_string(port),
                                  "--timeout",
                                  std::to_string(timeoutSeconds),
                                  "--cache-dir",
                                  cacheDirectory },
        m_logDirectory + "/rank-" + std::to_string(rank) + ".log"));
    std::fprintf(stderr,
                 "paretolab-cli: %d ranks on this machine (threads per rank: %d), rendezvous at "
                 "127.0.0.1:%u, the workers' logs in %s\n",
                 world,
                 threads,
                 unsigned(port),
                 m_logDirectory.c_str());
  };
  try {
    m_group = engine::joinRanks(address, startWorkers);
  } catch (...) {
    for (auto& worker : m_workers) // waiting for a rendezvous that will not come
      worker->kill();
    throw;
  }
}

LocalRanks::~LocalRanks()
{
  for (auto& worker : m_workers)
    worker->kill();
  std::error_code ignored;
  if (!m_keepLogs)
    fs::remove_all(m_logDirectory, ignored);
}

std::string
LocalRanks::describeFailures()
{
  // The workers that lost a peer take a moment to notice and end.
  for (int wait = 0; wait < 50; ++wait) {
    if (std::all_of(m_workers.begin(), m_workers.end(), [](auto& worker) {
          return worker->poll().has_value();
        }))
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::string failures;
  for (size_t i = 0; i < m_workers.size(); ++i) {
    const auto code = m_workers[i]->poll();
    if (!code || *code == 0)
      continue;
    const auto rank = std::to_string(i + 1);
    failures += "\n  rank " + rank +
                (*code > 128 ? " was killed by signal " + std::to_string(*code - 128)
                             : " ended with exit code " + std::to_string(*code)) +
                lastLines(m_logDirectory + "/rank-" + rank + ".log", 2);
  }
  if (!failures.empty()) {
    m_keepLogs = true;
    failures += "\n  (the workers' logs are kept in " + m_logDirectory + ")";
  }
  return failures;
}

void
LocalRanks::waitForWorkers()
{
  for (auto& worker : m_workers)
    worker->wait();
  const auto failures = describeFailures();
  if (!failures.empty())
    throw engine::DistributedError("a worker rank failed:" + failures);
}

void
shareRun(engine::RankGroup& ranks,
         const engine::TaskConfig& task,
         const std::string& priorPath,
         const std::string& resumeCheckpoint)
{
  const nlohmann::json run{ { "task", task.source }, { "origin", task.name } };
  ranks.broadcast(run.dump(), 0);
  ranks.broadcast(engine::readFile(priorPath), 0);
  ranks.broadcast(resumeCheckpoint.empty() ? std::string{} : engine::readFile(resumeCheckpoint), 0);
}

int
runWorkerRank(const std::shared_ptr<engine::RankGroup>& group, const std::string& cacheDirectory)
{
  auto& ranks = *group;
  const auto scratch = makeScratchDirectory("rank-" + std::to_string(ranks.rank()));
  struct RemoveScratch
  {
    std::string path;
    ~RemoveScratch()
    {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } removeScratch{ scratch };

  const auto run = nlohmann::json::parse(ranks.broadcast({}, 0));
  auto task = engine::parseTaskConfig(run.at("task"), run.at("origin").get<std::string>());
  task.priorPath = scratch + "/prior.plckpt";
  engine::writeFileAtomically(task.priorPath, ranks.broadcast({}, 0));
  const auto checkpoint = ranks.broadcast({}, 0);

  TaskArguments arguments;
  arguments.cacheDirectory = cacheDirectory;
  auto& stop = interruptSource();
  const auto prepared = prepareTask(task, arguments, stop.get_token());
  const auto trainer = engine::makeTrainer(
    prepared.domain, prepared.prior.policy, prepared.task.objectives, prepared.task.training);
  if (!checkpoint.empty()) {
    const auto path = scratch + "/resume.plround";
    engine::writeFileAtomically(path, checkpoint);
    trainer->resumeFrom(path);
  }
  trainer->distributeOver(group);
  std::fprintf(stderr,
               "paretolab-cli: rank %d of %d: %s, experts of",
               ranks.rank(),
               ranks.size(),
               task.name.c_str());
  for (size_t k = 0; k < task.objectives.size(); ++k)
    if (ranks.owns(k))
      std::fprintf(stderr, " %s", task.objectives[k].name.c_str());
  std::fprintf(stderr, "\n");
  engine::TrainingObserver quiet;
  const auto result = trainer->run(quiet, stop.get_token());
  std::fprintf(stderr,
               "paretolab-cli: rank %d: %lld steps, %lld rounds, %llu bytes moved\n",
               ranks.rank(),
               (long long)result.stepsDone,
               (long long)result.rounds,
               (unsigned long long)ranks.bytesMoved());
  return result.cancelled ? 130 : 0;
}

} // namespace paretolab::cli
