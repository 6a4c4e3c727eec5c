// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace paretolab::cli {

/// One run of this program as a child process, its output going to a log
/// file, so that an experiment's cells train side by side on separate cores.
class ChildProcess
{
public:
  /// Starts `arguments` (arguments[0] is ignored; this executable runs)
  /// with stdout and stderr appended to `logPath`. Throws std::runtime_error.
  ChildProcess(const std::vector<std::string>& arguments, const std::string& logPath);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// The exit code once the child has ended (128 + signal when killed), or nothing.
  std::optional<int> poll();
  /// Blocks until the child ends; its exit code.
  int wait();
  /// Asks the child to stop as Ctrl-C would (it finishes its step and exits).
  void interrupt();
  /// Ends the child at once (SIGKILL) and reaps it.
  void kill();

private:
  int decode(int status);

  pid_t m_pid = -1;
  std::optional<int> m_exitCode;
};

/// The path of the running executable.
std::string
currentExecutable();

} // namespace paretolab::cli
