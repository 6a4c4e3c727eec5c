// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace paretolab::engine {

/// A frozen language model as a judge of text: what objectives such as the
/// summaries' fluency need. The trainer passes the prior (train/evaluation),
/// `paretolab-cli score --prior` a prior file. Thread-safe.
class TextLikelihood
{
public:
  virtual ~TextLikelihood() = default;

  /// The mean log-probability per token of each continuation, end of text
  /// included, after its prompt (`prompts` is empty or one per continuation;
  /// std::invalid_argument otherwise). Each row is judged as it would be
  /// alone. NaN where the text cannot be encoded or is longer than the model's
  /// context; a prompt too long to fit beside its continuation loses tokens
  /// from its front, as in sampling.
  virtual std::vector<double> meanLogProbability(const std::vector<std::string>& continuations,
                                                 const std::vector<std::string>& prompts) const = 0;
};

} // namespace paretolab::engine
