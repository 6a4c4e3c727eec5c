// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "domains/text/textsources.h"

#include <mutex>
#include <set>

namespace paretolab::engine {

/// Summaries: the policy reads a source (a Debian package's long
/// description) and writes a one-line summary, rewarded against the
/// reference synopsis and the source. Words are counted as ROUGE counts them
/// ("C++17 HTTP/2" is four) for `length`, and split at spaces for the
/// 64-word limit. The prompt is `source <sep>`, so the
/// prior learns `source <sep> summary`; only the summary is generated and
/// trained.
///
/// Objectives: `rouge1`, `rouge2`, `rougeL` (F1 against the reference, as
/// Google's rouge-score without a stemmer); `faithful` (the share of the
/// summary's content words, or bigrams, found in the source); `length` (1
/// within a tolerance of a target word count, falling linearly to 0 one
/// target further); `fluency` (the frozen prior's mean log-probability per
/// token of the summary given the source, squashed by a logistic).
/// An empty summary, or one over 64 words or with a line break, is invalid.
class TextDomain : public Domain
{
public:
  struct Options
  {
    std::string descriptionsPath;   ///< apt's Translation-en, decompressed
    std::string pairsPath;          ///< or pairs as JSON Lines (package, source, summary)
    std::string brownDirectory;     ///< the Brown corpus files; empty: no extra text
    std::string cacheDirectory;     ///< where parsed pairs are kept; empty: not cached
    std::size_t sourceWords = 40;   ///< the source is cut to its first words
    std::size_t trainPairs = 0;     ///< pretraining pairs to use (0: all)
    std::size_t brownSentences = 0; ///< Brown sentences to add (0: all there are)
    int vocabularySize = 6000;
    double lengthTarget = 6.0;
    double lengthTolerance = 2.0;
    double fluencyCenter = -3.0; ///< the mean log-probability that scores 0.5
    double fluencyScale = 1.0;
    bool faithfulBigrams = false; ///< judge faithfulness by bigrams, not content words
  };

  explicit TextDomain(Options options);

  static constexpr std::size_t kMaxSummaryWords = 64;

  std::string name() const override { return "text"; }
  std::string title() const override { return "Summaries (Debian package descriptions)"; }
  std::vector<ObjectiveInfo> objectives() const override;
  std::vector<std::string> corpus() const override;
  std::string corpusDigest() const override;
  std::string describeCorpus() const override;
  TokenizerSpec tokenizer() const override;
  std::vector<SampleContext> contexts(DataSplit split) const override;
  bool isConditional() const override { return true; }
  /// Each context of `split` with its package's own short description.
  std::vector<Demonstration> demonstrations(DataSplit split) const override;
  bool isValid(const std::string& sample) const override;
  std::string invalidReason(const std::string& sample) const override;
  bool needsPrior(const std::string& objective) const override { return objective == "fluency"; }
  std::map<std::string, double> metrics(const std::vector<std::string>& samples) const override;
  std::map<std::string, double> metrics(const std::vector<std::string>& samples,
                                        const std::vector<SampleContext>& contexts) const override;
  SampleDescription describe(const std::string& sample,
                             const SampleContext& context = {}) const override;
  std::string searchHint() const override { return "words to find in the summary"; }
  std::vector<std::shared_ptr<const SampleFormat>> sampleFormats() const override;

  /// The context of a pair: id, prompt and the fields scoring reads.
  SampleContext contextOf(const text::SummaryPair& pair) const;
  /// Every pair, read once (and cached when a cache directory is set).
  const std::vector<text::SummaryPair>& pairs() const;
  const Options& options() const { return m_options; }

  /// `length`'s reward for a summary of `words` words.
  double lengthReward(std::size_t words) const;
  /// The share of the summary's units (content words or bigrams) found in the source; NaN when
  /// the summary has none.
  double faithfulness(const std::string& summary, const std::string& source) const;

protected:
  std::vector<std::vector<double>> computeScores(const std::vector<std::string>& samples,
                                                 const std::vector<SampleContext>& contexts,
                                                 const std::vector<std::string>& objectives,
                                                 const TextLikelihood* prior) const override;

private:
  std::vector<text::SummaryPair> loadPairs() const;

  Options m_options;
  mutable std::once_flag m_pairsOnce;
  mutable std::vector<text::SummaryPair> m_pairs;
};

} // namespace paretolab::engine
