// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tokensplitter.h"

#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

namespace paretolab::engine {

namespace {

/// One token per byte: bit strings, DNA, anything with a small alphabet.
class CharacterSplitter : public TokenSplitter
{
public:
  std::string kind() const override { return "characters"; }
  std::vector<std::string> split(std::string_view text) const override
  {
    std::vector<std::string> pieces;
    pieces.reserve(text.size());
    for (char c : text)
      pieces.emplace_back(1, c);
    return pieces;
  }
};

/// Non-overlapping k-mers from the start; a tail shorter than k is split into
/// single characters, so that every text of any length can be encoded.
class KmerSplitter : public TokenSplitter
{
public:
  explicit KmerSplitter(int k)
    : m_k(k)
  {
  }
  std::string kind() const override { return "kmers"; }
  nlohmann::json parameters() const override { return { { "k", m_k } }; }
  std::vector<std::string> split(std::string_view text) const override
  {
    std::vector<std::string> pieces;
    size_t position = 0;
    for (; position + size_t(m_k) <= text.size(); position += size_t(m_k))
      pieces.emplace_back(text.substr(position, size_t(m_k)));
    for (; position < text.size(); ++position)
      pieces.emplace_back(1, text[position]);
    return pieces;
  }

private:
  int m_k;
};

struct Registry
{
  Registry()
  {
    // Built in here rather than by static registrars, so they exist however
    // early the first lookup comes.
    add({ "characters", "one token per character", [](const nlohmann::json&) {
           return std::make_shared<const CharacterSplitter>();
         } });
    add(
      { "kmers", "non-overlapping k-mers (parameter k, 1-8)", [](const nlohmann::json& parameters) {
         const auto k = parameters.value("k", nlohmann::json(4));
         if (!k.is_number_integer() || k.get<int>() < 1 || k.get<int>() > 8)
           throw std::invalid_argument("tokenizer kmers: k must be an integer from 1 to 8, got " +
                                       k.dump());
         return std::make_shared<const KmerSplitter>(k.get<int>());
       } });
  }

  void add(TokenSplitterKind kind)
  {
    std::lock_guard lock(mutex);
    kinds.emplace(kind.name, std::move(kind));
  }

  std::mutex mutex;
  std::map<std::string, TokenSplitterKind> kinds;
};

Registry&
registry()
{
  static Registry instance;
  return instance;
}

} // namespace

std::string
TokenSplitter::join(const std::vector<std::string>& pieces) const
{
  std::string text;
  for (const auto& piece : pieces)
    text += piece;
  return text;
}

std::shared_ptr<const TokenSplitter>
TokenSplitter::fitted(const std::vector<std::string>&) const
{
  return shared_from_this();
}

std::vector<std::string>
TokenSplitter::vocabularyFor(const std::vector<std::string>& corpus) const
{
  std::set<std::string> seen;
  for (const auto& text : corpus)
    for (auto& piece : split(text))
      seen.insert(std::move(piece));
  return { seen.begin(), seen.end() };
}

bool
registerTokenSplitter(TokenSplitterKind kind)
{
  registry().add(std::move(kind));
  return true;
}

std::shared_ptr<const TokenSplitter>
makeTokenSplitter(const std::string& kind, const nlohmann::json& parameters)
{
  std::function<std::shared_ptr<const TokenSplitter>(const nlohmann::json&)> make;
  {
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    if (auto found = r.kinds.find(kind); found != r.kinds.end())
      make = found->second.make;
  }
  if (!make) {
    std::string known;
    for (const auto& name : tokenSplitterKinds())
      known += (known.empty() ? "" : ", ") + name;
    throw std::invalid_argument("tokenizer: unknown kind '" + kind + "' (known: " + known + ")");
  }
  if (!parameters.is_object())
    throw std::invalid_argument("tokenizer " + kind + ": parameters must be an object");
  return make(parameters);
}

std::vector<std::string>
tokenSplitterKinds()
{
  auto& r = registry();
  std::lock_guard lock(r.mutex);
  std::vector<std::string> names;
  for (const auto& [name, kind] : r.kinds)
    names.push_back(name);
  return names;
}

} // namespace paretolab::engine
