// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/quantumproperties.h"

#include "domains/molecules/quantumgeometry.h"
#include "domains/molecules/xtbcache.h"
#include "domains/molecules/xtbprogram.h"
#include "domains/molecules/xtbsinglepoint.h"

#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <xtb.h>

#include <atomic>
#include <map>
#include <system_error>
#include <thread>

namespace paretolab::engine {

using namespace quantum;

QuantumCalculator::QuantumCalculator(QuantumOptions options)
  : m_options(std::move(options))
{
  if (!m_options.cachePath.empty())
    m_cache = std::make_unique<XtbCache>(m_options.cachePath);
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
