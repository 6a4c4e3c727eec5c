// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tokenizer.h"

#include <algorithm>
#include <stdexcept>

namespace paretolab::engine {

namespace {

const char* const kSpecials[] = { "<pad>", "<bos>", "<eos>" };

} // namespace

Tokenizer::Tokenizer(std::shared_ptr<const TokenSplitter> splitter,
                     std::vector<std::string> vocabulary)
  : m_splitter(std::move(splitter))
{
  if (!m_splitter)
    throw std::invalid_argument("tokenizer: no splitter");
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
Tokenizer::fit(const TokenizerSpec& spec, const std::vector<std::string>& corpus)
{
  auto splitter = makeTokenSplitter(spec.kind, spec.parameters)->fitted(corpus);
  auto vocabulary = splitter->vocabularyFor(corpus);
  return Tokenizer(std::move(splitter), std::move(vocabulary));
}

Tokenizer
Tokenizer::withControlTokens(const std::vector<std::string>& tokens) const
{
  Tokenizer extended = *this;
  for (const auto& token : tokens) {
    if (token.empty() || extended.m_ids.count(token))
      throw std::invalid_argument("tokenizer: control token '" + token +
                                  "' is empty or already in the vocabulary");
    extended.m_tokens.push_back(token);
    extended.m_ids.emplace(token, extended.vocabSize() - 1);
    extended.m_control.push_back(token);
  }
  return extended;
}

std::vector<std::string>
Tokenizer::split(std::string_view text) const
{
  return m_splitter->split(text);
}

std::vector<int64_t>
Tokenizer::ids(std::string_view text) const
{
  std::vector<int64_t> ids{ kBos };
  // Control tokens are cut out first; the splitter reads the text between them.
  size_t plain = 0;
  for (size_t at = 0; at < text.size() && !m_control.empty(); ++at) {
    for (size_t c = 0; c < m_control.size(); ++c) {
      if (text.substr(at, m_control[c].size()) != m_control[c])
        continue;
      appendSplitIds(text.substr(plain, at - plain), ids);
      ids.push_back(vocabSize() - int64_t(m_control.size()) + int64_t(c));
      at += m_control[c].size() - 1;
      plain = at + 1;
      break;
    }
  }
  appendSplitIds(text.substr(std::min(plain, text.size())), ids);
  return ids;
}

void
Tokenizer::appendSplitIds(std::string_view text, std::vector<int64_t>& ids) const
{
  if (text.empty())
    return;
  for (const auto& token : split(text)) {
    auto found = m_ids.find(token);
    if (found == m_ids.end() || found->second < 3 || isControl(found->second))
      throw std::invalid_argument("tokenizer: token '" + token + "' is not in the vocabulary");
    ids.push_back(found->second);
  }
}

std::vector<int64_t>
Tokenizer::encode(std::string_view text) const
{
  auto encoded = ids(text);
  encoded.push_back(kEos);
  return encoded;
}

std::vector<int64_t>
Tokenizer::encodePrompt(std::string_view text) const
{
  return ids(text);
}

std::string
Tokenizer::decode(const std::vector<int64_t>& ids) const
{
  std::vector<std::string> pieces;
  for (int64_t id : ids) {
    if (id == kEos)
      break;
    if (id == kBos || id == kPad || id < 0 || id >= vocabSize() || isControl(id))
      continue;
    pieces.push_back(m_tokens[size_t(id)]);
  }
  return m_splitter->join(pieces);
}

nlohmann::json
Tokenizer::toJson() const
{
  const auto plainEnd = m_tokens.end() - int64_t(m_control.size());
  nlohmann::json json = { { "split", kind() },
                          { "tokens", std::vector<std::string>(m_tokens.begin() + 3, plainEnd) } };
  if (!m_control.empty())
    json["control"] = m_control;
  if (auto parameters = m_splitter->parameters(); !parameters.empty())
    json["parameters"] = std::move(parameters);
  return json;
}

Tokenizer
Tokenizer::fromJson(const nlohmann::json& json)
{
  if (!json.is_object() || !json.contains("split") || !json["split"].is_string() ||
      !json.contains("tokens") || !json["tokens"].is_array())
    throw std::invalid_argument(
      "tokenizer: description needs a 'split' string and a 'tokens' array");
  const auto control = json.value("control", nlohmann::json::array());
  if (!control.is_array())
    throw std::invalid_argument("tokenizer: 'control' must be an array");
  for (const auto* list : { &json["tokens"], &control })
    for (const auto& token : *list)
      if (!token.is_string())
        throw std::invalid_argument("tokenizer: every token must be a string");
  const auto parameters = json.value("parameters", nlohmann::json::object());
  return Tokenizer(makeTokenSplitter(json["split"].get<std::string>(), parameters),
                   json["tokens"].get<std::vector<std::string>>())
    .withControlTokens(control.get<std::vector<std::string>>());
}

bool
Tokenizer::operator==(const Tokenizer& other) const
{
  return kind() == other.kind() && m_tokens == other.m_tokens && m_control == other.m_control &&
         m_splitter->parameters() == other.m_splitter->parameters();
}

} // namespace paretolab::engine
