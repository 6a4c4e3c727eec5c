// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "domains/molecules/moleculecorpus.h"
#include "domains/molecules/quantumproperties.h"

#include <memory>
#include <mutex>
#include <unordered_set>

namespace paretolab::engine {

/// Small molecules as SMILES. Objectives (raw units):
/// - `qed` (0–1), `sa` (1 easy – 10 hard): C++ ports of RDKit's QED.py and SA_Score;
/// - `logp` (Crippen), `tpsa` (Å²), `mw` (g/mol), `pains` (number of PAINS alerts);
/// - `gap` (HOMO–LUMO, eV), `energy` (total energy per heavy atom, Hartree) and
///   `alpha` (isotropic polarizability, bohr³): GFN2-xTB on an ETKDG + MMFF geometry.
/// An invalid SMILES scores NaN on every objective (the trainer applies the penalty).
class MoleculeDomain : public Domain
{
public:
  struct Options
  {
    std::vector<std::string> corpusPaths{ kNciCorpusPath }; ///< read in order, each molecule once
    std::size_t maxSmilesLength = 100;
    std::size_t maxHeavyAtoms = 0; ///< keep smaller molecules only; 0: any
    std::string elements; ///< keep molecules of these elements only ("C,N,O,F"); empty: any
    /// Where the canonicalised corpus is kept between runs; empty: not kept.
    std::string corpusCacheDirectory;
    QuantumOptions quantum;
  };

  MoleculeDomain();
  explicit MoleculeDomain(Options options);
  ~MoleculeDomain() override;

  std::string name() const override { return "molecules"; }
  std::string title() const override { return "Molecules (SMILES)"; }
  std::vector<ObjectiveInfo> objectives() const override;
  std::vector<std::string> corpus() const override;
  TokenizerSpec tokenizer() const override { return { "smiles-regex", nlohmann::json::object() }; }
  /// The corpus file's bytes and the length limit: cheap, unlike canonicalising it.
  std::string corpusDigest() const override;
  bool isValid(const std::string& sample) const override;
  std::string invalidReason(const std::string& sample) const override;
  /// validity, uniqueness (among valid), novelty (unique valid not in the
  /// corpus) and internal diversity (1 − mean pairwise Tanimoto of Morgan
  /// radius-2, 2048-bit fingerprints over the unique valid molecules).
  std::map<std::string, double> metrics(const std::vector<std::string>& samples) const override;
  /// The generic metrics and MOSES's IntDiv1/2, SNN, Frag and Scaf against `test`.
  std::map<std::string, double> generativeMetrics(const std::vector<std::string>& samples,
                                                  const std::vector<std::string>& test,
                                                  const std::vector<std::string>& train,
                                                  std::stop_token stop = {}) const override;
  std::string render(const std::string& sample) const override;
  /// The canonical SMILES as title and RDKit's depiction as the picture.
  SampleDescription describe(const std::string& sample,
                             const SampleContext& context = {}) const override;
  std::string samplesPage() const override { return "pictures"; }
  /// RDKit's canonical SMILES; "" for an invalid one.
  std::string canonical(const std::string& sample) const override;
  /// A randomized SMILES of the same molecule; `sample` itself when it is invalid.
  std::string respell(const std::string& sample, uint64_t seed) const override;
  bool isNovel(const std::string& sample) const override;
  /// `query` is SMARTS: a substructure search.
  bool matches(const std::string& sample, const std::string& query) const override;
  std::string searchHint() const override { return "SMARTS, e.g. c1ccccc1 or [NX3][CX3]=O"; }
  /// CSV, SMILES (.smi) and SD files.
  std::vector<std::shared_ptr<const SampleFormat>> sampleFormats() const override;
  /// RDKit's SMILES parser is superlinear: 5,000 characters took minutes.
  SampleLimits sampleLimits() const override { return { .maxLength = kMaxUserSmilesLength }; }
  std::string describeCorpus() const override;

  static constexpr std::size_t kMaxUserSmilesLength = 500;

  /// How the corpus was cleaned (read on first use of the corpus).
  CorpusReport corpusReport() const;
  const Options& options() const { return m_options; }

protected:
  std::vector<std::vector<double>> computeScores(const std::vector<std::string>& samples,
                                                 const std::vector<SampleContext>& contexts,
                                                 const std::vector<std::string>& objectives,
                                                 const TextLikelihood*) const override;

  /// Draws the depiction again with the substructure's atoms and bonds highlighted.
  void markMatches(SampleDescription& description,
                   const std::string& sample,
                   const std::string& query) const override;

private:
  void loadCorpus() const;
  /// The xTB calculator; a second one skips the xtb program run when alpha is not asked for.
  QuantumCalculator& quantum(bool withAlpha) const;

  Options m_options;
  mutable std::once_flag m_corpusOnce;
  mutable std::vector<std::string> m_corpus;
  mutable std::unordered_set<std::string> m_corpusSet;
  mutable CorpusReport m_report;
  mutable std::once_flag m_quantumOnce[2];
  mutable std::unique_ptr<QuantumCalculator> m_quantum[2];
};

} // namespace paretolab::engine
