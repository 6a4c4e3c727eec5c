// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/quantumproperties.h"

#include <GraphMol/DistGeomHelpers/Embedder.h>
#include <GraphMol/ForceFieldHelpers/MMFF/MMFF.h>
#include <GraphMol/GraphMol.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/PeriodicTable.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <omp.h>
#include <sqlite3.h>
#include <xtb.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace paretolab::engine {

namespace {

constexpr double kHartreeToEv = 27.211386245988;
// The Bohr radius in Ångström (CODATA 2018). With it the C API and the xtb program,
// which reads the XYZ file in Ångström, agree on the total energy to 1e-12 Eh.
constexpr double kAngstromPerBohr = 0.529177210903;
// Fixed so that a SMILES always gets the same geometry, and hence the same numbers.
constexpr int kEmbedSeed = 0xf00d;
constexpr int kMmffMaxIterations = 2000;
// GFN2-xTB is parametrised for H to Rn.
constexpr int kLastXtbElement = 86;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The xTB C API (a Fortran library) is not documented as thread-safe, so every
// use of it in the process, from any QuantumCalculator, goes through this lock.
std::mutex&
xtbApiMutex()
{
  static std::mutex mutex;
  return mutex;
}

class Deadline
{
public:
  using Clock = std::chrono::steady_clock;

  explicit Deadline(double seconds)
    : m_seconds(seconds)
    , m_end(Clock::now() + std::chrono::duration_cast<Clock::duration>(
                             std::chrono::duration<double>(boundedSeconds(seconds))))
  {
  }

  bool passed() const { return Clock::now() >= m_end; }
  Clock::duration remaining() const { return std::max(m_end - Clock::now(), Clock::duration{}); }
  std::string describe(const std::string& step) const
  {
    std::ostringstream text;
    text << "timeout: the per-molecule budget of " << m_seconds << " s ran out " << step;
    return text.str();
  }

private:
  // NaN means no time at all; beyond 30 years means no limit, without overflowing the clock.
  static double boundedSeconds(double seconds)
  {
    return std::isnan(seconds) ? 0.0 : std::clamp(seconds, 0.0, 1e9);
  }

  double m_seconds;
  Clock::time_point m_end;
};

struct Geometry
{
  std::vector<int> numbers;
  std::vector<double> positions; // Ångström, [atom][3]
  int charge = 0;
  int unpaired = 0;
  int heavyAtoms = 0;
};

// A step's outcome: empty `failure` means success. `cacheable` is false when the
// failure says more about this machine or this moment than about the molecule.
struct StepFailure
{
  std::string failure;
  bool cacheable = true;

