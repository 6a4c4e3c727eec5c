// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocess.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>

extern char** environ;

namespace paretolab::cli {

std::string
currentExecutable()
{
  // A binary replaced while it runs (a rebuild, an upgrade) reads as "PATH (deleted)":
  // the children then run what is at PATH now.
  auto path = std::filesystem::read_symlink("/proc/self/exe").string();
  const std::string deleted = " (deleted)";
  if (path.size() > deleted.size() && path.ends_with(deleted))
    path.resize(path.size() - deleted.size());
  return path;
}

ChildProcess::ChildProcess(const std::vector<std::string>& arguments, const std::string& logPath)
{
  const auto executable = currentExecutable();
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(executable.c_str()));
  for (size_t i = 1; i < arguments.size(); ++i)
    argv.push_back(const_cast<char*>(arguments[i].c_str()));
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(
    &actions, STDOUT_FILENO, logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  const int error =
    posix_spawn(&m_pid, executable.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0)
    throw std::runtime_error("cannot start " + executable + ": " + std::strerror(error));
}

ChildProcess::~ChildProcess()
{
  if (!m_exitCode && m_pid > 0) {
    ::kill(m_pid, SIGTERM);
    wait();
  }
}

int
ChildProcess::decode(int status)
{
  m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return *m_exitCode;
}

std::optional<int>
ChildProcess::poll()
{
  if (m_exitCode)
    return m_exitCode;
  int status = 0;
  const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
  if (done == m_pid)
    decode(status);
  return m_exitCode;
}

int
ChildProcess::wait()
{
  if (m_exitCode)
    return *m_exitCode;
  int status = 0;
  while (::waitpid(m_pid, &status, 0) < 0)
    if (errno != EINTR)
      return *(m_exitCode = 1);
  return decode(status);
}

void
ChildProcess::interrupt()
{
  if (!m_exitCode)
    ::kill(m_pid, SIGINT);
}

void
ChildProcess::kill()
{
  if (!m_exitCode) {
    ::kill(m_pid, SIGKILL);
    wait();
  }
}

} // namespace paretolab::cli
