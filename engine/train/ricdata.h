// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header: the sequences Rewards-in-Context fits.

#include "core/domain.h"
#include "core/textlikelihood.h"
#include "core/tokenizer.h"
#include "train/trainoptions.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace paretolab::engine {

/// One sequence RiC fits, and the rewards it reached.
struct RicExample
{
  SampleContext context;       ///< what the text answers; empty when the domain is unconditional
  std::string text;            ///< the sample, or for a conditional domain the completion
  std::vector<double> raw;     ///< per objective
  std::vector<double> rewards; ///< per objective, transformed to [0, 1]
  std::vector<int64_t> levels; ///< the quantised rewards: the reward tokens it is fitted under
  std::vector<int64_t> ids;    ///< BOS, the context's prompt, the reward tokens, the text, EOS
  int64_t given = 0;           ///< how many leading ids are read, not fitted
};

/// The level range of every objective, and the samples the online rounds
/// kept: what a RiC checkpoint adds to the model (its method state).
struct RicState
{
  std::vector<int64_t> lowest; ///< per objective: the lowest level seen in the data so far
  std::vector<int64_t> highest;
  std::vector<RicExample> online;
};

/// The data of one RiC run: a scored, seeded sample of the domain's corpus
/// (for a conditional domain, of its contexts with their demonstrations),
/// the Pareto-efficient samples the online rounds kept, and the range of
/// reward levels seen in both, which the preference-to-reward mapping spans.
class RicData
{
public:
  /// `tokenizer` holds the reward tokens; `judge` scores the objectives that
  /// need the prior (fluency), and may be null when none does.
  RicData(std::shared_ptr<const Domain> domain,
          std::vector<ObjectiveConfig> objectives,
          Tokenizer tokenizer,
          int64_t contextLength,
          TrainerOptions options,
          std::shared_ptr<const TextLikelihood> judge);

  /// The input that `conditioning` (reward tokens) after the context's prompt
  /// gives: what the model continues. Throws std::invalid_argument when the
  /// prompt holds a token outside the vocabulary.
  std::vector<int64_t> encodePrompt(const SampleContext& context,
                                    const std::string& conditioning) const;

  /// Scores `texts` (with one context each, or none when unconditional) and
  /// keeps those that every objective could score and that fit the model's
  /// context with their reward tokens (a long prompt loses its first words,
  /// as in sampling).
  std::vector<RicExample> score(const std::vector<std::string>& texts,
                                const std::vector<SampleContext>& contexts) const;

  /// Scores the corpus sample once; a fresh run then asks for the levels it
  /// holds. Throws std::invalid_argument when no sequence can be used.
  void scoreCorpus();
  /// Forgets the kept samples and sets the level range to the corpus's.
  void restart();
  /// Keeps the Pareto-efficient `candidates` not kept already, under the
  /// rewards they reached, and widens the level range to theirs.
  void keepEfficient(const std::vector<RicExample>& candidates);

  const std::vector<RicExample>& corpus() const { return m_corpus; }
  const std::vector<RicExample>& online() const { return m_state.online; }
  const RicState& state() const { return m_state; }

  /// The method state of a checkpoint: the level range and the kept samples.
  std::string stateJson() const;
  /// Reads stateJson(), encoding the kept samples again. Throws
  /// CheckpointError naming `path` when it cannot be read.
  RicState parseState(const std::string& json, const std::string& path) const;
  void restore(RicState state) { m_state = std::move(state); }

private:
  /// Fills example.ids and example.given; false when it cannot fit.
  bool encode(RicExample& example) const;
  void widenRange(const std::vector<RicExample>& examples);
  size_t count() const { return m_objectives.size(); }

  std::shared_ptr<const Domain> m_domain;
  std::vector<ObjectiveConfig> m_objectives;
  Tokenizer m_tokenizer;
  int64_t m_contextLength;
  TrainerOptions m_options;
  std::shared_ptr<const TextLikelihood> m_judge;
  std::vector<RicExample> m_corpus;
  RicState m_state;
};

} // namespace paretolab::engine
