// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/xtbprogram.h"

#include "domains/molecules/quantumgeometry.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace paretolab::engine::quantum {

namespace {

class TemporaryDirectory
{
public:
  TemporaryDirectory()
  {
    std::error_code error;
    auto base = std::filesystem::temp_directory_path(error);
    if (error)
      base = "/tmp";
    std::string pattern = (base / "paretolab-xtb-XXXXXX").string();
    if (::mkdtemp(pattern.data()))
      m_path = pattern;
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  ~TemporaryDirectory()
  {
    std::error_code ignored;
    if (!m_path.empty())
      std::filesystem::remove_all(m_path, ignored);
  }

  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

std::string
readText(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The last line of `text` that mentions an error, else its last non-empty line.
std::string
lastMessage(const std::string& text)
{
  std::istringstream lines(text);
  std::string line;
  std::string last;
  std::string lastError;
  while (std::getline(lines, line)) {
    line = trimmed(line);
    if (line.empty())
      continue;
    last = line;
    if (line.find("ERROR") != std::string::npos || line.find("error") != std::string::npos)
      lastError = line;
  }
  return lastError.empty() ? last : lastError;
}

// The environment of this process with the child's thread count pinned to 1: it
// runs beside our own worker threads, and these molecules are far too small to gain from more.
std::vector<std::string>
childEnvironment()
{
  std::vector<std::string> variables;
  for (char** variable = environ; variable && *variable; ++variable) {
    const std::string text = *variable;
    if (text.rfind("OMP_NUM_THREADS=", 0) == 0 || text.rfind("OPENBLAS_NUM_THREADS=", 0) == 0)
      continue;
    variables.push_back(text);
  }
  variables.emplace_back("OMP_NUM_THREADS=1");
  variables.emplace_back("OPENBLAS_NUM_THREADS=1");
  return variables;
}

} // namespace

StepFailure
runXtbProgram(const std::string& program,
              const Geometry& geometry,
              const Deadline& deadline,
              ProgramOutput& output)
{
  TemporaryDirectory directory;
  if (directory.path().empty())
    return { std::string("cannot create a temporary directory for xtb: ") + std::strerror(errno),
             false };
  {
    std::ofstream xyz(directory.path() / "mol.xyz", std::ios::binary);
    xyz << xyzText(geometry);
    if (!xyz.flush())
      return { "cannot write the xtb input in " + directory.path().string(), false };
  }

  std::vector<std::string> arguments = {
    program,
    "mol.xyz",
    "--gfn",
    "2",
    "--sp",
    "--chrg",
    std::to_string(geometry.charge),
    "--uhf",
    std::to_string(geometry.unpaired),
  };
  std::vector<char*> argv;
  for (auto& argument : arguments)
    argv.push_back(argument.data());
  argv.push_back(nullptr);
  auto environment = childEnvironment();
  std::vector<char*> envp;
  for (auto& variable : environment)
    envp.push_back(variable.data());
  envp.push_back(nullptr);

  // xtb writes several scratch files into its working directory: run it inside ours.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addchdir_np(&actions, directory.path().c_str());
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(
    &actions, STDOUT_FILENO, "out.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(
    &actions, STDERR_FILENO, "err.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const bool searchPath = program.find('/') == std::string::npos;
  const int spawned =
    searchPath ? ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data())
               : ::posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    return { "cannot run the xtb program '" + program + "': " + std::strerror(spawned), false };

  int status = 0;
  auto pause = std::chrono::microseconds(500);
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid)
      break;
    if (done < 0 && errno != EINTR)
      return { std::string("waiting for the xtb program failed: ") + std::strerror(errno), false };
    if (deadline.passed()) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return { deadline.describe("in the xtb program (polarizability step); it was killed"),
               false };
    }
    std::this_thread::sleep_for(
      std::min<std::chrono::steady_clock::duration>(pause, deadline.remaining()));
    pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(5));
  }

  const std::string out = readText(directory.path() / "out.txt");
  if (WIFSIGNALED(status))
    return { "the xtb program was killed by signal " + std::to_string(WTERMSIG(status)), false };
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string message = lastMessage(readText(directory.path() / "err.txt") + "\n" + out);
    return { "the xtb program failed with exit status " + std::to_string(WEXITSTATUS(status)) +
               (message.empty() ? std::string() : ": " + message),
             false };
  }

  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    const auto text = trimmed(line);
    // "Mol. α(0) /au        :          9.428845" (α is UTF-8)
    if (text.rfind("Mol. ", 0) == 0 && text.find("(0) /au") != std::string::npos) {
      const auto colon = text.find(':');
      if (colon != std::string::npos) {
        char* end = nullptr;
        const double value = std::strtod(text.c_str() + colon + 1, &end);
        if (end != text.c_str() + colon + 1)
          output.alpha = value;
      }
    }
    const auto versionAt = text.find("xtb version ");
    if (output.version.empty() && versionAt != std::string::npos) {
      std::istringstream words(text.substr(versionAt + 12));
      words >> output.version;
    }
  }
  if (!std::isfinite(output.alpha))
    return { "the xtb program printed no 'Mol. α(0) /au' line", false };
  return {};
}

} // namespace paretolab::engine::quantum
