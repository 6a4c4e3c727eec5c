// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace paretolab::engine {

/// Maps text to token ids with a fixed vocabulary. Ids 0, 1 and 2 are PAD,
/// BOS and EOS; the vocabulary follows. How text splits into tokens depends
/// on the domain: single characters (bit strings, DNA) or the SMILES regex of
/// Schwaller et al. (bracket atoms, Cl, Br, ring closures, %nn). Immutable
/// after construction, so it is safe to share between threads.
class Tokenizer
{
public:
  enum class Split
  {
    Characters,
    SmilesRegex,
  };

  static constexpr int64_t kPad = 0;
  static constexpr int64_t kBos = 1;
  static constexpr int64_t kEos = 2;

  Tokenizer(Split split, std::vector<std::string> vocabulary);

  /// Builds the vocabulary from every token that occurs in `corpus`, sorted.
  static Tokenizer fit(Split split, const std::vector<std::string>& corpus);

  std::vector<std::string> split(std::string_view text) const;
  /// BOS, the tokens of `text`, EOS. Throws std::invalid_argument naming the
  /// first token that is not in the vocabulary.
  std::vector<int64_t> encode(std::string_view text) const;
  /// The text of the tokens up to the first EOS, skipping BOS and PAD.
  std::string decode(const std::vector<int64_t>& ids) const;

  int64_t vocabSize() const { return static_cast<int64_t>(m_tokens.size()); }
  Split splitRule() const { return m_split; }
  /// All tokens, specials first, indexed by id.
  const std::vector<std::string>& tokens() const { return m_tokens; }

  nlohmann::json toJson() const;
  /// Throws std::invalid_argument on a malformed description.
  static Tokenizer fromJson(const nlohmann::json& json);

  bool operator==(const Tokenizer& other) const
  {
    return m_split == other.m_split && m_tokens == other.m_tokens;
  }

private:
  Split m_split;
  std::vector<std::string> m_tokens;
  std::unordered_map<std::string, int64_t> m_ids;
};

} // namespace paretolab::engine
