// SPDX-License-Identifier: GPL-3.0-or-later
// ROUGE as google-research/rouge (rouge_score/tokenize.py and
// rouge_scorer.py, Apache-2.0) computes it, re-implemented from its
// definition; tests/engine/tst_textdomain.cpp checks hand-made cases.

#include "domains/text/rouge.h"

#include <algorithm>
#include <map>

namespace paretolab::engine::text {

std::vector<RougeWord>
rougeWords(std::string_view text)
{
  std::vector<RougeWord> words;
  RougeWord current;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    const auto lower = char(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      if (current.word.empty())
        current.begin = i;
      current.word += lower;
    } else if (!current.word.empty()) {
      current.end = i;
      words.push_back(std::move(current));
      current = {};
    }
  }
  return words;
}

std::vector<std::string>
rougeTokens(std::string_view text)
{
  std::vector<std::string> tokens;
  for (auto& word : rougeWords(text))
    tokens.push_back(std::move(word.word));
  return tokens;
}

namespace {

std::map<std::vector<std::string>, int>
ngramCounts(const std::vector<std::string>& tokens, int n)
{
  std::map<std::vector<std::string>, int> counts;
  for (std::size_t i = 0; i + std::size_t(n) <= tokens.size(); ++i)
    ++counts[std::vector<std::string>(tokens.begin() + long(i), tokens.begin() + long(i) + n)];
  return counts;
}

double
fMeasure(double precision, double recall)
{
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
}

} // namespace

double
rougeN(const std::vector<std::string>& candidate, const std::vector<std::string>& reference, int n)
{
  const auto candidateCounts = ngramCounts(candidate, n);
  const auto referenceCounts = ngramCounts(reference, n);
  int overlap = 0, candidateTotal = 0, referenceTotal = 0;
  for (const auto& [ngram, count] : referenceCounts) {
    referenceTotal += count;
    if (auto found = candidateCounts.find(ngram); found != candidateCounts.end())
      overlap += std::min(count, found->second);
  }
  for (const auto& entry : candidateCounts)
    candidateTotal += entry.second;
  // rouge-score divides by max(total, 1), so an empty side gives 0, not NaN.
  return fMeasure(double(overlap) / std::max(candidateTotal, 1),
                  double(overlap) / std::max(referenceTotal, 1));
}

std::size_t
longestCommonSubsequence(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
  std::vector<std::size_t> previous(b.size() + 1, 0), current(b.size() + 1, 0);
  for (const auto& word : a) {
    for (std::size_t j = 1; j <= b.size(); ++j)
      current[j] = word == b[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], current[j - 1]);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

double
rougeL(const std::vector<std::string>& candidate, const std::vector<std::string>& reference)
{
  if (candidate.empty() || reference.empty())
    return 0.0;
  const auto common = double(longestCommonSubsequence(reference, candidate));
  return fMeasure(common / double(candidate.size()), common / double(reference.size()));
}

} // namespace paretolab::engine::text
