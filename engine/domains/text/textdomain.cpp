// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/text/textdomain.h"

#include "core/atomicfile.h"
#include "core/linereader.h"
#include "core/sha256.h"
#include "domains/text/rouge.h"
#include "domains/text/textformats.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// Words too common to support a summary on their own: a summary is not
/// faithful because "the" and "for" occur in its source.
const std::set<std::string>&
stopWords()
{
  static const std::set<std::string> words = {
    "a",     "an",   "and",  "are",   "as",   "at",   "be",  "by",    "can",  "for",
    "from",  "has",  "have", "in",    "into", "is",   "it",  "its",   "of",   "on",
    "or",    "that", "the",  "their", "this", "to",   "was", "which", "will", "with",
    "you",   "your", "not",  "but",   "all",  "also", "any", "other", "such", "these",
    "those", "than", "then", "there", "they", "we",   "our", "more",  "most",
  };
  return words;
}

std::vector<std::string>
contentWords(const std::vector<std::string>& tokens)
{
  std::vector<std::string> content;
  for (const auto& token : tokens)
    if (!stopWords().count(token))
      content.push_back(token);
  return content;
}

} // namespace

TextDomain::TextDomain(Options options)
  : m_options(std::move(options))
{
  if (m_options.sourceWords < 4)
    throw std::invalid_argument("text domain: source_words must be at least 4");
  if (m_options.lengthTarget <= 0 || m_options.lengthTolerance < 0)
    throw std::invalid_argument(
      "text domain: length_target must be positive and length_tolerance not negative");
  if (m_options.fluencyScale <= 0)
    throw std::invalid_argument("text domain: fluency_scale must be positive");
}

std::vector<ObjectiveInfo>
TextDomain::objectives() const
{
  return {
    { "rouge1", "ROUGE-1 F1 against the reference synopsis", {} },
    { "rouge2", "ROUGE-2 F1 against the reference synopsis", {} },
    { "rougeL", "ROUGE-L F1 (longest common subsequence) against the reference", {} },
    { "faithful",
      m_options.faithfulBigrams ? "share of the summary's bigrams found in the source"
                                : "share of the summary's content words found in the source",
      {} },
    { "length",
      "1 within " + shortestText(m_options.lengthTolerance) + " words of " +
        shortestText(m_options.lengthTarget) + " words, then falling to 0",
      {} },
    { "fluency", "the frozen prior's mean log-probability of the summary, squashed to 0-1", {} },
  };
}

SampleContext
TextDomain::contextOf(const text::SummaryPair& pair) const
{
  // The policy sees the first words only, so faithfulness is judged on them.
  const auto source = text::firstWords(pair.source, m_options.sourceWords);
  return { pair.package,
           text::summaryPrompt(source, m_options.sourceWords),
           { { "source", source }, { "reference", pair.summary } } };
}

std::vector<text::SummaryPair>
TextDomain::loadPairs() const
{
  if (!m_options.pairsPath.empty()) {
    std::ifstream in(m_options.pairsPath);
    if (!in)
      throw std::runtime_error("text domain: cannot read pairs " + m_options.pairsPath);
    return text::readPairs(in, m_options.pairsPath);
  }
  if (m_options.descriptionsPath.empty())
    throw std::runtime_error(
      "the summaries need Debian's package descriptions: run scripts/fetch-summaries (which "
      "scripts/setup runs), or give your own pairs in domain_options.pairs");
  const auto bytes = readFile(m_options.descriptionsPath);
  std::string cachePath;
  if (!m_options.cacheDirectory.empty()) {
    cachePath = (std::filesystem::path(m_options.cacheDirectory) / "summaries" /
                 ("pairs-v1-" + sha256Hex(bytes).substr(0, 16) + ".jsonl"))
                  .string();
    if (std::ifstream cached(cachePath); cached) {
      try {
        return text::readPairs(cached, cachePath);
      } catch (const std::runtime_error&) {
        // A damaged cache is rebuilt below.
      }
    }
  }
  std::istringstream in(bytes);
  auto pairs = text::readTranslationIndex(in);
  if (pairs.empty())
    throw std::runtime_error("text domain: " + m_options.descriptionsPath +
                             " holds no package description");
  if (!cachePath.empty()) {
    try {
      writeFileAtomically(cachePath, text::pairsToJsonLines(pairs));
    } catch (const std::runtime_error&) {
      // Without a writable cache the pairs are parsed again next time.
    }
  }
  return pairs;
}

