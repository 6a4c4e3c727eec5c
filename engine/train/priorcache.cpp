// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/priorcache.h"

#include "core/atomicfile.h"
#include "core/runtime.h"
#include "model/checkpoint.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unordered_set>

namespace paretolab::engine {

namespace {

nlohmann::json
describe(const GptOptions& model, const PretrainOptions& options)
{
  nlohmann::json described{ { "model",
                              { { "embed_dim", model.embedDim },
                                { "layers", model.layers },
                                { "heads", model.heads },
                                { "context_length", model.contextLength },
                                { "dropout", model.dropout },
                                { "tied_head", model.tiedHead } } },
                            { "pretrain",
                              { { "epochs", options.epochs },
                                { "batch_size", options.batchSize },
                                { "learning_rate", options.learningRate },
                                { "validation_fraction", options.validationFraction },
                                { "patience", options.patience },
                                { "max_grad_norm", options.maxGradNorm },
                                { "augmentations", options.augmentations },
                                { "seed", options.seed } } } };
  // Named only when used, so that the priors cached before they existed keep their keys.
  if (options.bucketBatches > 0)
    described["pretrain"]["bucket_batches"] = options.bucketBatches;
  if (options.decayFraction > 0)
    described["pretrain"]["decay_fraction"] = options.decayFraction;
  if (options.bfloat16)
    described["pretrain"]["precision"] = "bfloat16";
  return described;
}

/// The texts the vocabulary is fitted to: the corpus, and with augmentation
/// one respelling of each text too, since a randomized SMILES may use a token
/// (a ring-closure digit, a chirality mark) that no canonical one does.
std::vector<std::string>
withSpellings(const Domain& domain,
              const std::vector<std::string>& corpus,
              const PretrainOptions& options)
{
  if (options.augmentations <= 0)
    return corpus;
  std::vector<std::string> texts(corpus.size() * 2);
  parallelFor(corpus.size(), [&](size_t i) {
    texts[2 * i] = corpus[i];
    texts[2 * i + 1] = domain.respell(corpus[i], options.seed + i);
  });
  return texts;
}

} // namespace

std::string
priorCachePath(const TaskConfig& task, const Domain& domain, const std::string& cacheDirectory)
{
  auto key = describe(task.model, task.pretrain);
  key["domain"] = domain.name();
  key["domain_options"] = task.domainOptions;
  key["corpus"] = domain.corpusDigest();
  key["tokenizer"] = { { "kind", domain.tokenizer().kind },
                       { "parameters", domain.tokenizer().parameters } };
  char digest[17];
  std::snprintf(
    digest, sizeof digest, "%016llx", static_cast<unsigned long long>(fnv1a64(key.dump())));
  return cacheDirectory + "/priors/" + domain.name() + "-" + digest + ".plckpt";
}

nlohmann::json
priorRecord(const GptOptions& model,
            const PretrainOptions& options,
            const PretrainResult& result,
            const std::string& domainName,
            const nlohmann::json& domainOptions,
            const std::string& corpus)
{
  auto record = describe(model, options);
  record["domain"] = domainName;
  record["domain_options"] = domainOptions;
  record["corpus"] = corpus;
  record["best_validation_nll"] = result.bestValidationLoss;
  record["epochs_run"] = result.epochsRun;
  if (!std::isnan(result.validity))
    record["validity"] = result.validity;
  return record;
}

PriorSource
pretrainPrior(const Domain& domain,
              const std::vector<std::string>& corpus,
              const GptOptions& model,
              const PretrainOptions& options,
              const std::function<void(const PretrainProgress&)>& progress,
              std::stop_token stop,
              const Policy* initial)
{
  Policy policy =
    initial ? initial->clone()
            : Policy(model,
                     Tokenizer::fit(domain.tokenizer(), withSpellings(domain, corpus, options)),
                     options.seed);
  auto result = pretrainPolicy(policy, corpus, options, progress, stop, &domain);
  PriorSource source{ .policy = policy, .pretrained = true, .cancelled = result.cancelled };
  source.pretraining = std::move(result);
  return source;
}

namespace {

/// The prior cached at `path`, or one pretrained on `corpus` now and cached
/// there; `corpusName` is recorded in its config.
PriorSource
cachedOrPretrained(const std::string& path,
                   const TaskConfig& task,
                   const Domain& domain,
                   const std::function<std::vector<std::string>()>& corpus,
                   const std::string& corpusName,
                   const std::function<void(const PretrainProgress&)>& progress,
                   std::stop_token stop)
{
  if (std::filesystem::exists(path)) {
    try {
      auto checkpoint = loadPolicyCheckpoint(path);
      return PriorSource{ .policy = checkpoint.policy, .path = path };
    } catch (const CheckpointError& e) {
      std::fprintf(stderr, "paretolab: %s; pretraining it again\n", e.what());
    }
  }
  // Stopped or killed, pretraining goes on next time from its last finished epoch or validation.
  auto options = task.pretrain;
  options.resumeFile = path + ".partial";
  auto source = pretrainPrior(domain, corpus(), task.model, options, progress, stop);
  source.path = path;
  if (!source.cancelled) {
    const auto config = priorRecord(
      task.model, task.pretrain, source.pretraining, domain.name(), task.domainOptions, corpusName);
    savePolicyCheckpoint(path, source.policy, config, source.pretraining.optimizerState);
    std::error_code ignored;
    std::filesystem::remove(options.resumeFile, ignored);
  }
  return source;
}

} // namespace

PriorSource
obtainPrior(const TaskConfig& task,
            const Domain& domain,
            const std::string& cacheDirectory,
            const std::function<void(const PretrainProgress&)>& progress,
            std::stop_token stop)
{
  if (!task.priorPath.empty()) {
    auto checkpoint = loadPolicyCheckpoint(task.priorPath);
    return PriorSource{ .policy = checkpoint.policy, .path = task.priorPath };
  }
  return cachedOrPretrained(
    priorCachePath(task, domain, cacheDirectory),
    task,
    domain,
    [&domain] { return domain.corpus(); },
    "domain default",
    progress,
    stop);
}

std::vector<std::string>
readCorpusFile(const Domain& domain, const std::string& path, CorpusFileReport* report)
{
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  auto reading = domain.sampleFormat(path)->read(in, domain.sampleLimits());
  CorpusFileReport counts{ .records = reading.records.size(),
                           .unreadable = reading.problems.size() };
  std::vector<std::string> texts(reading.records.size());
  parallelFor(texts.size(), [&](size_t i) {
    if (domain.isValid(reading.records[i].text))
      texts[i] = domain.canonical(reading.records[i].text);
  });
  std::unordered_set<std::string> seen;
  std::vector<std::string> kept;
  for (auto& text : texts) {
    if (text.empty())
      ++counts.invalid;
    else if (!seen.insert(text).second)
      ++counts.duplicates;
    else
      kept.push_back(std::move(text));
  }
  if (kept.size() < 2)
    throw std::runtime_error(path + " has " + std::to_string(kept.size()) + " valid " +
                             domain.name() + " texts; pretraining needs at least two");
  if (report)
    *report = counts;
  return kept;
}

PriorSource
obtainPriorFromFile(const TaskConfig& task,
                    const Domain& domain,
                    const std::string& corpusFile,
                    const std::string& cacheDirectory,
                    const std::function<void(const PretrainProgress&)>& progress,
                    std::stop_token stop)
{
  auto key = describe(task.model, task.pretrain);
  key["domain"] = domain.name();
  key["domain_options"] = task.domainOptions;
  key["corpus_file"] = fnv1a64(readFile(corpusFile));
  char digest[17];
  std::snprintf(
    digest, sizeof digest, "%016llx", static_cast<unsigned long long>(fnv1a64(key.dump())));
  const auto path = cacheDirectory + "/priors/" + domain.name() + "-file-" + digest + ".plckpt";
  return cachedOrPretrained(
    path,
    task,
    domain,
    [&] { return readCorpusFile(domain, corpusFile); },
    corpusFile,
    progress,
    stop);
}

PriorCompanions
priorCompanions(const std::string& priorPath)
{
  namespace fs = std::filesystem;
  PriorCompanions companions;
  const auto stem = fs::path(priorPath).parent_path() / fs::path(priorPath).stem();
  std::ifstream metrics(stem.string() + ".metrics.json");
  if (metrics) {
    auto json = nlohmann::json::parse(metrics, nullptr, false);
    if (json.is_object())
      companions.metrics = std::move(json);
  }
  for (const char* extension : { ".smi", ".fa", ".jsonl", ".txt" }) {
    const auto heldOut = stem.string() + "-heldout" + extension;
    std::error_code error;
    if (fs::is_regular_file(heldOut, error)) {
      companions.heldOutPath = heldOut;
      break;
    }
  }
  return companions;
}

} // namespace paretolab::engine