  explicit operator bool() const { return !failure.empty(); }
};

std::string
trimmed(std::string text)
{
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos)
    return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::unique_ptr<RDKit::RWMol>
parseSmiles(const std::string& smiles, std::string& failure)
{
  std::unique_ptr<RDKit::RWMol> mol;
  try {
    mol.reset(RDKit::SmilesToMol(smiles));
  } catch (const std::exception& error) {
    failure = std::string("invalid SMILES: ") + error.what();
    return nullptr;
  }
  if (!mol) {
    failure = "invalid SMILES: cannot parse '" + smiles + "'";
    return nullptr;
  }
  if (mol->getNumAtoms() == 0) {
    failure = "invalid SMILES: no atoms";
    return nullptr;
  }
  return mol;
}

// Embeds and optimises `mol` (hydrogens are added here) and reads off what xTB needs.
StepFailure
buildGeometry(RDKit::RWMol& mol, Geometry& geometry, const Deadline& deadline)
{
  for (const auto* atom : mol.atoms()) {
    const int z = atom->getAtomicNum();
    if (z < 1 || z > kLastXtbElement)
      return { "unsupported element: GFN2-xTB covers H to Rn, not '" + atom->getSymbol() + "'" };
    if (z > 1)
      ++geometry.heavyAtoms;
  }
  if (geometry.heavyAtoms == 0)
    return { "no heavy atoms: the energy per heavy atom is undefined" };
  // ETKDG embeds each fragment about the origin, so the fragments of a salt or a
  // mixture would overlap; and a QM9-style property belongs to one molecule.
  std::vector<int> fragmentOfAtom;
  if (const auto fragments = RDKit::MolOps::getMolFrags(mol, fragmentOfAtom); fragments > 1)
    return { "disconnected SMILES (" + std::to_string(fragments) +
             " fragments): the quantum objectives need a single molecule" };

  RDKit::MolOps::addHs(mol);
  auto params = RDKit::DGeomHelpers::ETKDGv3;
  params.randomSeed = kEmbedSeed;
  int conformer = -1;
  try {
    conformer = RDKit::DGeomHelpers::EmbedMolecule(mol, params);
    if (conformer < 0 && !deadline.passed()) {
      // RDKit's advice for molecules whose distance-geometry eigenvalue start fails.
      params.useRandomCoords = true;
      conformer = RDKit::DGeomHelpers::EmbedMolecule(mol, params);
    }
  } catch (const std::exception& error) {
    // Seen in NCI: "bad lower bound" from the bounds matrix of a strained cage.
    return { std::string("3D embedding failed: ") + error.what() };
  }
  if (deadline.passed())
    return { deadline.describe("during 3D embedding"), false };
  if (conformer < 0)
    return { "3D embedding failed (ETKDGv3, also with random starting coordinates)" };

  int status = -1;
  try {
    status =
      RDKit::MMFF::MMFFOptimizeMolecule(mol, kMmffMaxIterations, "MMFF94", 10.0, conformer).first;
  } catch (const std::exception& error) {
    return { std::string("MMFF94 optimisation failed: ") + error.what() };
  }
  if (status < 0)
    return { "MMFF94 has no parameters for this molecule" };
  if (status > 0)
    return { "MMFF94 optimisation did not converge in " + std::to_string(kMmffMaxIterations) +
             " iterations" };
  if (deadline.passed())
    return { deadline.describe("during MMFF94 optimisation"), false };

  const auto& positions = mol.getConformer(conformer).getPositions();
  for (const auto* atom : mol.atoms()) {
    geometry.numbers.push_back(atom->getAtomicNum());
    const auto& point = positions[atom->getIdx()];
    geometry.positions.insert(geometry.positions.end(), { point.x, point.y, point.z });
    geometry.unpaired += int(atom->getNumRadicalElectrons());
  }
  geometry.charge = RDKit::MolOps::getFormalCharge(mol);
  return {};
}

std::string
xyzText(const Geometry& geometry)
{
  const auto* table = RDKit::PeriodicTable::getTable();
  std::string text = std::to_string(geometry.numbers.size()) +
                     "\ncharge=" + std::to_string(geometry.charge) +
                     " uhf=" + std::to_string(geometry.unpaired) + "\n";
  char line[128];
  for (size_t i = 0; i < geometry.numbers.size(); ++i) {
    std::snprintf(line,
                  sizeof line,
                  "%-2s %18.10f %18.10f %18.10f\n",
                  table->getElementSymbol(geometry.numbers[i]).c_str(),
                  geometry.positions[3 * i],
                  geometry.positions[3 * i + 1],
                  geometry.positions[3 * i + 2]);
    text += line;
  }
  return text;
}

// libxtb parallelises with OpenMP (and OpenMP OpenBLAS). For molecules of a few dozen
// atoms the team costs more than it gains: measured 0.035 s per drug-like molecule on one
// thread against 0.081 s on two, and worse beside a second worker. The setting is per
// calling thread, so restore it for whatever else (LibTorch) runs on this thread.
class SingleOpenMpThread
{
public:
  SingleOpenMpThread()
    : m_previous(omp_get_max_threads())
  {
    omp_set_num_threads(1);
  }
  SingleOpenMpThread(const SingleOpenMpThread&) = delete;
  SingleOpenMpThread& operator=(const SingleOpenMpThread&) = delete;
  ~SingleOpenMpThread() { omp_set_num_threads(m_previous); }

private:
  int m_previous;
};

struct SinglePoint
{
  double energy = kNaN; // Hartree
  double gapEv = kNaN;
};

// Owns the xTB handles of one calculation; the macro xtb_delete is C11-only.
struct XtbHandles
{
  xtb_TEnvironment environment = xtb_newEnvironment();
  xtb_TCalculator calculator = xtb_newCalculator();
  xtb_TResults results = xtb_newResults();
  xtb_TMolecule molecule = nullptr;

  XtbHandles() = default;
  XtbHandles(const XtbHandles&) = delete;
  XtbHandles& operator=(const XtbHandles&) = delete;
  ~XtbHandles()
  {
    xtb_delResults(&results);
    xtb_delCalculator(&calculator);
    if (molecule)
      xtb_delMolecule(&molecule);
    xtb_delEnvironment(&environment);
  }