const std::vector<text::SummaryPair>&
TextDomain::pairs() const
{
  std::call_once(m_pairsOnce, [this] { m_pairs = loadPairs(); });
  return m_pairs;
}

std::vector<SampleContext>
TextDomain::contexts(DataSplit split) const
{
  std::vector<SampleContext> list;
  for (const auto& pair : pairs())
    if (text::splitOfPackage(pair.package) == split)
      list.push_back(contextOf(pair));
  return list;
}

std::vector<Demonstration>
TextDomain::demonstrations(DataSplit split) const
{
  std::vector<Demonstration> list;
  for (const auto& pair : pairs())
    if (text::splitOfPackage(pair.package) == split)
      list.push_back({ contextOf(pair), pair.summary });
  return list;
}

std::vector<std::string>
TextDomain::corpus() const
{
  std::vector<std::string> texts;
  for (const auto& pair : pairs()) {
    if (text::splitOfPackage(pair.package) != DataSplit::Train)
      continue;
    if (m_options.trainPairs > 0 && texts.size() >= m_options.trainPairs)
      break;
    texts.push_back(contextOf(pair).prompt + " " + pair.summary);
  }
  if (!m_options.brownDirectory.empty()) {
    auto sentences = text::readBrownCorpus(m_options.brownDirectory);
    if (m_options.brownSentences > 0 && sentences.size() > m_options.brownSentences)
      sentences.resize(m_options.brownSentences);
    texts.insert(texts.end(), sentences.begin(), sentences.end());
  }
  return texts;
}

std::string
TextDomain::corpusDigest() const
{
  // Sizes and times of the source files, and the options that shape the
  // corpus: cheap enough for the GUI thread, and any edit changes it.
  std::ostringstream key;
  const auto stamp = [&](const std::string& path) {
    std::error_code error;
    key << path << ':' << std::filesystem::file_size(path, error) << ':'
        << std::filesystem::last_write_time(path, error).time_since_epoch().count() << ';';
  };
  stamp(m_options.pairsPath.empty() ? m_options.descriptionsPath : m_options.pairsPath);
  if (!m_options.brownDirectory.empty())
    for (const auto& name : { "ca01", "cr09" })
      stamp((std::filesystem::path(m_options.brownDirectory) / name).string());
  key << m_options.sourceWords << ';' << m_options.trainPairs << ';' << m_options.brownSentences
      << ';' << m_options.vocabularySize;
  return sha256Hex(key.str()).substr(0, 16);
}

std::string
TextDomain::describeCorpus() const
{
  std::size_t counts[3] = { 0, 0, 0 };
  for (const auto& pair : pairs())
    ++counts[int(text::splitOfPackage(pair.package))];
  return std::to_string(pairs().size()) + " pairs (" + std::to_string(counts[0]) + " train, " +
         std::to_string(counts[1]) + " validation, " + std::to_string(counts[2]) +
         " test), sources cut to " + std::to_string(m_options.sourceWords) + " words" +
         (m_options.brownDirectory.empty() ? "" : ", plus Brown corpus sentences");
}

TokenizerSpec
TextDomain::tokenizer() const
{
  return { "sentencepiece", { { "vocabulary_size", m_options.vocabularySize } } };
}

std::string
TextDomain::invalidReason(const std::string& sample) const
{
  if (sample.find_first_not_of(" \t") == std::string::npos)
    return "the summary is empty";
  if (const auto problem = textProblem(sample); !problem.empty())
    return problem;
  if (sample.find('\t') != std::string::npos)
    return "the summary holds a tab";
  std::istringstream words(sample);
  std::size_t count = 0;
  for (std::string word; words >> word;)
    ++count;
  if (count > kMaxSummaryWords)
    return std::to_string(count) + " words: a summary has at most " +
           std::to_string(kMaxSummaryWords);
  return {};
}

