// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace paretolab::engine {

class XtbCache;

/// GFN2-xTB properties of one molecule. When `ok` is false the numbers are NaN
/// and `failure` says which step failed and why.
struct QuantumResult
{
  bool ok = false;
  /// HOMO-LUMO gap in eV.
  double gapEv = std::numeric_limits<double>::quiet_NaN();
  /// Total GFN2-xTB energy in Hartree divided by the number of heavy (non-hydrogen) atoms.
  double energyPerHeavyAtom = std::numeric_limits<double>::quiet_NaN();
  /// Isotropic static polarizability α(0) in atomic units (bohr^3), as the xtb program
  /// prints it (the D4 model's charge-dependent polarizability). NaN when not computed.
  double alpha = std::numeric_limits<double>::quiet_NaN();
  std::string failure;
};

struct QuantumOptions
{
  /// SQLite file caching results by molecule; empty means no cache.
  std::string cachePath;
  /// Wall-clock budget per molecule. The xtb program is killed when it passes; the in-process
  /// steps (embedding, MMFF, the single point) cannot be interrupted, so the deadline is
  /// checked between them.
  double timeoutSeconds = 30;
  /// Worker threads of computeMany().
  int threads = 2;
  /// Whether to run the xtb program for the polarizability (the C API does not give it).
  bool computeAlpha = true;
  /// Name (looked up on PATH) or path of the xtb program.
  std::string xtbProgram = "xtb";
};

/// Computes QM9-style properties from a SMILES: RDKit parse, explicit hydrogens,
/// ETKDGv3 embedding with a fixed seed, MMFF94 optimisation, a GFN2-xTB single
/// point through libxtb's C API for the gap and the energy, and, for α, the xtb
/// program on the same geometry in a private temporary directory.
///
/// compute() never throws: a molecule that cannot be parsed, embedded, optimised
/// or computed, or that runs out of time, gives ok=false with a reason.
/// Results are cached in SQLite by canonical SMILES (Debian's RDKit is built
/// without InChI, so there is no InChIKey). Failures that belong to the molecule
/// are cached too; timeouts and a missing or crashing xtb program are not.
///
/// Thread-safe: compute() may be called from several threads at once. The xTB C
/// API is not documented as thread-safe, so single points are serialised
/// process-wide by a mutex; embedding, MMFF and the xtb program run in parallel.
class QuantumCalculator
{
public:
  /// Opens (or creates) the cache. Throws std::runtime_error naming the path when
  /// the file is not an SQLite database of the expected shape or cannot be written.
  explicit QuantumCalculator(QuantumOptions options);
  ~QuantumCalculator();
  QuantumCalculator(const QuantumCalculator&) = delete;
  QuantumCalculator& operator=(const QuantumCalculator&) = delete;

  QuantumResult compute(const std::string& smiles);

  /// Results in input order, computed on `threads` worker threads. Identical
  /// strings are computed once.
  std::vector<QuantumResult> computeMany(const std::vector<std::string>& smiles);

  /// Results answered from the cache, and results computed (successfully or not), since
  /// construction.
  size_t cacheHits() const { return m_cacheHits.load(); }
  size_t computed() const { return m_computed.load(); }

  const QuantumOptions& options() const { return m_options; }

private:
  QuantumOptions m_options;
  std::unique_ptr<XtbCache> m_cache;
  std::atomic<size_t> m_cacheHits{ 0 };
  std::atomic<size_t> m_computed{ 0 };
};

/// The geometry compute() uses for `smiles` (with hydrogens, ETKDGv3 + MMFF94), as
/// XYZ text in Ångström; the comment line holds the total charge and the number
/// of unpaired electrons as `charge=C uhf=U`. For export and for checking the
/// numbers against the xtb program. Throws std::runtime_error with the reason.
std::string
mmffGeometryXyz(const std::string& smiles);

} // namespace paretolab::engine
