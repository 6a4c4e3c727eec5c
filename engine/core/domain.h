// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/rewardtransform.h"
#include "core/samplecontext.h"
#include "core/sampledescription.h"
#include "core/sampleformat.h"
#include "core/textlikelihood.h"
#include "core/tokenizer.h"

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <stop_token>
#include <string>
#include <unordered_set>
#include <vector>

namespace paretolab::engine {

/// An objective a domain can score, with the transform it uses unless the task says otherwise.
struct ObjectiveInfo
{
  std::string name;
  std::string description;
  RewardTransform defaultTransform;
};

/// One kind of sequence (molecules, DNA, text, toy bit strings), and the one
/// place it lives: its corpus, tokenizer, contexts, rewards, metrics,
/// rendering and sample files. A domain registers itself by name
/// (core/domainregistry.h); nothing outside its folder knows it.
///
/// Conditional domains supply contexts (a source and its reference): the
/// policy continues each context's prompt, and scoring sees the context.
///
/// Thread-safe: every const member may be called from several threads at
/// once (the trainer scores on its thread while a slider re-merge scores on
/// another). Implementations keep lazily loaded state behind std::call_once
/// or a lock.
class Domain
{
public:
  virtual ~Domain() = default;

  virtual std::string name() const = 0;
  /// One line for menus and logs, e.g. "Molecules (SMILES)".
  virtual std::string title() const { return name(); }
  virtual std::vector<ObjectiveInfo> objectives() const = 0;

  /// The texts the prior is pretrained on; for a conditional domain, each
  /// context's prompt followed by its completion.
  virtual std::vector<std::string> corpus() const = 0;
  /// How to build the tokenizer; its fitted form is saved with the prior.
  virtual TokenizerSpec tokenizer() const = 0;
  /// A short digest that changes whenever corpus() would, cheap enough for the
  /// GUI thread: it keys the prior cache. The default hashes corpus(); domains
  /// with large corpora hash their source files instead.
  virtual std::string corpusDigest() const;
  /// One line on how the corpus was read and cleaned; empty when there is nothing to say.
  virtual std::string describeCorpus() const { return {}; }

  /// The contexts of `split`; empty for an unconditional domain.
  virtual std::vector<SampleContext> contexts(DataSplit split) const;
  /// Whether samples are generated from contexts (then contexts() is not empty).
  virtual bool isConditional() const { return false; }
  /// The demonstrations of `split`: contexts with a completion written for
  /// them (a package's own short description), for methods that fine-tune on
  /// demonstrations (RiC); empty when the domain has none.
  virtual std::vector<Demonstration> demonstrations(DataSplit split) const
  {
    (void)split;
    return {};
  }

  /// Another spelling of the same sample, chosen by `seed`, for augmenting a
  /// corpus in pretraining (a randomized SMILES); the sample itself when a
  /// domain has one spelling only, or when `sample` is not valid.
  virtual std::string respell(const std::string& sample, uint64_t seed) const
  {
    (void)seed;
    return sample;
  }

  /// Whether the sample is well formed (a parseable SMILES, a full-length bit string).
  virtual bool isValid(const std::string& sample) const = 0;
  /// Why `sample` is not valid, for a user ("position 17: 'N' is not A, C, G
  /// or T"); empty when it is valid. The default names the domain only.
  virtual std::string invalidReason(const std::string& sample) const;

  /// Raw objective values, [sample][objective] in the order of `objectives`.
  /// A sample the objective cannot be computed for (an invalid SMILES, a
  /// failed geometry) gets NaN; the trainer turns NaN into the task's penalty.
  /// `contexts` is empty or holds one context per sample. `prior` judges
  /// text for the objectives that need a language model (fluency); they throw
  /// std::invalid_argument without one. Throws std::invalid_argument for an
  /// unknown objective or mismatched contexts.
  std::vector<std::vector<double>> score(const std::vector<std::string>& samples,
                                         const std::vector<std::string>& objectives) const;
  std::vector<std::vector<double>> score(const std::vector<std::string>& samples,
                                         const std::vector<SampleContext>& contexts,
                                         const std::vector<std::string>& objectives,
                                         const TextLikelihood* prior = nullptr) const;
  /// Whether scoring `objective` needs the `prior` argument of score().
  virtual bool needsPrior(const std::string& objective) const { return false; }