bool
TextDomain::isValid(const std::string& sample) const
{
  return invalidReason(sample).empty();
}

double
TextDomain::lengthReward(std::size_t words) const
{
  const double excess =
    std::max(0.0, std::abs(double(words) - m_options.lengthTarget) - m_options.lengthTolerance);
  return std::max(0.0, 1.0 - excess / m_options.lengthTarget);
}

double
TextDomain::faithfulness(const std::string& summary, const std::string& source) const
{
  const auto summaryTokens = text::rougeTokens(summary);
  const auto sourceTokens = text::rougeTokens(source);
  std::size_t units = 0, found = 0;
  if (m_options.faithfulBigrams) {
    std::set<std::pair<std::string, std::string>> sourceBigrams;
    for (std::size_t i = 0; i + 1 < sourceTokens.size(); ++i)
      sourceBigrams.emplace(sourceTokens[i], sourceTokens[i + 1]);
    for (std::size_t i = 0; i + 1 < summaryTokens.size(); ++i, ++units)
      found += sourceBigrams.count({ summaryTokens[i], summaryTokens[i + 1] });
  } else {
    const std::set<std::string> sourceWords(sourceTokens.begin(), sourceTokens.end());
    for (const auto& word : contentWords(summaryTokens)) {
      ++units;
      found += sourceWords.count(word);
    }
  }
  return units == 0 ? kNaN : double(found) / double(units);
}

std::vector<std::vector<double>>
TextDomain::computeScores(const std::vector<std::string>& samples,
                          const std::vector<SampleContext>& contexts,
                          const std::vector<std::string>& objectives,
                          const TextLikelihood* prior) const
{
  // The prior judges the valid samples only; the others score NaN anyway.
  std::vector<double> fluency(samples.size(), kNaN);
  if (std::find(objectives.begin(), objectives.end(), "fluency") != objectives.end()) {
    std::vector<std::string> judged, prompts;
    std::vector<std::size_t> rows;
    for (std::size_t s = 0; s < samples.size(); ++s) {
      if (!isValid(samples[s]))
        continue;
      judged.push_back(samples[s]);
      if (!contexts.empty())
        prompts.push_back(contexts[s].prompt);
      rows.push_back(s);
    }
    const auto values = prior->meanLogProbability(judged, prompts);
    for (std::size_t i = 0; i < rows.size(); ++i)
      fluency[rows[i]] = values[i];
  }
  std::vector<std::vector<double>> values;
  values.reserve(samples.size());
  for (std::size_t s = 0; s < samples.size(); ++s) {
    const auto& sample = samples[s];
    const auto source = contexts.empty() ? std::string{} : contexts[s].field("source");
    const auto reference = contexts.empty() ? std::string{} : contexts[s].field("reference");
    const bool valid = isValid(sample);
    const auto tokens = text::rougeTokens(sample);
    const auto referenceTokens = text::rougeTokens(reference);
    std::vector<double> row;
    for (const auto& objective : objectives) {
      double value = kNaN;
      const bool hasReference = !reference.empty();
      if (!valid)
        value = kNaN;
      else if (objective == "rouge1" && hasReference)
        value = text::rougeN(tokens, referenceTokens, 1);
      else if (objective == "rouge2" && hasReference)
        value = text::rougeN(tokens, referenceTokens, 2);
      else if (objective == "rougeL" && hasReference)
        value = text::rougeL(tokens, referenceTokens);
      else if (objective == "faithful" && !source.empty())
        value = faithfulness(sample, source);
      else if (objective == "length")
        value = lengthReward(tokens.size());
      else if (objective == "fluency" && !std::isnan(fluency[s]))
        value =
          1.0 / (1.0 + std::exp(-(fluency[s] - m_options.fluencyCenter) / m_options.fluencyScale));
      row.push_back(value);
    }
    values.push_back(std::move(row));
  }
  return values;
}

