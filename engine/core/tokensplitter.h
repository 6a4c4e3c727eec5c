// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace paretolab::engine {

/// How a domain's text breaks into tokens: an open family keyed by kind
/// ("characters", "smiles-regex", "kmers", "sentencepiece", ...). A splitter
/// is immutable once made, so one may be shared between threads.
///
/// A learned splitter (SentencePiece) is trained on the corpus by `fitted()`;
/// everything that rebuilds it travels in `parameters()`, which the prior's
/// checkpoint stores beside the vocabulary.
class TokenSplitter : public std::enable_shared_from_this<TokenSplitter>
{
public:
  virtual ~TokenSplitter() = default;

  virtual std::string kind() const = 0;
  /// The pieces of `text`. Throws std::invalid_argument naming text it cannot split.
  virtual std::vector<std::string> split(std::string_view text) const = 0;
  /// The text of `pieces`; plain concatenation unless the splitter marks spaces.
  virtual std::string join(const std::vector<std::string>& pieces) const;
  /// What rebuilds this splitter with `makeTokenSplitter`; an object.
  virtual nlohmann::json parameters() const { return nlohmann::json::object(); }

  /// The splitter to use for `corpus`: itself for rule-based splitters, a
  /// trained model for learned ones. Splitters are made with std::make_shared.
  virtual std::shared_ptr<const TokenSplitter> fitted(const std::vector<std::string>& corpus) const;
  /// The vocabulary for `corpus`: every piece that occurs, sorted, unless the
  /// splitter has a vocabulary of its own.
  virtual std::vector<std::string> vocabularyFor(const std::vector<std::string>& corpus) const;
};

/// A kind of splitter and how to build one from its parameters.
struct TokenSplitterKind
{
  std::string name;
  std::string description;
  std::function<std::shared_ptr<const TokenSplitter>(const nlohmann::json& parameters)> make;
};

/// Adds a kind; a kind registered twice keeps the first. Returns true so that
/// a file can register at static initialisation:
/// `const bool registered = registerTokenSplitter({...});`
bool
registerTokenSplitter(TokenSplitterKind kind);

/// Builds the splitter of `kind`. Throws std::invalid_argument naming an
/// unknown kind (with the known ones) or bad parameters.
std::shared_ptr<const TokenSplitter>
makeTokenSplitter(const std::string& kind,
                  const nlohmann::json& parameters = nlohmann::json::object());

std::vector<std::string>
tokenSplitterKinds();

} // namespace paretolab::engine
