// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "domains/dna/enhanceractivity.h"

#include <cstdint>
#include <memory>
#include <mutex>

namespace paretolab::engine {

/// DNA enhancers: sequences of `length` bases (200, as the paper's MPRA
/// task), rewarded by a motif-grammar proxy of activity in K562, HepG2 and
/// SK-N-SH (dna/enhanceractivity.h), which the UI and the docs name as a
/// proxy. Objectives: `k562`, `hepg2`, `sknsh`; `specificity_<cell>` (the
/// cell's activity minus the best of the other two); `gc` (GC share);
/// `homopolymer` (runs of 6 or more of one base). A sequence with another
/// letter than A, C, G, T, or of another length, scores NaN (the penalty).
///
/// Corpus: non-overlapping windows of human EMBL entries and of Drosophila
/// upstream regions (every `drosophilaEvery`-th), and windows drawn from an
/// order-5 Markov chain fitted to the human DNA, so that the prior's base
/// composition is human-like. Windows with N are left out.
class DnaDomain : public Domain
{
public:
  struct Options
  {
    std::size_t length = 200;
    std::string humanEmblPath;        ///< emboss-test's hum1.dat
    std::string drosophilaPath;       ///< Biostrings' dm3_upstream2000.fa.gz
    std::string motifsPath;           ///< PWMEnrich's pfm_vertebrates.txt
    std::size_t drosophilaEvery = 20; ///< keep each n-th Drosophila window (0: none)
    std::size_t markovWindows = 4000;
    int markovOrder = 5;
    std::size_t backgroundSize = 400; ///< Markov sequences that calibrate the activity scale
    int kmer = 1;                     ///< tokens: single bases, or non-overlapping k-mers
    uint64_t seed = 1;
  };

  explicit DnaDomain(Options options);

  std::string name() const override { return "dna"; }
  std::string title() const override { return "DNA enhancers (motif-grammar proxy)"; }
  std::vector<ObjectiveInfo> objectives() const override;
  std::vector<std::string> corpus() const override;
  std::string describeCorpus() const override;
  TokenizerSpec tokenizer() const override;
  bool isValid(const std::string& sample) const override;
  std::string invalidReason(const std::string& sample) const override;
  std::map<std::string, double> metrics(const std::vector<std::string>& samples) const override;
  SampleDescription describe(const std::string& sample,
                             const SampleContext& context = {}) const override;
  /// A JASPAR motif by name (its hits) or bases in IUPAC letters, on both strands.
  bool matches(const std::string& sample, const std::string& query) const override;
  std::string searchHint() const override
  {
    return "a JASPAR motif (GATA1) or IUPAC bases (WGATAR), both strands";
  }
  std::vector<std::shared_ptr<const SampleFormat>> sampleFormats() const override;

  const Options& options() const { return m_options; }
  const dna::EnhancerActivity& activity() const { return *m_activity; }

protected:
  void markMatches(SampleDescription& description,
                   const std::string& sample,
                   const std::string& query) const override;
  std::vector<std::vector<double>> computeScores(const std::vector<std::string>& samples,
                                                 const std::vector<SampleContext>& contexts,
                                                 const std::vector<std::string>& objectives,
                                                 const TextLikelihood*) const override;

private:
  Options m_options;
  std::vector<std::string> m_humanWindows;
  std::vector<dna::Motif> m_motifs; ///< the whole JASPAR set, with log-odds: what search finds
  std::unique_ptr<dna::EnhancerActivity> m_activity;
  mutable std::once_flag m_corpusOnce;
  mutable std::vector<std::string> m_corpus;
  mutable std::vector<double> m_corpusSpectrum;
};

} // namespace paretolab::engine
