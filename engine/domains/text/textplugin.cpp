// SPDX-License-Identifier: GPL-3.0-or-later
// Registers the text (summaries) domain, reads its domain_options and finds
// the data scripts/fetch-summaries puts in place.

#include "core/domainregistry.h"
#include "core/paths.h"
#include "domains/text/textdomain.h"

#include <filesystem>
#include <stdexcept>

namespace paretolab::engine {

namespace {

/// The folder scripts/fetch-summaries fills, or an installed copy ships
/// (core/paths.h: dataDirectories); empty when there is none.
std::filesystem::path
summariesFolder()
{
  const auto index = findDataFile("summaries/Translation-en");
  return index.empty() ? std::filesystem::path{} : std::filesystem::path(index).parent_path();
}

std::shared_ptr<Domain>
makeText(const nlohmann::json& json)
{
  TextDomain::Options options;
  bool brownGiven = false;
  for (const auto& [key, value] : json.items()) {
    const auto count = [&](int64_t low, int64_t high) {
      if (!value.is_number_integer() || value.get<int64_t>() < low || value.get<int64_t>() > high)
        throw std::invalid_argument("domain_options." + key + ": must be an integer from " +
                                    std::to_string(low) + " to " + std::to_string(high));
      return value.get<int64_t>();
    };
    const auto real = [&] {
      if (!value.is_number())
        throw std::invalid_argument("domain_options." + key + ": must be a number");
      return value.get<double>();
    };
    if (key == "descriptions")
      options.descriptionsPath = existingPathOption(value, key);
    else if (key == "pairs")
      options.pairsPath = existingPathOption(value, key);
    else if (key == "brown") {
      brownGiven = true;
      if (!value.is_boolean() || value.get<bool>())
        options.brownDirectory = existingPathOption(value, key);
    } else if (key == "source_words")
      options.sourceWords = std::size_t(count(4, 400));
    else if (key == "train_pairs")
      options.trainPairs = std::size_t(count(0, 10000000));
    else if (key == "brown_sentences")
      options.brownSentences = std::size_t(count(0, 10000000));
    else if (key == "vocabulary_size")
      options.vocabularySize = int(count(512, 32000));
    else if (key == "length_target")
      options.lengthTarget = real();
    else if (key == "length_tolerance")
      options.lengthTolerance = real();
    else if (key == "fluency_center")
      options.fluencyCenter = real();
    else if (key == "fluency_scale")
      options.fluencyScale = real();
    else if (key == "faithful" && value.is_string() &&
             (value == "content-words" || value == "bigrams"))
      options.faithfulBigrams = value == "bigrams";
    else
      throw std::invalid_argument(
        "domain_options." + key +
        ": unknown or invalid (text takes descriptions, pairs, brown (a folder, or false), "
        "source_words, train_pairs, brown_sentences, vocabulary_size, length_target, "
        "length_tolerance, fluency_center, fluency_scale, faithful (content-words or bigrams))");
  }
  // Found lazily: scoring needs no data, so a missing download only stops
  // what reads the pairs, with the message below.
  if (options.pairsPath.empty() && options.descriptionsPath.empty()) {
    if (const auto folder = summariesFolder(); !folder.empty()) {
      options.descriptionsPath = (folder / "Translation-en").string();
      if (!brownGiven && std::filesystem::exists(folder / "brown"))
        options.brownDirectory = (folder / "brown").string();
    }
  }
  options.cacheDirectory = defaultCacheDirectory();
  return std::make_shared<TextDomain>(options);
}

const bool kTextRegistered =
  registerDomain({ "text", "Summaries (Debian package descriptions)", makeText });

} // namespace

} // namespace paretolab::engine
