// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/moleculedomain.h"

#include "core/atomicfile.h"
#include "core/runtime.h"
#include "domains/molecules/depiction.h"
#include "domains/molecules/generativemetrics.h"
#include "domains/molecules/moleculedescriptors.h"
#include "domains/molecules/moleculeformats.h"
#include "domains/molecules/qed.h"
#include "domains/molecules/sascore.h"
#include "domains/molecules/smiles.h"

#include <DataStructs/BitOps.h>
#include <DataStructs/ExplicitBitVect.h>
#include <GraphMol/Fingerprints/MorganFingerprints.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <RDGeneral/versions.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

namespace paretolab::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool
isQuantum(const std::string& objective)
{
  return objective == "gap" || objective == "energy" || objective == "alpha";
}

RewardTransform
maximize(double low, double high)
{
  return RewardTransform{ .kind = RewardTransform::Kind::Maximize, .low = low, .high = high };
}

RewardTransform
minimize(double low, double high)
{
  return RewardTransform{ .kind = RewardTransform::Kind::Minimize, .low = low, .high = high };
}

RewardTransform
target(double value, double tolerance)
{
  return RewardTransform{ .kind = RewardTransform::Kind::Target,
                          .target = value,
                          .tolerance = tolerance };
}

double
descriptor(const std::string& objective, const RDKit::ROMol& mol)
{
  if (objective == "qed")
    return qed(mol);
  if (objective == "sa")
    return SaScorer::shared().score(mol);
  if (objective == "logp")
    return crippenLogP(mol);
  if (objective == "tpsa")
    return topologicalPsa(mol);
  if (objective == "mw")
    return molecularWeight(mol);
  if (objective == "pains")
    return painsAlerts(mol);
  return kNaN;
}

} // namespace

MoleculeDomain::MoleculeDomain()
  : MoleculeDomain(Options{})
{
}

MoleculeDomain::MoleculeDomain(Options options)
  : m_options(std::move(options))
{
}

MoleculeDomain::~MoleculeDomain() = default;

std::vector<ObjectiveInfo>
MoleculeDomain::objectives() const
{
  // Default transforms: drug-like ranges for the descriptors. The quantum and
  // SA ranges span the 10th to 90th percentile of 312 NCI molecules
  // (docs/domains/molecules.md), so the transformed reward has room both ways.
  return {
    { "qed", "quantitative estimate of drug-likeness (0-1, higher is more drug-like)", {} },
    { "sa", "synthetic accessibility (1 easy - 10 hard)", minimize(1.5, 4.5) },
    { "logp", "Crippen logP", target(2.5, 1.0) },
    { "tpsa", "topological polar surface area (A^2)", target(75.0, 35.0) },
    { "mw", "average molecular weight (g/mol)", target(350.0, 100.0) },
    { "pains", "number of PAINS alerts", minimize(0.0, 1.0) },
    { "gap", "GFN2-xTB HOMO-LUMO gap (eV)", maximize(1.5, 5.0) },
    { "energy", "GFN2-xTB total energy per heavy atom (Hartree)", minimize(-3.4, -2.7) },
    { "alpha", "GFN2-xTB isotropic polarizability (bohr^3)", maximize(80.0, 260.0) },
  };
}

void
MoleculeDomain::loadCorpus() const
{
  std::call_once(m_corpusOnce, [this] {
    const CorpusFilter filter{ .maxLength = m_options.maxSmilesLength,
                               .maxHeavyAtoms = m_options.maxHeavyAtoms,
                               .elements = m_options.elements };
    if (m_options.corpusCacheDirectory.empty())
      m_corpus = loadMoleculeCorpus(m_options.corpusPaths, filter, &m_report);
    else
      m_corpus =
        loadMoleculeCorpusCached(m_options.corpusPaths,
                                 filter,
                                 m_options.corpusCacheDirectory + "/molecules-" + corpusDigest() +
                                   "-rdkit" + RDKit::rdkitVersion + ".smi",
                                 &m_report);
    m_corpusSet.insert(m_corpus.begin(), m_corpus.end());
  });
}

std::vector<std::string>
MoleculeDomain::corpus() const
{
  loadCorpus();
  return m_corpus;
}

CorpusReport
MoleculeDomain::corpusReport() const
{
  loadCorpus();
  return m_report;
}

