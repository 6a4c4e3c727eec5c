// SPDX-License-Identifier: GPL-3.0-or-later
// Experts as ranks (issue 17): ranks over real c10d/Gloo on loopback, one
// thread each, against one process training every expert.
// LibTorch before Qt: Qt's keywords would break ATen's headers (TOOLCHAIN.md).
#include "train/iterativerstrainer.h"
#include "train/rankgroup.h"
#include "train/roundcheckpoint.h"

#include "support/toyprior.h"
#include "support/trainerprobes.h"

#include <QtTest>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

using namespace paretolab::engine;
using namespace paretolab::engine::testing;

namespace {

TrainerOptions
distributedOptions(bool gae)
{
  TrainerOptions options;
  options.totalSteps = 6;
  options.mergePeriod = 2;
  options.evaluationBatch = 32;
  options.seed = 23;
  options.keepCheckpoints = 100;
  options.ppo.batchSize = 16;
  options.ppo.learningRate = 1e-3;
  if (gae) { // the critic, the kept optimizer moments and a subset travel too
    options.ppo.advantage = AdvantageEstimator::Gae;
    options.optimizerAtMerge = OptimizerAtMerge::Merge;
    options.subsetSize = 2;
  }
  return options;
}

/// What one rank's run left behind.
struct RankOutcome
{
  Recorder recorder;
  RunResult result;
  std::string error; ///< a DistributedError's message, if the rank ended with one
  double seconds = 0.0;
};

/// Runs `world` ranks as threads over loopback. `configure(rank, options)`
/// may change a rank's options; `stop[rank]` cancels it before its first step.
std::vector<RankOutcome>
runRanks(int world,
         const std::vector<ObjectiveConfig>& objectives,
         TrainerOptions options,
         const std::function<void(int, TrainerOptions&)>& configure = {},
         std::chrono::milliseconds timeout = std::chrono::seconds(60))
{
  std::vector<RankOutcome> outcomes(static_cast<size_t>(world));
  std::promise<uint16_t> portPromise;
  auto port = portPromise.get_future().share();
  const auto prior = toyPrior(); // built once, before the threads
  std::vector<std::thread> threads;
  for (int rank = 0; rank < world; ++rank)
    threads.emplace_back([&, rank] {
      auto& outcome = outcomes[size_t(rank)];
      const auto started = std::chrono::steady_clock::now();
      try {
        RankAddress address;
        address.rank = rank;
        address.size = world;
        address.timeout = timeout;
        if (rank > 0)
          address.port = port.get();
        auto group =
          joinRanks(address, [&](uint16_t listening) { portPromise.set_value(listening); });
        auto rankOptions = options;
        if (rank > 0)
          rankOptions.checkpointDirectory.clear();
        std::stop_source stop;
        if (configure)
          configure(rank, rankOptions);
        if (rankOptions.totalSteps < 0) { // the test's way to lose this rank at once
          rankOptions.totalSteps = options.totalSteps;
          stop.request_stop();
        }
        IterativeRsTrainer trainer(toyDomain(), prior, objectives, rankOptions);
        trainer.distributeOver(group);
        outcome.result = trainer.run(outcome.recorder, stop.get_token());
      } catch (const DistributedError& error) {
        outcome.error = error.what();
      }
      outcome.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    });
  for (auto& thread : threads)
    thread.join();
  return outcomes;
}

std::string
scratchDirectory(const char* name)
{
  const auto path = std::filesystem::temp_directory_path() /
                    ("paretolab-tst-distributed-" + std::string(name) + "-" +
                     std::to_string(QCoreApplication::applicationPid()));
  std::filesystem::remove_all(path);
  std::filesystem::create_directories(path);
  return path.string();
}

} // namespace

