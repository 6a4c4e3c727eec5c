// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domain.h"

#include "core/atomicfile.h"
#include "core/runtime.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

namespace paretolab::engine {

std::string
Domain::corpusDigest() const
{
  uint64_t hash = fnv1a64("");
  for (const auto& text : corpus()) {
    hash = fnv1a64(text, hash);
    hash = fnv1a64("\n", hash);
  }
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016llx", static_cast<unsigned long long>(hash));
  return digest;
}

std::vector<SampleContext>
Domain::contexts(DataSplit) const
{
  return {};
}

std::vector<std::vector<double>>
Domain::score(const std::vector<std::string>& samples,
              const std::vector<std::string>& objectives) const
{
  return score(samples, {}, objectives);
}

std::vector<std::vector<double>>
Domain::score(const std::vector<std::string>& samples,
              const std::vector<SampleContext>& contexts,
              const std::vector<std::string>& objectives,
              const TextLikelihood* prior) const
{
  for (const auto& objective : objectives) {
    requireObjective(objective);
    if (!prior && needsPrior(objective))
      throw std::invalid_argument("objective '" + objective +
                                  "' is judged by the prior model: give a prior (in the CLI, "
                                  "--prior or --config)");
  }
  if (!contexts.empty() && contexts.size() != samples.size())
    throw std::invalid_argument("domain '" + name() + "': " + std::to_string(contexts.size()) +
                                " contexts for " + std::to_string(samples.size()) + " samples");
  return computeScores(samples, contexts, objectives, prior);
}

SampleDescription
Domain::describe(const std::string& sample, const SampleContext&) const
{
  SampleDescription description;
  description.valid = isValid(sample);
  description.blocks.push_back(AnnotatedText{ .text = render(sample) });
  return description;
}

SampleDescription
Domain::describeMatching(const std::string& sample,
                         const SampleContext& context,
                         const std::string& query) const
{
  auto description = describe(sample, context);
  if (!query.empty() && matches(sample, query))
    markMatches(description, sample, query);
  return description;
}

void
Domain::markMatches(SampleDescription& description,
                    const std::string&,
                    const std::string& query) const
{
  for (auto& block : description.blocks)
    for (size_t at = block.text.find(query); at != std::string::npos;
         at = block.text.find(query, at + query.size()))
      block.spans.push_back(
        { .begin = at, .end = at + query.size(), .label = query, .kind = "match" });
  description.kindColours.emplace("match", "#ffe066");
}

std::string
Domain::invalidReason(const std::string& sample) const
{
  return isValid(sample) ? std::string{} : "not a valid " + name() + " sample";
}

bool
Domain::isNovel(const std::string& sample) const
{
  std::call_once(m_corpusSetOnce, [this] {
    for (const auto& text : corpus())
      m_corpusSet.insert(canonical(text));
  });
  return m_corpusSet.count(canonical(sample)) == 0;
}

std::map<std::string, double>
Domain::generativeMetrics(const std::vector<std::string>& samples,
                          const std::vector<std::string>& test,
                          const std::vector<std::string>& train,
                          std::stop_token stop) const
{
  (void)test; // the generic metrics compare with the training texts only
  // Canonical forms of the valid samples, in sample order; "" marks an invalid one.
  std::vector<std::string> forms(samples.size());
  parallelFor(samples.size(), [&](size_t i) {
    if (isValid(samples[i]))
      forms[i] = canonical(samples[i]);
  });
  std::vector<std::string> valid;
  for (auto& form : forms)
    if (!form.empty())
      valid.push_back(std::move(form));

  std::map<std::string, double> result;
  result["validity"] = samples.empty() ? 0.0 : double(valid.size()) / samples.size();
  for (const auto& [name, k] :
       { std::pair{ "unique@1k", size_t(1000) }, { "unique@10k", 10000 } }) {
    const auto first = std::min(k, valid.size());
    if (first > 0)
      result[name] =
        double(std::unordered_set<std::string>(valid.begin(), valid.begin() + first).size()) /
        first;
  }
  if (!train.empty()) {
    std::vector<std::string> trainForms(train.size());
    parallelFor(train.size(), [&](size_t i) {
      if (!stop.stop_requested()) // a 500,000-molecule corpus takes minutes
        trainForms[i] = canonical(train[i]);
    });
    if (stop.stop_requested())
      return {};
    const std::unordered_set<std::string> trainSet(trainForms.begin(), trainForms.end());
    const std::unordered_set<std::string> distinct(valid.begin(), valid.end());
    size_t novel = 0;
    for (const auto& form : distinct)
      novel += trainSet.count(form) == 0;
    if (!distinct.empty())
      result["novelty"] = double(novel) / distinct.size();
  }
  return result;
}

bool
Domain::matches(const std::string& sample, const std::string& query) const
{
  return sample.find(query) != std::string::npos;
}

std::vector<std::shared_ptr<const SampleFormat>>
Domain::sampleFormats() const
{
  return { std::make_shared<CsvSampleFormat>(), std::make_shared<LinesSampleFormat>() };
}

std::shared_ptr<const SampleFormat>
Domain::sampleFormat(const std::string& nameOrPath) const
{
  const auto formats = sampleFormats();
  std::string known;
  for (const auto& format : formats) {
    if (format->name() == nameOrPath)
      return format;
    known += (known.empty() ? "" : ", ") + format->name();
  }
  const auto dot = nameOrPath.rfind('.');
  if (dot != std::string::npos) {
    std::string extension = nameOrPath.substr(dot + 1);
    for (auto& c : extension)
      c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& format : formats)
      if (format->extension() == extension || format->name() == extension)
        return format;
  }
  throw std::invalid_argument("the " + name() + " domain has no sample format for '" + nameOrPath +
                              "' (it has: " + known + ")");
}

void
Domain::requireObjective(const std::string& name) const
{
  std::string known;
  for (const auto& objective : objectives()) {
    if (objective.name == name)
      return;
    known += (known.empty() ? "" : ", ") + objective.name;
  }
  throw std::invalid_argument("domain '" + this->name() + "' has no objective '" + name +
                              "' (it has: " + known + ")");
}

} // namespace paretolab::engine