  /// Domain-specific quality metrics of a batch (validity, uniqueness, ...),
  /// each in [0, 1] unless its name says otherwise ("mean_words").
  virtual std::map<std::string, double> metrics(const std::vector<std::string>& samples) const = 0;
  /// metrics() with each sample's context (empty, or one per sample), for
  /// metrics that compare a sample with its source (the copy rate).
  virtual std::map<std::string, double> metrics(const std::vector<std::string>& samples,
                                                const std::vector<SampleContext>& contexts) const
  {
    (void)contexts;
    return metrics(samples);
  }

  /// A generator's samples judged as the generative-model benchmarks judge
  /// them (MOSES: Polykovskiy et al., Front. Pharmacol. 2020), against texts
  /// it never saw (`test`) and the texts it was trained on (`train`):
  /// validity; uniqueness@1k and @10k, the distinct share of the first k
  /// valid samples (of all of them when there are fewer, as in MOSES);
  /// novelty, the share of distinct valid samples not in `train` (in
  /// canonical form). Domains add comparisons with `test` (molecules:
  /// IntDiv1/2, fragment and scaffold similarity, SNN). Either set may be
  /// empty: what needs it is left out. Against a large corpus this takes
  /// minutes; when `stop` is requested it returns early, with nothing.
  virtual std::map<std::string, double> generativeMetrics(const std::vector<std::string>& samples,
                                                          const std::vector<std::string>& test,
                                                          const std::vector<std::string>& train,
                                                          std::stop_token stop = {}) const;

  /// A plain-text rendering of one sample for terminals and logs.
  virtual std::string render(const std::string& sample) const { return sample; }
  /// A structured rendering that the GUI draws without knowing the domain.
  /// The default is the sample as plain text.
  virtual SampleDescription describe(const std::string& sample,
                                     const SampleContext& context = {}) const;
  /// describe() with the matches of a user's search `query` marked.
  SampleDescription describeMatching(const std::string& sample,
                                     const SampleContext& context,
                                     const std::string& query) const;

  /// The form two samples are compared in for uniqueness (canonical SMILES); the sample itself by
  /// default.
  virtual std::string canonical(const std::string& sample) const { return sample; }
  /// Whether `sample` is not in the corpus (compared in canonical form).
  virtual bool isNovel(const std::string& sample) const;
  /// Whether `sample` matches a user's search `query`: a substring by
  /// default; a SMARTS substructure for molecules, a motif for DNA. Throws
  /// std::invalid_argument naming a query that does not parse.
  virtual bool matches(const std::string& sample, const std::string& query) const;
  /// What the search box asks for, e.g. "SMARTS, e.g. c1ccccc1".
  virtual std::string searchHint() const { return "text to find"; }

  /// Which samples page draws this domain: "pictures" (tiles of describe()'s
  /// SVG) or "annotated" (describe()'s annotated text, the default).
  virtual std::string samplesPage() const { return "annotated"; }

  /// The file formats of this domain's samples. Every domain has "csv" and "txt".
  virtual std::vector<std::shared_ptr<const SampleFormat>> sampleFormats() const;
  /// The format called `name`, or the one whose extension ends `path`.
  /// Throws std::invalid_argument listing the formats there are.
  std::shared_ptr<const SampleFormat> sampleFormat(const std::string& nameOrPath) const;
  /// The longest sample a user may give, and the like.
  virtual SampleLimits sampleLimits() const { return {}; }

  /// Throws std::invalid_argument when `name` is not an objective of this domain.
  void requireObjective(const std::string& name) const;

protected:
  /// Marks `query`'s matches in `description`; by default every occurrence of
  /// the query in the blocks' text, as spans of kind "match".
  virtual void markMatches(SampleDescription& description,
                           const std::string& sample,
                           const std::string& query) const;

  /// score() after its checks: objectives are known, contexts are empty or
  /// one per sample, and `prior` is set when an objective needs it.
  virtual std::vector<std::vector<double>> computeScores(const std::vector<std::string>& samples,
                                                         const std::vector<SampleContext>& contexts,
                                                         const std::vector<std::string>& objectives,
                                                         const TextLikelihood* prior) const = 0;

private:
  mutable std::once_flag m_corpusSetOnce;
  mutable std::unordered_set<std::string> m_corpusSet; ///< canonical forms, for isNovel()
};

} // namespace paretolab::engine
