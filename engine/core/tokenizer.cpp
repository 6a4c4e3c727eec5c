// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tokenizer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <stdexcept>

namespace paretolab::engine {

namespace {

const char* const kSpecials[] = { "<pad>", "<bos>", "<eos>" };

// Schwaller et al., "Molecular Transformer" (2019): one token per bracket atom,
// two-letter halogen, bond, branch, ring-closure digit or %nn label.
const std::regex&
smilesPattern()
{
  static const std::regex pattern(
    R"((\[[^\]]+\]|Br?|Cl?|N|O|S|P|F|I|b|c|n|o|s|p|\(|\)|\.|=|#|-|\+|\\|\/|:|~|@|\?|>|\*|\$|%[0-9]{2}|[0-9]))");
  return pattern;
}

std::string
splitName(Tokenizer::Split split)
{
  return split == Tokenizer::Split::Characters ? "characters" : "smiles-regex";
}

} // namespace

Tokenizer::Tokenizer(Split split, std::vector<std::string> vocabulary)
  : m_split(split)
{
  m_tokens.assign(std::begin(kSpecials), std::end(kSpecials));
  for (auto& token : vocabulary) {
    if (token.empty() || m_ids.count(token) ||
        std::find(std::begin(kSpecials), std::end(kSpecials), token) != std::end(kSpecials))
      throw std::invalid_argument("tokenizer: empty, duplicate or reserved token '" + token + "'");
    m_tokens.push_back(std::move(token));
    m_ids.emplace(m_tokens.back(), vocabSize() - 1);
  }
  for (int64_t id = 0; id < 3; ++id)
    m_ids.emplace(m_tokens[id], id);
}

Tokenizer
Tokenizer::fit(Split split, const std::vector<std::string>& corpus)
{
  Tokenizer probe(split, {});
  std::set<std::string> seen;
  for (const auto& text : corpus)
    for (auto& token : probe.split(text))
      seen.insert(std::move(token));
  return Tokenizer(split, std::vector<std::string>(seen.begin(), seen.end()));
}

std::vector<std::string>
Tokenizer::split(std::string_view text) const
{
  std::vector<std::string> pieces;
  if (m_split == Split::Characters) {
    for (char c : text)
      pieces.emplace_back(1, c);
    return pieces;
  }
  const std::string owned(text);
  std::size_t covered = 0;
  for (auto it = std::sregex_iterator(owned.begin(), owned.end(), smilesPattern());
       it != std::sregex_iterator();
       ++it) {
    // Characters the regex skips over would silently vanish; refuse them instead.
    if (static_cast<std::size_t>(it->position()) != covered)
      throw std::invalid_argument("tokenizer: '" + owned.substr(covered, it->position() - covered) +
                                  "' is not a SMILES token");
    pieces.push_back(it->str());
    covered += it->length();
  }
  if (covered != owned.size())
    throw std::invalid_argument("tokenizer: '" + owned.substr(covered) + "' is not a SMILES token");
  return pieces;
}

std::vector<int64_t>
Tokenizer::encode(std::string_view text) const
{
  std::vector<int64_t> ids{ kBos };
  for (const auto& token : split(text)) {
    auto found = m_ids.find(token);
    if (found == m_ids.end() || found->second < 3)
      throw std::invalid_argument("tokenizer: token '" + token + "' is not in the vocabulary");
    ids.push_back(found->second);
  }
  ids.push_back(kEos);
  return ids;
}

std::string
Tokenizer::decode(const std::vector<int64_t>& ids) const
{
  std::string text;
  for (int64_t id : ids) {
    if (id == kEos)
      break;
    if (id == kBos || id == kPad || id < 0 || id >= vocabSize())
      continue;
    text += m_tokens[id];
  }
  return text;
}

nlohmann::json
Tokenizer::toJson() const
{
  return { { "split", splitName(m_split) },
           { "tokens", std::vector<std::string>(m_tokens.begin() + 3, m_tokens.end()) } };
}

Tokenizer
Tokenizer::fromJson(const nlohmann::json& json)
{
  if (!json.is_object() || !json.contains("split") || !json["split"].is_string() ||
      !json.contains("tokens") || !json["tokens"].is_array())
    throw std::invalid_argument(
      "tokenizer: description needs a 'split' string and a 'tokens' array");
  for (const auto& token : json["tokens"])
    if (!token.is_string())
      throw std::invalid_argument("tokenizer: every token must be a string");
  const auto name = json["split"].get<std::string>();
  Split split;
  if (name == "characters")
    split = Split::Characters;
  else if (name == "smiles-regex")
    split = Split::SmilesRegex;
  else
    throw std::invalid_argument("tokenizer: unknown split rule '" + name + "'");
  return Tokenizer(split, json["tokens"].get<std::vector<std::string>>());
}

} // namespace paretolab::engine
