// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/textlikelihood.h"
#include "core/tokenizer.h"
#include "model/modeloptions.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace paretolab::engine {

struct PolicyState; // model/policystate.h: the LibTorch model behind the handle

/// A generative policy: a GPT and its tokenizer. This header keeps LibTorch out
/// of the app and widgets, which hold policies only through this handle.
///
/// Copies share one model; `clone()` makes an independent one. A policy is not
/// thread-safe: use a clone per thread.
class Policy
{
public:
  /// A freshly initialised model for `tokenizer` (options.vocabSize is taken from it).
  /// The weights are drawn from `initSeed`: LibTorch seeds its default generator
  /// from the OS unless told otherwise, which would make two runs differ.
  Policy(GptOptions options, Tokenizer tokenizer, uint64_t initSeed = 0);
  explicit Policy(std::shared_ptr<PolicyState> state);

  Policy clone() const;

  /// The same model, conditioned: every sample continues its prompt (if any)
  /// followed by `conditioning`, the place nearest the answer, which a long
  /// prompt cut to fit the context keeps. RiC steers this way: its policy for
  /// weights w is its one model reading the reward tokens of w.
  Policy withConditioning(std::string conditioning) const;
  /// The conditioning text; empty for an unconditioned policy.
  const std::string& conditioning() const { return m_conditioning; }

  const Tokenizer& tokenizer() const;
  const GptOptions& options() const;
  int64_t parameterCount() const;

  /// Draws `count` sequences, decoded to text; the same seed gives the same texts.
  /// With `prompts` (one per sequence), each sequence continues its prompt and
  /// the text returned is the continuation only. The policy's conditioning()
  /// follows each prompt.
  std::vector<std::string> sample(int64_t count,
                                  const SamplingOptions& options,
                                  uint64_t seed,
                                  const std::vector<std::string>& prompts = {}) const;

  PolicyState& state() const { return *m_state; }

private:
  std::shared_ptr<PolicyState> m_state;
  std::string m_conditioning;
};

/// The policy as a frozen judge of text (the fluency objective): mean
/// log-probabilities at temperature 1. It shares the policy's model, which
/// must not be trained meanwhile; teacher-forced passes use no cache, so
/// several threads may call it at once.
std::shared_ptr<const TextLikelihood>
likelihoodOf(const Policy& policy);

} // namespace paretolab::engine