  // The error stack as one line, or empty when the last call succeeded.
  std::string error() const
  {
    if (xtb_checkEnvironment(environment) == 0)
      return {};
    std::string buffer(1024, '\0');
    const int size = int(buffer.size());
    xtb_getError(environment, buffer.data(), &size);
    buffer.resize(std::strlen(buffer.c_str()));
    std::replace(buffer.begin(), buffer.end(), '\n', ' ');
    buffer = trimmed(buffer);
    return buffer.empty() ? "unknown xTB error" : buffer;
  }
};

StepFailure
runSinglePoint(const Geometry& geometry, SinglePoint& point)
{
  std::lock_guard lock(xtbApiMutex());
  const SingleOpenMpThread oneThread;
  XtbHandles xtb;
  std::string error;
  const auto failed = [&](const char* step) -> StepFailure {
    return { std::string("xTB ") + step + " failed: " + (error.empty() ? "unknown error" : error) };
  };
  // error() empties xTB's error stack, so read it once per step.
  const auto check = [&] {
    error = xtb.error();
    return error.empty();
  };
  if (!xtb.environment || !xtb.calculator || !xtb.results)
    return { "xTB: cannot allocate the calculation", false };
  xtb_setVerbosity(xtb.environment, XTB_VERBOSITY_MUTED);
  if (!check())
    return failed("set-up");

  const int atoms = int(geometry.numbers.size());
  std::vector<double> bohr(geometry.positions.size());
  std::transform(geometry.positions.begin(),
                 geometry.positions.end(),
                 bohr.begin(),
                 [](double angstrom) { return angstrom / kAngstromPerBohr; });
  const double charge = geometry.charge;
  const int unpaired = geometry.unpaired;
  xtb.molecule = xtb_newMolecule(xtb.environment,
                                 &atoms,
                                 geometry.numbers.data(),
                                 bohr.data(),
                                 &charge,
                                 &unpaired,
                                 nullptr,
                                 nullptr);
  if (!check() || !xtb.molecule)
    return failed("molecule set-up");
  xtb_loadGFN2xTB(xtb.environment, xtb.molecule, xtb.calculator, nullptr);
  if (!check())
    return failed("GFN2 parameter loading");
  xtb_singlepoint(xtb.environment, xtb.molecule, xtb.calculator, xtb.results);
  if (!check())
    return failed("single point");
  xtb_getEnergy(xtb.environment, xtb.results, &point.energy);
  int orbitals = 0;
  xtb_getNao(xtb.environment, xtb.results, &orbitals);
  if (!check() || orbitals <= 0)
    return failed("result query");
  std::vector<double> eigenvalues(orbitals);
  std::vector<double> occupations(orbitals);
  xtb_getOrbitalEigenvalues(xtb.environment, xtb.results, eigenvalues.data());
  xtb_getOrbitalOccupations(xtb.environment, xtb.results, occupations.data());
  if (!check())
    return failed("orbital query");

  // Occupations are spin-summed and smeared at 300 K, so count electrons rather
  // than look for occupied orbitals; with unpaired electrons the HOMO is the
  // highest alpha orbital, as xtb reports it.
  double electrons = 0;
  for (double occupation : occupations)
    electrons += occupation;
  const int alphaElectrons = (int(std::lround(electrons)) + geometry.unpaired) / 2;
  const int homo = alphaElectrons - 1;
  const int lumo = alphaElectrons;
  if (homo < 0)
    return { "no occupied orbital: the HOMO-LUMO gap is undefined" };
  if (lumo >= orbitals)
    return { "no virtual orbital in the minimal basis: the HOMO-LUMO gap is undefined" };
  point.gapEv = (eigenvalues[lumo] - eigenvalues[homo]) * kHartreeToEv;
  return {};
}

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

struct ProgramOutput
{
  double alpha = kNaN;
  std::string version;
};

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

struct CachedRow
{
  QuantumResult result;
  bool hasAlpha = false;
};

} // namespace

