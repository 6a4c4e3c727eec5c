// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/text/textsources.h"

#include "core/atomicfile.h"
#include "core/linereader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <istream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine::text {

namespace {

std::string
collapseSpaces(const std::string& text)
{
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ')
        out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  return out;
}

} // namespace

std::vector<SummaryPair>
readTranslationIndex(std::istream& in)
{
  std::vector<SummaryPair> pairs;
  std::set<std::string> seen;
  SummaryPair current;
  bool inDescription = false;
  std::string longDescription;
  const auto finish = [&] {
    current.source = collapseSpaces(longDescription);
    current.summary = collapseSpaces(current.summary);
    if (!current.package.empty() && !current.summary.empty() && !current.source.empty() &&
        seen.insert(current.package).second)
      pairs.push_back(current);
    current = {};
    longDescription.clear();
    inDescription = false;
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      if (!inDescription)
        continue;
      // " ." is an empty line of the long description: a paragraph break.
      if (line == " .")
        longDescription += ' ';
      else
        longDescription += ' ' + line.substr(1);
      continue;
    }
    inDescription = false;
    const auto colon = line.find(':');
    if (colon == std::string::npos)
      continue;
    const auto field = line.substr(0, colon);
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (field == "Package") {
      current.package = value;
    } else if (field == "Description-en") {
      current.summary = value;
      inDescription = true;
    }
  }
  finish();
  return pairs;
}

std::vector<SummaryPair>
readPairs(std::istream& in, const std::string& name)
{
  // A pair's line is a few kilobytes; a megabyte bounds memory on a file
  // that is not what it claims to be.
  constexpr std::size_t kMaxLine = 1 << 20;
  std::vector<SummaryPair> pairs;
  LineReader lines(in, kMaxLine);
  while (auto line = lines.next()) {
    const auto where = name + ": line " + std::to_string(line->number) + ": ";
    if (!line->problem.empty())
      throw std::runtime_error(where + line->problem);
    if (line->text.find_first_not_of(" \t") == std::string::npos)
      continue;
    const auto json = nlohmann::json::parse(line->text, nullptr, false);
    const auto isText = [&](const char* key) {
      return json.is_object() && json.contains(key) && json[key].is_string() &&
             !json[key].get<std::string>().empty();
    };
    if (!isText("package") || !isText("source") || !isText("summary"))
      throw std::runtime_error(where +
                               "expected a JSON object with non-empty \"package\", \"source\" "
                               "and \"summary\" strings");
    pairs.push_back({ json["package"].get<std::string>(),
                      collapseSpaces(json["source"].get<std::string>()),
                      collapseSpaces(json["summary"].get<std::string>()) });
  }
  if (pairs.empty())
    throw std::runtime_error(name + ": no pairs");
  return pairs;
}

std::string
pairsToJsonLines(const std::vector<SummaryPair>& pairs)
{
  std::string out;
  for (const auto& pair : pairs)
    out +=
      nlohmann::json{
        { "package", pair.package }, { "source", pair.source }, { "summary", pair.summary }
      }.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
      '\n';
  return out;
}

DataSplit
splitOfPackage(const std::string& package)
{
  const auto bucket = fnv1a64(package) % 100;
  return bucket < 90 ? DataSplit::Train : bucket < 95 ? DataSplit::Validation : DataSplit::Test;
}

std::string
firstWords(const std::string& text, std::size_t maxWords)
{
  std::istringstream words(text);
  std::string word, out;
  for (std::size_t count = 0; count < maxWords && words >> word; ++count)
    out += (out.empty() ? "" : " ") + word;
  return out;
}

std::string
summaryPrompt(const std::string& source, std::size_t sourceWords)
{
  return firstWords(source, sourceWords) + " " + kSeparator;
}

std::vector<std::string>
brownSentences(const std::string& text)
{
  std::vector<std::string> sentences;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream tokens(line);
    std::string token, sentence;
    while (tokens >> token) {
      // "word/tag": the tag follows the last slash ("1/2/cd" is the word 1/2).
      const auto slash = token.rfind('/');
      auto word = slash == std::string::npos || slash == 0 ? token : token.substr(0, slash);
      if (word == "``" || word == "''")
        word = "\"";
      const bool attaches =
        word.size() == 1 && std::string(".,;:?!)").find(word[0]) != std::string::npos;
      if (!sentence.empty() && !attaches && sentence.back() != '(')
        sentence += ' ';
      sentence += word;
    }
    if (!sentence.empty())
      sentences.push_back(std::move(sentence));
  }
  return sentences;
}

std::vector<std::string>
readBrownCorpus(const std::string& directory)
{
  static const std::regex kFileName("c[a-r][0-9][0-9]");
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error))
    if (entry.is_regular_file() && std::regex_match(entry.path().filename().string(), kFileName))
      files.push_back(entry.path());
  if (files.empty())
    throw std::runtime_error("Brown corpus: no files named like ca01 in " + directory);
  std::sort(files.begin(), files.end());
  std::vector<std::string> sentences;
  for (const auto& file : files)
    for (auto& sentence : brownSentences(readFile(file.string())))
      sentences.push_back(std::move(sentence));
  return sentences;
}

} // namespace paretolab::engine::text
