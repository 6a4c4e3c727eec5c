// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/priorcache.h"

#include "core/atomicfile.h"
#include "core/runtime.h"
#include "model/checkpoint.h"

#include <cstdio>
#include <filesystem>

namespace paretolab::engine {

namespace {

nlohmann::json
describe(const GptOptions& model, const PretrainOptions& options)
{
  return { { "model",
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

PriorSource
pretrainPrior(const Domain& domain,
              const std::vector<std::string>& corpus,
              const GptOptions& model,
              const PretrainOptions& options,
              const std::function<void(const PretrainProgress&)>& progress,
              std::stop_token stop)
{
  auto tokenizer = Tokenizer::fit(domain.tokenizer(), withSpellings(domain, corpus, options));
  Policy policy(model, std::move(tokenizer), options.seed);
  auto result = pretrainPolicy(policy, corpus, options, progress, stop, &domain);
  PriorSource source{ .policy = policy, .pretrained = true, .cancelled = result.cancelled };
  source.pretraining = std::move(result);
  return source;
}

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
  const auto path = priorCachePath(task, domain, cacheDirectory);
  if (std::filesystem::exists(path)) {
    try {
      auto checkpoint = loadPolicyCheckpoint(path);
      return PriorSource{ .policy = checkpoint.policy, .path = path };
    } catch (const CheckpointError& e) {
      std::fprintf(stderr, "paretolab: %s; pretraining it again\n", e.what());
    }
  }
  // Stopped or killed, pretraining goes on next time from its last finished epoch.
  auto options = task.pretrain;
  options.resumeFile = path + ".partial";
  auto source = pretrainPrior(domain, domain.corpus(), task.model, options, progress, stop);
  source.path = path;
  if (!source.cancelled) {
    auto config = describe(task.model, task.pretrain);
    config["domain"] = domain.name();
    config["domain_options"] = task.domainOptions;
    config["best_validation_nll"] = source.pretraining.bestValidationLoss;
    config["epochs_run"] = source.pretraining.epochsRun;
    savePolicyCheckpoint(path, source.policy, config, source.pretraining.optimizerState);
    std::error_code ignored;
    std::filesystem::remove(options.resumeFile, ignored);
  }
  return source;
}

} // namespace paretolab::engine