QuantumCalculator&
MoleculeDomain::quantum(bool withAlpha) const
{
  std::call_once(m_quantumOnce[withAlpha], [this, withAlpha] {
    auto options = m_options.quantum;
    options.computeAlpha = withAlpha;
    m_quantum[withAlpha] = std::make_unique<QuantumCalculator>(options);
  });
  return *m_quantum[withAlpha];
}

bool
MoleculeDomain::isValid(const std::string& sample) const
{
  return parseSmiles(sample) != nullptr;
}

std::string
MoleculeDomain::invalidReason(const std::string& sample) const
{
  return isValid(sample) ? std::string{} : "RDKit cannot parse this SMILES";
}

std::vector<std::vector<double>>
MoleculeDomain::computeScores(const std::vector<std::string>& samples,
                              const std::vector<SampleContext>&,
                              const std::vector<std::string>& objectives,
                              const TextLikelihood*) const
{
  // One molecule per task, parsed once and shared by every objective; RDKit's
  // descriptors are safe on distinct molecules, and the QED and SA tables are
  // only read.
  std::vector<std::unique_ptr<RDKit::RWMol>> molecules(samples.size());
  parallelFor(samples.size(), [&](size_t i) { molecules[i] = parseSmiles(samples[i]); });

  std::vector<std::vector<double>> values(samples.size(), std::vector<double>(objectives.size()));
  std::vector<QuantumResult> quantumResults;
  if (std::any_of(objectives.begin(), objectives.end(), isQuantum)) {
    // One xTB run per molecule gives all three quantum objectives.
    std::vector<std::string> canonical;
    for (const auto& mol : molecules)
      canonical.push_back(mol ? RDKit::MolToSmiles(*mol) : std::string{});
    const bool withAlpha =
      std::find(objectives.begin(), objectives.end(), "alpha") != objectives.end();
    quantumResults = quantum(withAlpha).computeMany(canonical);
  }
  parallelFor(samples.size(), [&](size_t i) {
    for (size_t j = 0; j < objectives.size(); ++j) {
      const auto& objective = objectives[j];
      if (!molecules[i]) {
        values[i][j] = kNaN;
      } else if (isQuantum(objective)) {
        const auto& q = quantumResults[i];
        values[i][j] = !q.ok                   ? kNaN
                       : objective == "gap"    ? q.gapEv
                       : objective == "energy" ? q.energyPerHeavyAtom
                                               : q.alpha;
      } else {
        try {
          values[i][j] = descriptor(objective, *molecules[i]);
        } catch (const std::exception&) {
          values[i][j] = kNaN; // a descriptor RDKit cannot compute for this molecule
        }
      }
    }
  });
  return values;
}

std::map<std::string, double>
MoleculeDomain::metrics(const std::vector<std::string>& samples) const
{
  loadCorpus();
  // Parsing dominates: both passes run over all cores (the slider's latency includes them).
  std::vector<std::string> canonical(samples.size());
  parallelFor(samples.size(), [&](size_t i) { canonical[i] = canonicalSmiles(samples[i]); });
  std::set<std::string> unique;
  size_t valid = 0;
  for (auto& form : canonical) {
    if (form.empty())
      continue;
    ++valid;
    unique.insert(std::move(form));
  }
  size_t novel = 0;
  const std::vector<std::string> forms(unique.begin(), unique.end());
  std::vector<std::unique_ptr<ExplicitBitVect>> parsed(forms.size());
  parallelFor(forms.size(), [&](size_t i) {
    if (auto mol = parseSmiles(forms[i]))
      parsed[i].reset(RDKit::MorganFingerprints::getFingerprintAsBitVect(*mol, 2, 2048));
  });
  std::vector<std::unique_ptr<ExplicitBitVect>> fingerprints;
  for (size_t i = 0; i < forms.size(); ++i) {
    novel += m_corpusSet.count(forms[i]) == 0;
    if (parsed[i])
      fingerprints.push_back(std::move(parsed[i]));
  }
  double similarity = 0.0;
  size_t pairs = 0;
  for (size_t a = 0; a < fingerprints.size(); ++a)
    for (size_t b = a + 1; b < fingerprints.size(); ++b, ++pairs)
      similarity += TanimotoSimilarity(*fingerprints[a], *fingerprints[b]);

  const auto share = [](size_t part, size_t whole) { return whole ? double(part) / whole : 0.0; };
  return { { "validity", share(valid, samples.size()) },
           { "uniqueness", share(unique.size(), valid) },
           { "novelty", share(novel, unique.size()) },
           { "internal_diversity", pairs ? 1.0 - similarity / double(pairs) : 0.0 } };
}

