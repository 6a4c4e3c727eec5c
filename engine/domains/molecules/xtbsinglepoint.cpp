// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/xtbsinglepoint.h"

#include <omp.h>
#include <xtb.h>

#include <cstring>
#include <mutex>

namespace paretolab::engine::quantum {

namespace {

constexpr double kHartreeToEv = 27.211386245988;
// The Bohr radius in Ångström (CODATA 2018). With it the C API and the xtb program,
// which reads the XYZ file in Ångström, agree on the total energy to 1e-12 Eh.
constexpr double kAngstromPerBohr = 0.529177210903;

// The xTB C API (a Fortran library) is not documented as thread-safe, so every
// use of it in the process, from any QuantumCalculator, goes through this lock.
std::mutex&
xtbApiMutex()
{
  static std::mutex mutex;
  return mutex;
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

} // namespace

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

} // namespace paretolab::engine::quantum