std::map<std::string, double>
TextDomain::metrics(const std::vector<std::string>& samples) const
{
  return metrics(samples, {});
}

std::map<std::string, double>
TextDomain::metrics(const std::vector<std::string>& samples,
                    const std::vector<SampleContext>& contexts) const
{
  std::size_t valid = 0, words = 0, copies = 0, withSource = 0;
  std::set<std::string> distinctSamples;
  std::set<std::string> unigrams;
  std::set<std::pair<std::string, std::string>> bigrams;
  std::size_t unigramCount = 0, bigramCount = 0;
  for (std::size_t s = 0; s < samples.size(); ++s) {
    if (!isValid(samples[s]))
      continue;
    ++valid;
    distinctSamples.insert(samples[s]);
    const auto tokens = text::rougeTokens(samples[s]);
    words += tokens.size();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      unigrams.insert(tokens[i]);
      ++unigramCount;
      if (i + 1 < tokens.size()) {
        bigrams.emplace(tokens[i], tokens[i + 1]);
        ++bigramCount;
      }
    }
    // A copy: the summary's words appear in a row in the source.
    if (s < contexts.size() && !contexts[s].field("source").empty()) {
      ++withSource;
      const auto source = text::rougeTokens(contexts[s].field("source"));
      copies +=
        !tokens.empty() &&
        std::search(source.begin(), source.end(), tokens.begin(), tokens.end()) != source.end();
    }
  }
  const auto share = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : double(part) / double(whole);
  };
  std::map<std::string, double> result = {
    { "validity", share(valid, samples.size()) },
    { "uniqueness", share(distinctSamples.size(), valid) },
    { "mean_words", share(words, valid) },
    { "distinct_1", share(unigrams.size(), unigramCount) },
    { "distinct_2", share(bigrams.size(), bigramCount) },
  };
  if (withSource > 0)
    result["copy_rate"] = share(copies, withSource);
  return result;
}

SampleDescription
TextDomain::describe(const std::string& sample, const SampleContext& context) const
{
  SampleDescription description;
  description.valid = isValid(sample);
  description.note = invalidReason(sample);
  const auto source = context.field("source");
  const auto sourceTokens = text::rougeTokens(source);
  const std::set<std::string> sourceWords(sourceTokens.begin(), sourceTokens.end());
  const auto summaryTokens = text::rougeTokens(sample);
  const std::set<std::string> summaryWords(summaryTokens.begin(), summaryTokens.end());

  AnnotatedText summary{ .heading = "Summary", .text = sample };
  if (!source.empty())
    for (const auto& [begin, end, word] : text::rougeWords(sample))
      if (!stopWords().count(word) && !sourceWords.count(word))
        summary.spans.push_back(
          { .begin = begin, .end = end, .label = "not in the source", .kind = "unsupported" });
  description.blocks.push_back(std::move(summary));
  if (const auto reference = context.field("reference"); !reference.empty())
    description.blocks.push_back(AnnotatedText{ .heading = "Reference", .text = reference });
  if (!source.empty()) {
    AnnotatedText shown{ .heading = "Source", .text = source };
    for (const auto& [begin, end, word] : text::rougeWords(source))
      if (!stopWords().count(word) && summaryWords.count(word))
        shown.spans.push_back(
          { .begin = begin, .end = end, .label = "used by the summary", .kind = "used" });
    description.blocks.push_back(std::move(shown));
  }
  description.kindColours["unsupported"] = "#f4a6a6";
  description.kindColours["used"] = "#c8e6c9";
  return description;
}

std::vector<std::shared_ptr<const SampleFormat>>
TextDomain::sampleFormats() const
{
  auto formats = Domain::sampleFormats();
  formats.push_back(std::make_shared<const text::JsonLinesFormat>(m_options.sourceWords));
  return formats;
}

} // namespace paretolab::engine