class QuantumCalculator::Cache
{
public:
  explicit Cache(const std::string& path)
    : m_path(path)
  {
    const int opened =
      sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (opened != SQLITE_OK) {
      const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(opened);
      sqlite3_close(m_db);
      throw std::runtime_error("quantum cache " + path + ": cannot open: " + message);
    }
    try {
      sqlite3_busy_timeout(m_db, 5000);
      // A cache: WAL and synchronous=NORMAL keep each insert cheap; losing the
      // last few rows in a power cut only means recomputing them.
      execute("PRAGMA journal_mode=WAL", "not an SQLite database");
      execute("PRAGMA synchronous=NORMAL", "not an SQLite database");
      execute("CREATE TABLE IF NOT EXISTS xtb_properties ("
              " molecule TEXT PRIMARY KEY," // RDKit canonical isomeric SMILES
              " ok INTEGER NOT NULL,"
              " gap_ev REAL,"
              " energy_per_heavy_atom REAL,"
              " alpha REAL,"
              " failure TEXT NOT NULL DEFAULT '',"
              " xtb_version TEXT NOT NULL,"
              " computed_at TEXT NOT NULL DEFAULT (datetime('now')))",
              "cannot create the cache table");
      if (sqlite3_db_readonly(m_db, "main") == 1)
        throw std::runtime_error("quantum cache " + path + ": the file is read-only");
      // Take the write lock once now, so that an unwritable file or folder fails here
      // and not silently on the first store.
      execute("BEGIN IMMEDIATE", "cannot write");
      execute("COMMIT", "cannot write");
      prepare("SELECT ok, gap_ev, energy_per_heavy_atom, alpha, failure FROM xtb_properties"
              " WHERE molecule = ?1",
              m_find);
      prepare("INSERT OR REPLACE INTO xtb_properties"
              " (molecule, ok, gap_ev, energy_per_heavy_atom, alpha, failure, xtb_version)"
              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
              m_store);
    } catch (...) {
      close();
      throw;
    }
  }
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;
  ~Cache() { close(); }

  std::optional<CachedRow> find(const std::string& key)
  {
    std::lock_guard lock(m_mutex);
    sqlite3_reset(m_find);
    sqlite3_bind_text(m_find, 1, key.c_str(), int(key.size()), SQLITE_TRANSIENT);
    std::optional<CachedRow> row;
    if (sqlite3_step(m_find) == SQLITE_ROW) {
      row.emplace();
      row->result.ok = sqlite3_column_int(m_find, 0) != 0;
      row->result.gapEv = realColumn(1);
      row->result.energyPerHeavyAtom = realColumn(2);
      row->result.alpha = realColumn(3);
      row->hasAlpha = std::isfinite(row->result.alpha);
      const auto* failure = sqlite3_column_text(m_find, 4);
      row->result.failure = failure ? reinterpret_cast<const char*>(failure) : "";
    }
    sqlite3_reset(m_find);
    return row;
  }