std::map<std::string, double>
MoleculeDomain::generativeMetrics(const std::vector<std::string>& samples,
                                  const std::vector<std::string>& test,
                                  const std::vector<std::string>& train,
                                  std::stop_token stop) const
{
  auto result = Domain::generativeMetrics(samples, test, train, stop);
  if (stop.stop_requested())
    return {};
  // MOSES compares the valid samples in canonical form, duplicates kept.
  std::vector<std::string> forms(samples.size());
  parallelFor(samples.size(), [&](size_t i) { forms[i] = canonicalSmiles(samples[i]); });
  std::erase(forms, std::string{});
  result.merge(mosesSimilarities(forms, test));
  return result;
}

std::string
MoleculeDomain::describeCorpus() const
{
  const auto r = corpusReport();
  std::string files;
  for (const auto& path : m_options.corpusPaths)
    files += (files.empty() ? "" : " + ") + path;
  return files + ": " + std::to_string(r.lines) + " SMILES, kept " + std::to_string(r.kept) +
         "; dropped " + std::to_string(r.invalid) + " invalid, " +
         std::to_string(r.multiComponent) + " multi-component, " +
         (r.filtered ? std::to_string(r.filtered) + " of other elements or over " +
                         std::to_string(m_options.maxHeavyAtoms) + " heavy atoms, "
                     : std::string{}) +
         std::to_string(r.tooLong) + " over " + std::to_string(m_options.maxSmilesLength) +
         " characters, " + std::to_string(r.duplicates) + " duplicates";
}

std::string
MoleculeDomain::render(const std::string& sample) const
{
  const auto canonical = canonicalSmiles(sample);
  return canonical.empty() ? "(invalid) " + sample : canonical;
}

} // namespace paretolab::engine

namespace paretolab::engine {

std::string
MoleculeDomain::corpusDigest() const
{
  uint64_t hash = fnv1a64("");
  for (const auto& path : m_options.corpusPaths)
    hash = fnv1a64(readFile(path), hash);
  hash = fnv1a64(std::to_string(m_options.maxSmilesLength), hash);
  if (m_options.maxHeavyAtoms > 0 || !m_options.elements.empty()) // older digests stay as they were
    hash = fnv1a64(std::to_string(m_options.maxHeavyAtoms) + "|" + m_options.elements, hash);
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(hash));
  return digest;
}

SampleDescription
MoleculeDomain::describe(const std::string& sample, const SampleContext&) const
{
  SampleDescription description;
  const auto canonical = canonicalSmiles(sample);
  description.valid = !canonical.empty();
  description.title = description.valid ? canonical : sample;
  description.blocks.push_back(AnnotatedText{ .text = sample, .monospace = true });
  if (description.valid)
    description.svg = moleculeSvg(sample, 300, 220);
  else
    description.note = "RDKit cannot parse this SMILES";
  return description;
}

std::vector<std::shared_ptr<const SampleFormat>>
MoleculeDomain::sampleFormats() const
{
  return { std::make_shared<CsvSampleFormat>(),
           std::make_shared<SmilesSampleFormat>(),
           std::make_shared<SdfSampleFormat>() };
}

} // namespace paretolab::engine

namespace paretolab::engine {

std::string
MoleculeDomain::canonical(const std::string& sample) const
{
  return canonicalSmiles(sample);
}

std::string
MoleculeDomain::respell(const std::string& sample, uint64_t seed) const
{
  auto spelling = randomizedSmiles(sample, seed);
  return spelling.empty() ? sample : spelling;
}

bool
MoleculeDomain::isNovel(const std::string& sample) const
{
  loadCorpus();
  const auto form = canonicalSmiles(sample);
  return !form.empty() && m_corpusSet.count(form) == 0;
}

bool
MoleculeDomain::matches(const std::string& sample, const std::string& query) const
{
  const auto pattern = parseSmarts(query);
  const auto mol = parseSmiles(sample);
  return mol && !substructureMatches(*mol, *pattern).empty();
}

void
MoleculeDomain::markMatches(SampleDescription& description,
                            const std::string& sample,
                            const std::string& query) const
{
  description.svg = moleculeSvgHighlighting(sample, *parseSmarts(query), 300, 220);
  description.note = "highlighted: " + query;
}

} // namespace paretolab::engine
