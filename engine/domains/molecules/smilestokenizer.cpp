// SPDX-License-Identifier: GPL-3.0-or-later
// The SMILES regex tokenizer, registered as kind "smiles-regex".

#include "core/tokensplitter.h"

#include <regex>
#include <stdexcept>

namespace paretolab::engine {

namespace {

// Schwaller et al., "Molecular Transformer" (2019): one token per bracket atom,
// two-letter halogen, bond, branch, ring-closure digit or %nn label.
const std::regex&
smilesPattern()
{
  static const std::regex pattern(
    R"((\[[^\]]+\]|Br?|Cl?|N|O|S|P|F|I|b|c|n|o|s|p|\(|\)|\.|=|#|-|\+|\\|\/|:|~|@|\?|>|\*|\$|%[0-9]{2}|[0-9]))");
  return pattern;
}

class SmilesRegexSplitter : public TokenSplitter
{
public:
  std::string kind() const override { return "smiles-regex"; }

  std::vector<std::string> split(std::string_view text) const override
  {
    std::vector<std::string> pieces;
    const std::string owned(text);
    std::size_t covered = 0;
    for (auto it = std::sregex_iterator(owned.begin(), owned.end(), smilesPattern());
         it != std::sregex_iterator();
         ++it) {
      // Characters the regex skips over would silently vanish; refuse them instead.
      if (static_cast<std::size_t>(it->position()) != covered)
        throw std::invalid_argument("tokenizer: '" +
                                    owned.substr(covered, it->position() - covered) +
                                    "' is not a SMILES token");
      pieces.push_back(it->str());
      covered += it->length();
    }
    if (covered != owned.size())
      throw std::invalid_argument("tokenizer: '" + owned.substr(covered) +
                                  "' is not a SMILES token");
    return pieces;
  }
};

const bool kSmilesSplitterRegistered = registerTokenSplitter(
  { "smiles-regex",
    "SMILES tokens by the regex of Schwaller et al. (2019)",
    [](const nlohmann::json&) { return std::make_shared<const SmilesRegexSplitter>(); } });

} // namespace

} // namespace paretolab::engine
