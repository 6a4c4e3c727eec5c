// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CLI {
class App;
}

namespace paretolab::cli {

// Each adds one subcommand to the paretolab-cli parser; its callback runs the
// command and stores the process exit code.
void
addPretrainCommand(CLI::App& app, int& exitCode);
void
addTrainCommand(CLI::App& app, int& exitCode);
void
addExperimentCommand(CLI::App& app, int& exitCode);
void
addScoreCommand(CLI::App& app, int& exitCode);
void
addRunsCommand(CLI::App& app, int& exitCode);
void
addExportCommand(CLI::App& app, int& exitCode);
void
addSweepCommand(CLI::App& app, int& exitCode);
void
addBenchmarkCommand(CLI::App& app, int& exitCode);
void
addSampleCommand(CLI::App& app, int& exitCode);
void
addMetricsCommand(CLI::App& app, int& exitCode);

} // namespace paretolab::cli