  // Best effort: a full disk or a lost lock costs a recomputation later, not a result now.
  void store(const std::string& key, const QuantumResult& result, const std::string& version)
  {
    std::lock_guard lock(m_mutex);
    sqlite3_reset(m_store);
    sqlite3_bind_text(m_store, 1, key.c_str(), int(key.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(m_store, 2, result.ok ? 1 : 0);
    bindReal(3, result.gapEv);
    bindReal(4, result.energyPerHeavyAtom);
    bindReal(5, result.alpha);
    sqlite3_bind_text(
      m_store, 6, result.failure.c_str(), int(result.failure.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(m_store, 7, version.c_str(), int(version.size()), SQLITE_TRANSIENT);
    sqlite3_step(m_store);
    sqlite3_reset(m_store);
  }

private:
  void execute(const char* sql, const char* what)
  {
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string detail = message ? message : sqlite3_errmsg(m_db);
      sqlite3_free(message);
      throw std::runtime_error("quantum cache " + m_path + ": " + what + " (" + detail + ")");
    }
  }

  void prepare(const char* sql, sqlite3_stmt*& statement)
  {
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error("quantum cache " + m_path + ": unexpected table layout (" +
                               sqlite3_errmsg(m_db) + ")");
  }

  double realColumn(int column) const
  {
    return sqlite3_column_type(m_find, column) == SQLITE_NULL
             ? kNaN
             : sqlite3_column_double(m_find, column);
  }

  // SQLite would store NaN as NULL anyway; say so explicitly.
  void bindReal(int index, double value)
  {
    if (std::isfinite(value))
      sqlite3_bind_double(m_store, index, value);
    else
      sqlite3_bind_null(m_store, index);
  }

  void close()
  {
    sqlite3_finalize(m_find);
    sqlite3_finalize(m_store);
    sqlite3_close(m_db);
    m_find = m_store = nullptr;
    m_db = nullptr;
  }

  std::string m_path;
  std::mutex m_mutex;
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_find = nullptr;
  sqlite3_stmt* m_store = nullptr;
};

QuantumCalculator::QuantumCalculator(QuantumOptions options)
  : m_options(std::move(options))
{
  if (!m_options.cachePath.empty())
    m_cache = std::make_unique<Cache>(m_options.cachePath);
}

QuantumCalculator::~QuantumCalculator() = default;

QuantumResult
QuantumCalculator::compute(const std::string& smiles)
{
  QuantumResult result;
  try {
    const Deadline deadline(m_options.timeoutSeconds);
    auto mol = parseSmiles(smiles, result.failure);
    if (!mol) {
      // Parsing is cheap, so a bad string is not worth a cache row.
      ++m_computed;
      return result;
    }
    const std::string key = RDKit::MolToSmiles(*mol);
    if (m_cache) {
      if (auto row = m_cache->find(key)) {
        // A row computed without α does not answer a request for α.
        if (!row->result.ok || row->hasAlpha || !m_options.computeAlpha) {
          ++m_cacheHits;
          return row->result;
        }
      }
    }

    ++m_computed;
    std::string version = "GFN2-xTB libxtb-api " + std::to_string(xtb_getAPIVersion());
    const auto finish = [&](StepFailure failure) {
      if (failure) {
        result = QuantumResult{};
        result.failure = failure.failure;
      } else {
        result.ok = true;
      }
      if (m_cache && (!failure || failure.cacheable))
        m_cache->store(key, result, version);
      return result;
    };

    Geometry geometry;
    if (auto failure = buildGeometry(*mol, geometry, deadline))
      return finish(failure);
    SinglePoint point;
    if (auto failure = runSinglePoint(geometry, point))
      return finish(failure);
    if (deadline.passed())
      return finish({ deadline.describe("during the xTB single point"), false });
    result.gapEv = point.gapEv;
    result.energyPerHeavyAtom = point.energy / geometry.heavyAtoms;
    if (m_options.computeAlpha) {
      ProgramOutput output;
      if (auto failure = runXtbProgram(m_options.xtbProgram, geometry, deadline, output))
        return finish(failure);
      result.alpha = output.alpha;
      if (!output.version.empty())
        version += " xtb " + output.version;
    }
    return finish({});
  } catch (const std::exception& error) {
    result = QuantumResult{};
    result.failure = std::string("unexpected error: ") + error.what();
  } catch (...) {
    result = QuantumResult{};
    result.failure = "unexpected error";
  }
  return result;
}

std::vector<QuantumResult>
QuantumCalculator::computeMany(const std::vector<std::string>& smiles)
{
  std::vector<std::string> unique;
  std::vector<size_t> slot(smiles.size());
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < smiles.size(); ++i) {
    const auto [it, inserted] = seen.emplace(smiles[i], unique.size());
    if (inserted)
      unique.push_back(smiles[i]);
    slot[i] = it->second;
  }

  std::vector<QuantumResult> results(unique.size());
  std::atomic<size_t> next{ 0 };
  const auto work = [&] {
    for (size_t i = next++; i < unique.size(); i = next++)
      results[i] = compute(unique[i]);
  };
  const size_t threads =
    std::min<size_t>(std::max(1, m_options.threads), std::max<size_t>(1, unique.size()));
  std::vector<std::thread> workers;
  for (size_t t = 1; t < threads; ++t) {
    try {
      workers.emplace_back(work);
    } catch (const std::system_error&) {
      break; // fewer threads, same results
    }
  }
  work();
  for (auto& worker : workers)
    worker.join();

  std::vector<QuantumResult> ordered;
  ordered.reserve(smiles.size());
  for (size_t index : slot)
    ordered.push_back(results[index]);
  return ordered;
}

std::string
mmffGeometryXyz(const std::string& smiles)
{
  std::string failure;
  auto mol = parseSmiles(smiles, failure);
  if (!mol)
    throw std::runtime_error(failure);
  Geometry geometry;
  if (auto step = buildGeometry(*mol, geometry, Deadline(1e9)))
    throw std::runtime_error(step.failure);
  return xyzText(geometry);
}

} // namespace paretolab::engine