class TestDistributed : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase() { toyPrior(); }

  void threeRanksTrainWhatOneProcessTrains_data()
  {
    QTest::addColumn<bool>("gae");
    QTest::newRow("RLOO, Adam reset at merges") << false;
    QTest::newRow("GAE critics, Adam moments merged, subsets of 2") << true;
  }

  // Each expert on its own rank: every expert before every merge, every
  // merged policy and every recorded metric equal one process's.
  void threeRanksTrainWhatOneProcessTrains()
  {
    QFETCH(bool, gae);
    const auto objectives = toyObjectives();
    auto options = distributedOptions(gae);
    options.checkpointDirectory = scratchDirectory(gae ? "one-gae" : "one");
    IterativeRsTrainer alone(toyDomain(), toyPrior(), objectives, options);
    Recorder single;
    alone.run(single);

    options.checkpointDirectory = scratchDirectory(gae ? "ranks-gae" : "ranks");
    auto ranks = runRanks(3, objectives, options);
    for (const auto& rank : ranks)
      QVERIFY2(rank.error.empty(), rank.error.c_str());
    const auto& root = ranks[0].recorder;
    QVERIFY(ranks[1].recorder.steps.empty() && ranks[1].recorder.merges.empty());
    QCOMPARE(ranks[2].result.rounds, int64_t(3));

    // Every round's checkpoint: the experts before the merge, and the merge.
    QCOMPARE(root.merges.size(), single.merges.size());
    QCOMPARE(root.merges.size(), size_t(4)); // the prior and 3 rounds
    for (size_t round = 1; round < root.merges.size(); ++round) {
      const auto read = [&](const MergeReport& merge) {
        return readRoundCheckpoint(merge.checkpoint, 3, 3, gae, gae);
      };
      const auto mine = read(root.merges[round]);
      const auto theirs = read(single.merges[round]);
      for (size_t k = 0; k < 3; ++k)
        QCOMPARE(maxDifference(mine.experts[k], theirs.experts[k]), 0.0);
      QVERIFY(maxDifference(mine.rho, theirs.rho) <= 1e-6);
      QVERIFY(mine.nextSubset == theirs.nextSubset);
      QVERIFY(root.merges[round].subset == single.merges[round].subset);
      QVERIFY(root.merges[round].lambda == single.merges[round].lambda);
      QCOMPARE(root.merges[round].evaluation.averageReward,
               single.merges[round].evaluation.averageReward);
      QVERIFY(root.merges[round].evaluation.samples == single.merges[round].evaluation.samples);
      QCOMPARE(root.merges[round].klDivergence, single.merges[round].klDivergence);
    }
    QVERIFY(
      maxDifference(readRoundCheckpoint(root.merges[1].checkpoint, 3, 3, gae, gae).experts[0],
                    readRoundCheckpoint(root.merges[1].checkpoint, 3, 3, gae, gae).experts[1]) >
      1e-5); // the experts really differ

    // Every step of every expert reached rank 0's recorder once, with one process's figures.
    auto byStep = [](std::vector<StepReport> steps) {
      std::sort(steps.begin(), steps.end(), [](const auto& a, const auto& b) {
        return std::pair(a.step, a.expert) < std::pair(b.step, b.expert);
      });
      return steps;
    };
    const auto mine = byStep(root.steps);
    const auto theirs = byStep(single.steps);
    QCOMPARE(mine.size(), theirs.size());
    for (size_t i = 0; i < mine.size(); ++i) {
      QCOMPARE(mine[i].step, theirs[i].step);
      QCOMPARE(mine[i].expert, theirs[i].expert);
      QCOMPARE(mine[i].round, theirs[i].round);
      QCOMPARE(mine[i].averageReward, theirs[i].averageReward);
      QVERIFY(mine[i].transformedMeans == theirs[i].transformedMeans);
      QCOMPARE(mine[i].klToPrior, theirs[i].klToPrior);
      QVERIFY(mine[i].domainMetrics == theirs[i].domainMetrics);
    }
  }

  // A rank that ends early (here: cancelled before its first step) makes the
  // others stop at the next merge with a message, not wait for ever.
  void aLostRankStopsTheOthersWithAMessage()
  {
    const auto timeout = std::chrono::seconds(30);
    auto ranks = runRanks(
      3,
      toyObjectives(),
      distributedOptions(false),
      [](int rank, TrainerOptions& options) {
        if (rank == 2)
          options.totalSteps = -1;
      },
      timeout);
    QVERIFY(ranks[2].error.empty());
    QVERIFY(ranks[2].result.cancelled);
    for (int rank : { 0, 1 }) {
      const auto& outcome = ranks[size_t(rank)];
      QVERIFY2(!outcome.error.empty(), "a rank went on without rank 2");
      QVERIFY2(outcome.error.find("lost contact with the other ranks") != std::string::npos,
               outcome.error.c_str());
      QVERIFY2(outcome.seconds < 30.0 + 10.0, qPrintable(QString::number(outcome.seconds)));
    }
  }

  void aRankSetUpDifferentlyIsRefused()
  {
    auto ranks = runRanks(2, toyObjectives(), distributedOptions(false), [](int rank, auto& o) {
      if (rank == 1)
        o.seed += 1;
    });
    QVERIFY2(ranks[1].error.find("is not set up as rank 0 is") != std::string::npos,
             ranks[1].error.c_str());
    QVERIFY(!ranks[0].error.empty());
  }

  void methodsWithoutExpertsAreRefused_data()
  {
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("message");
    QTest::newRow("MORLHF") << "morlhf"
                            << "trains one policy";
    QTest::newRow("CLP") << "clp"
                         << "trains one policy";
    QTest::newRow("adaptive m") << "adaptive"
                                << "adaptive m";
  }

  void methodsWithoutExpertsAreRefused()
  {
    QFETCH(QString, what);
    QFETCH(QString, message);
    auto options = distributedOptions(false);
    if (what == "morlhf")
      options.method = Method::Morlhf;
    if (what == "clp")
      options.method = Method::Clp;
    if (what == "adaptive")
      options.adaptive.enabled = true;
    RankAddress address; // one rank: the refusal comes before any exchange
    IterativeRsTrainer trainer(toyDomain(), toyPrior(), toyObjectives(), options);
    try {
      trainer.distributeOver(joinRanks(address));
      QFAIL("not refused");
    } catch (const std::invalid_argument& error) {
      QVERIFY2(QString(error.what()).contains(message), error.what());
    }
  }
};

QTEST_GUILESS_MAIN(TestDistributed)
#include "tst_distributed.moc"
