// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace paretolab::engine::text {

/// Words as Google's rouge-score tokenizes them without a stemmer: lower-case,
/// every run of characters other than [a-z0-9] is a separator. Bytes outside
/// ASCII are separators too (rouge-score lower-cases Unicode first, so a few
/// letters such as the Kelvin sign would survive there; none occur in
/// package descriptions).
std::vector<std::string>
rougeTokens(std::string_view text);

/// One of rougeTokens()'s words and where it stands in the text.
struct RougeWord
{
  std::size_t begin = 0; ///< byte offsets, end exclusive
  std::size_t end = 0;
  std::string word; ///< lower-cased
};

/// rougeTokens() with each word's place, for marking words in the text.
std::vector<RougeWord>
rougeWords(std::string_view text);

/// ROUGE-N F1: clipped n-gram overlap, 0 when either side has no n-gram.
double
rougeN(const std::vector<std::string>& candidate, const std::vector<std::string>& reference, int n);

/// ROUGE-L F1: sentence-level longest common subsequence, 0 when either side is empty.
double
rougeL(const std::vector<std::string>& candidate, const std::vector<std::string>& reference);

/// The length of the longest common subsequence of two word lists.
std::size_t
longestCommonSubsequence(const std::vector<std::string>& a, const std::vector<std::string>& b);

} // namespace paretolab::engine::text
