// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/tokensplitter.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace paretolab::engine {

/// Which splitter a domain's tokenizer uses, and its parameters.
struct TokenizerSpec
{
  std::string kind = "characters";
  nlohmann::json parameters = nlohmann::json::object();
};

/// Maps text to token ids with a fixed vocabulary. Ids 0, 1 and 2 are PAD,
/// BOS and EOS; the vocabulary follows. How text splits into pieces is the
/// domain's choice from an open family (TokenSplitter): characters, the SMILES
/// regex, k-mers, SentencePiece. Immutable after construction, so it is safe
/// to share between threads.
class Tokenizer
{
public:
  static constexpr int64_t kPad = 0;
  static constexpr int64_t kBos = 1;
  static constexpr int64_t kEos = 2;

  Tokenizer(std::shared_ptr<const TokenSplitter> splitter, std::vector<std::string> vocabulary);

  /// Trains the splitter when it learns (SentencePiece) and takes the
  /// vocabulary from `corpus`.
  static Tokenizer fit(const TokenizerSpec& spec, const std::vector<std::string>& corpus);

  /// This vocabulary followed by `tokens`, which a text names verbatim (RiC's
  /// reward tokens, "<r0:7>"). They are matched before the splitter sees the
  /// text, so they never split, and decode() leaves them out: they are
  /// instructions to the model, not part of what it writes. Throws
  /// std::invalid_argument for an empty or already known token.
  Tokenizer withControlTokens(const std::vector<std::string>& tokens) const;
  const std::vector<std::string>& controlTokens() const { return m_control; }

  std::vector<std::string> split(std::string_view text) const;
  /// BOS, the tokens of `text`, EOS. Throws std::invalid_argument naming the
  /// first token that is not in the vocabulary.
  std::vector<int64_t> encode(std::string_view text) const;
  /// BOS and the tokens of `text`, without EOS: what generation continues.
  std::vector<int64_t> encodePrompt(std::string_view text) const;
  /// The text of the tokens up to the first EOS, skipping BOS and PAD.
  std::string decode(const std::vector<int64_t>& ids) const;

  int64_t vocabSize() const { return static_cast<int64_t>(m_tokens.size()); }
  const TokenSplitter& splitter() const { return *m_splitter; }
  std::string kind() const { return m_splitter->kind(); }
  /// All tokens, specials first, indexed by id.
  const std::vector<std::string>& tokens() const { return m_tokens; }

  /// Everything that rebuilds this tokenizer: kind, parameters, vocabulary.
  nlohmann::json toJson() const;
  /// Throws std::invalid_argument on a malformed description.
  static Tokenizer fromJson(const nlohmann::json& json);

  bool operator==(const Tokenizer& other) const;

private:
  std::vector<int64_t> ids(std::string_view text) const;
  void appendSplitIds(std::string_view text, std::vector<int64_t>& ids) const;
  bool isControl(int64_t id) const { return id >= vocabSize() - int64_t(m_control.size()); }

  std::shared_ptr<const TokenSplitter> m_splitter;
  std::vector<std::string> m_tokens;
  std::unordered_map<std::string, int64_t> m_ids;
  std::vector<std::string> m_control; ///< the last tokens of the vocabulary
};

} // namespace paretolab::engine
