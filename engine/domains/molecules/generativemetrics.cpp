// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/generativemetrics.h"

#include "core/runtime.h"
#include "domains/molecules/smiles.h"

#include <GraphMol/ChemTransforms/ChemTransforms.h>
#include <GraphMol/ChemTransforms/MolFragmenter.h>
#include <GraphMol/Fingerprints/MorganFingerprints.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>

#include <array>
#include <bit>
#include <cmath>
#include <memory>
#include <optional>

namespace paretolab::engine {

namespace {

constexpr unsigned kFingerprintBits = 1024;

/// A 1024-bit Morgan fingerprint packed for popcounts.
struct Fingerprint
{
  std::array<uint64_t, kFingerprintBits / 64> words{};
  int bits = 0;
};

Fingerprint
morganFingerprint(const RDKit::ROMol& mol)
{
  std::unique_ptr<ExplicitBitVect> vector(
    RDKit::MorganFingerprints::getFingerprintAsBitVect(mol, 2, kFingerprintBits));
  Fingerprint fingerprint;
  std::vector<int> on;
  vector->getOnBits(on);
  for (int bit : on)
    fingerprint.words[size_t(bit) / 64] |= uint64_t(1) << (bit % 64);
  fingerprint.bits = int(on.size());
  return fingerprint;
}

double
tanimoto(const Fingerprint& a, const Fingerprint& b)
{
  int common = 0;
  for (size_t w = 0; w < a.words.size(); ++w)
    common += std::popcount(a.words[w] & b.words[w]);
  const int either = a.bits + b.bits - common;
  return either == 0 ? 1.0 : double(common) / either; // MOSES sets 0/0 to 1
}

/// Each SMILES parsed (null when RDKit rejects it), over all cores.
std::vector<std::unique_ptr<RDKit::RWMol>>
parseAll(const std::vector<std::string>& smiles)
{
  std::vector<std::unique_ptr<RDKit::RWMol>> molecules(smiles.size());
  parallelFor(smiles.size(), [&](size_t i) { molecules[i] = parseSmiles(smiles[i]); });
  return molecules;
}

std::vector<Fingerprint>
fingerprints(const std::vector<std::unique_ptr<RDKit::RWMol>>& molecules)
{
  std::vector<Fingerprint> result(molecules.size());
  parallelFor(molecules.size(), [&](size_t i) { result[i] = morganFingerprint(*molecules[i]); });
  return result;
}

/// moses.metrics.utils.fragmenter: the SMILES of the pieces left when every BRICS bond is cut.
std::vector<std::string>
bricsFragments(const RDKit::ROMol& mol)
{
  std::unique_ptr<RDKit::ROMol> pieces(RDKit::MolFragmenter::fragmentOnBRICSBonds(mol));
  const auto smiles = RDKit::MolToSmiles(*pieces);
  std::vector<std::string> fragments;
  size_t begin = 0;
  for (size_t dot; (dot = smiles.find('.', begin)) != std::string::npos; begin = dot + 1)
    fragments.push_back(smiles.substr(begin, dot - begin));
  fragments.push_back(smiles.substr(begin));
  return fragments;
}

/// moses.metrics.utils.compute_scaffold with min_rings = 2, through RDKit's
/// MurckoScaffold.GetScaffoldForMol (MurckoDecompose, then a fresh property
/// cache and symmetrised SSSR).
std::optional<std::string>
murckoScaffold(const RDKit::ROMol& mol)
{
  try {
    std::unique_ptr<RDKit::ROMol> scaffold(RDKit::MurckoDecompose(mol));
    scaffold->clearComputedProps();
    scaffold->updatePropertyCache();
    RDKit::VECT_INT_VECT rings;
    RDKit::MolOps::symmetrizeSSSR(*scaffold, rings);
    const auto ringCount = scaffold->getRingInfo()->numRings();
    auto smiles = RDKit::MolToSmiles(*scaffold);
    if (smiles.empty() || ringCount < 2)
      return std::nullopt;
    return smiles;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

using Counts = std::map<std::string, double>;

/// How often each of `keysOf`'s keys occurs over all molecules.
template<typename KeysOf>
Counts
countKeys(const std::vector<std::unique_ptr<RDKit::RWMol>>& molecules, KeysOf keysOf)
{
  std::vector<std::vector<std::string>> perMolecule(molecules.size());
  parallelFor(molecules.size(), [&](size_t i) { perMolecule[i] = keysOf(*molecules[i]); });
  Counts counts;
  for (const auto& keys : perMolecule)
    for (const auto& key : keys)
      counts[key] += 1.0;
  return counts;
}

/// moses.metrics.metrics.cos_similarity: 1 − SciPy's cosine distance of the count vectors.
std::optional<double>
cosineSimilarity(const Counts& a, const Counts& b)
{
  if (a.empty() || b.empty())
    return std::nullopt;
  double dot = 0.0, normA = 0.0, normB = 0.0;
  for (const auto& [key, count] : a) {
    normA += count * count;
    if (auto found = b.find(key); found != b.end())
      dot += count * found->second;
  }
  for (const auto& [key, count] : b)
    normB += count * count;
  return dot / (std::sqrt(normA) * std::sqrt(normB));
}

/// Drops the molecules RDKit could not parse.
void
keepParsed(std::vector<std::unique_ptr<RDKit::RWMol>>& molecules)
{
  std::erase_if(molecules, [](const auto& mol) { return !mol; });
}

} // namespace

std::map<std::string, double>
mosesSimilarities(const std::vector<std::string>& generated, const std::vector<std::string>& test)
{
  auto genMolecules = parseAll(generated);
  auto testMolecules = parseAll(test);
  keepParsed(genMolecules);
  keepParsed(testMolecules);
  std::map<std::string, double> result;
  if (genMolecules.empty())
    return result;

  const auto genPrints = fingerprints(genMolecules);
  const size_t n = genPrints.size();
  std::vector<double> meanSimilarity(n), rootMeanSquare(n);
  parallelFor(n, [&](size_t i) {
    double sum = 0.0, squares = 0.0;
    for (size_t j = 0; j < n; ++j) {
      const double t = tanimoto(genPrints[i], genPrints[j]);
      sum += t;
      squares += t * t;
    }
    meanSimilarity[i] = sum / double(n);
    rootMeanSquare[i] = std::sqrt(squares / double(n));
  });
  double intDiv1 = 0.0, intDiv2 = 0.0;
  for (size_t i = 0; i < n; ++i) {
    intDiv1 += meanSimilarity[i];
    intDiv2 += rootMeanSquare[i];
  }
  result["IntDiv1"] = 1.0 - intDiv1 / double(n);
  result["IntDiv2"] = 1.0 - intDiv2 / double(n);
  if (testMolecules.empty())
    return result;

  const auto testPrints = fingerprints(testMolecules);
  std::vector<double> nearest(n, 0.0);
  parallelFor(n, [&](size_t i) {
    for (const auto& other : testPrints)
      nearest[i] = std::max(nearest[i], tanimoto(genPrints[i], other));
  });
  double snn = 0.0;
  for (double value : nearest)
    snn += value;
  result["SNN"] = snn / double(n);

  const auto fragmentsOf = [](const RDKit::ROMol& mol) { return bricsFragments(mol); };
  if (auto frag = cosineSimilarity(countKeys(testMolecules, fragmentsOf),
                                   countKeys(genMolecules, fragmentsOf)))
    result["Frag"] = *frag;
  const auto scaffoldOf = [](const RDKit::ROMol& mol) {
    auto scaffold = murckoScaffold(mol);
    return scaffold ? std::vector<std::string>{ *scaffold } : std::vector<std::string>{};
  };
  if (auto scaf =
        cosineSimilarity(countKeys(testMolecules, scaffoldOf), countKeys(genMolecules, scaffoldOf)))
    result["Scaf"] = *scaf;
  return result;
}

} // namespace paretolab::engine
