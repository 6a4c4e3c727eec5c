// SPDX-License-Identifier: GPL-3.0-or-later
// paretolab-cli: the command-line front end of the engine.

#include "commands.h"

#include "core/runtime.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

int
main(int argc, char** argv)
{
  const auto info = paretolab::engine::runtimeInfo();
  CLI::App cli{ "ParetoLab: fine-tune generative models on several rewards at once "
                "(IterativeRS, MORLHF, Rewarded Soups)",
                "paretolab-cli" };
  cli.set_version_flag("--version",
                       "paretolab-cli " + info.paretolab + " (LibTorch " + info.torch + ", RDKit " +
                         info.rdkit + ")");
  paretolab::engine::keepFreedMemoryForReuse();
  paretolab::engine::setComputeThreads(0);
  cli.add_option_function<int>(
    "--threads",
    [](int threads) { paretolab::engine::setComputeThreads(threads); },
    "LibTorch threads (default: all cores)");
  cli.require_subcommand(0, 1);

  int exitCode = 0;
  paretolab::cli::addPretrainCommand(cli, exitCode);
  paretolab::cli::addTrainCommand(cli, exitCode);
  paretolab::cli::addExperimentCommand(cli, exitCode);
  paretolab::cli::addScoreCommand(cli, exitCode);
  paretolab::cli::addRunsCommand(cli, exitCode);
  paretolab::cli::addExportCommand(cli, exitCode);
  paretolab::cli::addSweepCommand(cli, exitCode);
  paretolab::cli::addBenchmarkCommand(cli, exitCode);
  paretolab::cli::addSampleCommand(cli, exitCode);
  paretolab::cli::addMetricsCommand(cli, exitCode);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and version end with 0; every other mistake on the command line is
    // bad input like any other, exit code 2, as the other errors are.
    const int rc = cli.exit(e);
    return rc == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    // Bad input (a task file, a checkpoint) ends here with its message, never a crash.
    std::fprintf(stderr, "paretolab-cli: error: %s\n", e.what());
    return 2;
  }
  if (cli.get_subcommands().empty())
    std::cout << cli.help();
  return exitCode;
}
