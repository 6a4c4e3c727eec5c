// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/taskconfig.h"

#include "core/atomicfile.h"
#include "core/domainregistry.h"
#include "core/jsonlines.h"
#include "core/paths.h"
#include "train/tasksection.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

namespace paretolab::engine {

namespace {

void
readModel(TaskSection section, GptOptions& model)
{
  section.integer("embed_dim", model.embedDim, 1);
  section.integer("layers", model.layers, 1);
  section.integer("heads", model.heads, 1);
  section.integer("context_length", model.contextLength, 2);
  section.number("dropout", model.dropout, 0.0, 0.9);
  section.boolean("tied_head", model.tiedHead);
  section.rejectUnknownKeys();
  if (model.embedDim % model.heads != 0)
    section.fail("heads", "must divide embed_dim (" + std::to_string(model.embedDim) + ")");
}

void
readPretrain(TaskSection section, PretrainOptions& pretrain)
{
  section.integer("epochs", pretrain.epochs, 1);
  section.integer("batch_size", pretrain.batchSize, 1);
  section.number("learning_rate", pretrain.learningRate, 0.0, 10.0, true);
  section.number("validation_fraction", pretrain.validationFraction, 0.0, 0.9, true);
  section.integer("patience", pretrain.patience, 1);
  section.number("max_grad_norm", pretrain.maxGradNorm, 0.0, 1e6);
  section.seed("seed", pretrain.seed);
  section.integer("augmentations", pretrain.augmentations, 0);
  section.integer("validity_samples", pretrain.validitySamples, 0);
  section.integer("validation_interval", pretrain.validationInterval, 0);
  section.integer("bucket_batches", pretrain.bucketBatches, 0);
  section.number("decay_fraction", pretrain.decayFraction, 0.0, 1.0);
  section.choice<bool>(
    "precision", pretrain.bfloat16, { { "float32", false }, { "bfloat16", true } });
  section.rejectUnknownKeys();
}

void
readPpo(TaskSection section, PpoOptions& ppo)
{
  section.number("learning_rate", ppo.learningRate, 0.0, 10.0, true);
  section.number("clip", ppo.clip, 0.0, 1.0, true);
  section.number("kl_beta", ppo.klBeta, 0.0, 100.0);
  section.integer("epochs", ppo.epochs, 1);
  section.integer("minibatches", ppo.minibatches, 1);
  section.number("max_grad_norm", ppo.maxGradNorm, 0.0, 1e6);
  section.integer("batch_size", ppo.batchSize, 2);
  section.integer("samples_per_prompt", ppo.samplesPerPrompt, 2);
  section.choice<AdvantageEstimator>(
    "advantage",
    ppo.advantage,
    { { "rloo", AdvantageEstimator::Rloo }, { "gae", AdvantageEstimator::Gae } });
  section.number("gamma", ppo.gamma, 0.0, 1.0);
  section.number("gae_lambda", ppo.gaeLambda, 0.0, 1.0);
  section.number("value_coefficient", ppo.valueCoefficient, 0.0, 100.0);
  section.number("value_clip", ppo.valueClip, 0.0, 100.0);
  section.boolean("whiten_advantages", ppo.whitenAdvantages);
  section.choice<OptimizerKind>(
    "optimizer", ppo.optimizer, { { "adam", OptimizerKind::Adam }, { "sgd", OptimizerKind::Sgd } });
  section.number("temperature", ppo.sampling.temperature, 0.0, 100.0, true);
  double topP = 1.0;
  section.number("top_p", topP, 0.0, 1.0, true);
  if (topP != 1.0)
    section.fail("top_p",
                 "rollouts are drawn with top-p 1, so that the log-probabilities, the PPO "
                 "ratio and the KL belong to the distribution sampled; set "
                 "training.evaluation.top_p to truncate evaluations and previews");
  section.integer("max_new_tokens", ppo.sampling.maxNewTokens, 0);
  section.rejectUnknownKeys();
  if (ppo.minibatches > ppo.batchSize)
    section.fail("minibatches", "must not exceed batch_size");
  if (ppo.samplesPerPrompt > ppo.batchSize)
    section.fail("samples_per_prompt", "must not exceed batch_size");
}

void
readTraining(TaskSection section,
             TrainerOptions& training,
             size_t objectiveCount,
             const TaskSource& source)
{
  section.integer("total_steps", training.totalSteps, 1);
  const auto& period = section.child("merge_period");
  if (period.is_string() && period.get<std::string>() == "T")
    training.mergePeriod = 0;
  else if (!period.is_null())
    section.integer("merge_period", training.mergePeriod, 1);
  section.integer("subset_size", training.subsetSize, 0);
  if (training.subsetSize > int64_t(objectiveCount))
    section.fail("subset_size",
                 "must not exceed the number of objectives (" + std::to_string(objectiveCount) +
                   ")");
  section.choice<OptimizerAtMerge>("optimizer_at_merge",
                                   training.optimizerAtMerge,
                                   { { "reset", OptimizerAtMerge::Reset },
                                     { "keep", OptimizerAtMerge::Keep },
                                     { "merge", OptimizerAtMerge::Merge } });
  if (section.has("reset_optimizer_at_merge")) { // the older name of the same choice
    bool reset = true;
    section.boolean("reset_optimizer_at_merge", reset);
    training.optimizerAtMerge = reset ? OptimizerAtMerge::Reset : OptimizerAtMerge::Keep;
  }
  section.integer("evaluation_batch", training.evaluationBatch, 1);
  section.number("invalid_penalty", training.invalidPenalty, -1e6, 1e6);
  section.seed("seed", training.seed);
  section.integer("keep_checkpoints", training.keepCheckpoints, 1);
  const auto& pinned = section.child("pinned_rounds");
  if (!pinned.is_null()) {
    if (!pinned.is_array())
      section.fail("pinned_rounds", "must be an array of round numbers");
    for (const auto& round : pinned) {
      if (!round.is_number_integer() || round.get<int64_t>() < 1)
        section.fail("pinned_rounds", "round numbers start at 1, got " + describeValue(round));
      training.pinnedRounds.insert(round.get<int64_t>());
    }
  }

  TaskSection merge(section.child("merge"), section.path("merge"), source);
  merge.choice<MergeStrategy>("strategy",
                              training.merge.strategy,
                              { { "linear", MergeStrategy::Linear },
                                { "task-arithmetic", MergeStrategy::TaskArithmetic },
                                { "ties", MergeStrategy::Ties } });
  merge.number("scale", training.merge.scale, 0.0, 100.0, true);
  merge.number("density", training.merge.density, 0.0, 1.0, true);
  TaskSection selection(merge.child("selection"), merge.path("selection"), source);
  selection.integer("candidates", training.merge.selection.candidates, 0);
  selection.choice<SelectionCriterion>("criterion",
                                       training.merge.selection.criterion,
                                       { { "average", SelectionCriterion::AverageReward },
                                         { "pareto", SelectionCriterion::ParetoReward } });
  selection.integer("batch", training.merge.selection.batch, 2);
  selection.rejectUnknownKeys();
  merge.rejectUnknownKeys();

  readPpo(TaskSection(section.child("ppo"), section.path("ppo"), source), training.ppo);
  // Evaluations sample as the rollouts do unless the task says otherwise.
  training.evaluationSampling = training.ppo.sampling;
  TaskSection evaluation(section.child("evaluation"), section.path("evaluation"), source);
  evaluation.number("temperature", training.evaluationSampling.temperature, 0.0, 100.0, true);
  evaluation.number("top_p", training.evaluationSampling.topP, 0.0, 1.0, true);
  evaluation.integer("max_new_tokens", training.evaluationSampling.maxNewTokens, 0);
  evaluation.rejectUnknownKeys();

  TaskSection adaptive(section.child("adaptive"), section.path("adaptive"), source);
  adaptive.boolean("enabled", training.adaptive.enabled);
  adaptive.choice<DivergenceMeasure>(
    "measure",
    training.adaptive.measure,
    { { "parameters", DivergenceMeasure::Parameters }, { "kl", DivergenceMeasure::Kl } });
  adaptive.number("threshold", training.adaptive.threshold, 0.0, 1e6, true);
  adaptive.integer("probe_batch", training.adaptive.probeBatch, 1);
  adaptive.rejectUnknownKeys();

  TaskSection clp(section.child("clp"), section.path("clp"), source);
  clp.choice<ClpScope>("scope",
                       training.clp.scope,
                       { { "full", ClpScope::Full },
                         { "attention", ClpScope::Attention },
                         { "logits", ClpScope::Logits } });
  clp.number("alpha", training.clp.alpha, 0.0, 1e3, true);
  clp.rejectUnknownKeys();

  TaskSection ric(section.child("ric"), section.path("ric"), source);
  ric.integer("levels", training.ric.levels, 2);
  ric.integer("corpus_size", training.ric.corpusSize, 1);
  ric.integer("offline_steps", training.ric.offlineSteps, 0);
  ric.number("learning_rate", training.ric.learningRate, 0.0, 1.0, true);
  ric.integer("targets", training.ric.targets, 1);
  ric.integer("samples_per_target", training.ric.samplesPerTarget, 1);
  ric.number("online_share", training.ric.onlineShare, 0.0, 1.0, false);
  ric.rejectUnknownKeys();

  section.rejectUnknownKeys();
}

} // namespace

void
applyOverride(nlohmann::json& json, const std::string& assignment)
{
  const auto equals = assignment.find('=');
  if (equals == std::string::npos || equals == 0)
    throw TaskError("--set " + assignment + ": expected key=value, e.g. training.total_steps=20");
  const auto key = assignment.substr(0, equals);
  const auto text = assignment.substr(equals + 1);
  nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded())
    value = text;
  std::string pointer;
  for (size_t start = 0; start <= key.size();) {
    const auto end = std::min(key.find('.', start), key.size());
    if (end == start)
      throw TaskError("--set " + assignment + ": empty key segment in \"" + key + "\"");
    pointer += '/';
    pointer += key.substr(start, end - start);
    start = end + 1;
  }
  // Work on a copy so that a failed assignment leaves the task untouched.
  auto updated = json;
  try {
    updated[nlohmann::json::json_pointer(pointer)] = value;
  } catch (const nlohmann::json::exception& e) {
    throw TaskError("--set " + assignment + ": " + e.what());
  }
  json = std::move(updated);
}

/// A relative prior path names a file beside the task file, or else a shipped
/// resource (core/paths.h: "priors/chembl.plckpt").
std::string
resolvePriorPath(const std::string& path, const std::string& origin, const TaskSource& source)
{
  namespace fs = std::filesystem;
  if (path.empty() || fs::path(path).is_absolute())
    return path;
  std::error_code error;
  if (fs::is_regular_file(origin, error)) {
    const auto beside = fs::path(origin).parent_path() / path;
    if (fs::is_regular_file(beside, error))
      return beside.string();
  }
  if (auto shipped = findResource(path); !shipped.empty())
    return shipped;
  std::string searched;
  for (const auto& directory : resourceDirectories())
    searched += (searched.empty() ? "" : ", ") + directory;
  source.fail("prior", path + " is neither beside the task file nor in " + searched);
}

TaskConfig
parseTaskConfig(const nlohmann::json& json, const std::string& origin, const std::string& text)
{
  const TaskSource source{ origin,
                           text.empty() ? std::map<std::string, int>{} : jsonValueLines(text) };
  TaskSection root(json, "", source);
  TaskConfig task;
  task.source = json;
  task.name = std::filesystem::path(origin).stem().string();
  root.string("name", task.name);
  root.string("domain", task.domain);
  if (task.domain.empty())
    source.fail("domain", "is required (one of the available domains)");
  task.domainOptions = root.child("domain_options");
  if (task.domainOptions.is_null())
    task.domainOptions = nlohmann::json::object();
  const auto domains = availableDomains();
  if (std::find(domains.begin(), domains.end(), task.domain) == domains.end()) {
    std::string known;
    for (const auto& name : domains)
      known += (known.empty() ? "" : ", ") + name;
    source.fail("domain", "unknown domain \"" + task.domain + "\" (available: " + known + ")");
  }
  std::shared_ptr<Domain> domain;
  try {
    domain = makeDomain(task.domain, task.domainOptions);
  } catch (const std::invalid_argument& e) {
    source.fail("domain_options", e.what());
  }

  const auto& objectives = root.child("objectives");
  if (!objectives.is_array() || objectives.empty())
    source.fail("objectives", "must be a non-empty array of {\"name\", \"weight\", \"transform\"}");
  const auto available = domain->objectives();
  std::set<std::string> seen;
  double totalWeight = 0.0;
  for (size_t i = 0; i < objectives.size(); ++i) {
    TaskSection entry(objectives[i], "objectives." + std::to_string(i), source);
    ObjectiveConfig objective;
    entry.string("name", objective.name);
    auto info = std::find_if(
      available.begin(), available.end(), [&](const auto& o) { return o.name == objective.name; });
    if (info == available.end()) {
      std::string known;
      for (const auto& o : available)
        known += (known.empty() ? "" : ", ") + o.name;
      entry.fail("name",
                 "\"" + objective.name + "\" is not an objective of the " + task.domain +
                   " domain (" + known + ")");
    }
    if (!seen.insert(objective.name).second)
      entry.fail("name", "\"" + objective.name + "\" is listed twice");
    entry.number("weight", objective.weight, 0.0, 1e6);
    totalWeight += objective.weight;
    objective.transform = info->defaultTransform;
    const auto& transform = entry.child("transform");
    if (!transform.is_null()) {
      try {
        objective.transform = RewardTransform::fromJson(transform);
      } catch (const std::invalid_argument& e) {
        entry.fail("transform", e.what());
      }
    }
    entry.rejectUnknownKeys();
    task.objectives.push_back(std::move(objective));
  }
  if (totalWeight <= 0.0)
    source.fail("objectives", "the weights sum to zero");

  readModel(TaskSection(root.child("model"), "model", source), task.model);
  readPretrain(TaskSection(root.child("pretrain"), "pretrain", source), task.pretrain);
  readTraining(TaskSection(root.child("training"), "training", source),
               task.training,
               task.objectives.size(),
               source);
  std::string method = "iterativers";
  root.string("method", method);
  if (method == "morlhf") {
    task.training.method = Method::Morlhf;
  } else if (method == "clp") {
    task.training.method = Method::Clp;
  } else if (method == "ric") {
    task.training.method = Method::Ric;
  } else if (method == "rs") {
    task.training.mergePeriod = 0; // Rewarded Soups: IterativeRS merging once, at the end
  } else if (method != "iterativers") {
    source.fail("method",
                "unknown method \"" + method + "\" (one of: iterativers, morlhf, rs, clp, ric)");
  }
  const bool onePolicy = task.training.method != Method::IterativeRS;
  if (onePolicy && task.training.subsetSize != 0)
    source.fail("training.subset_size", method + " trains one policy on every objective at once");
  if (task.training.method == Method::Clp) {
    // theta(w) is linear in the objectives' parameters: nothing else is merged or adapted.
    if (task.training.ppo.advantage == AdvantageEstimator::Gae)
      source.fail("training.ppo.advantage",
                  "CLP trains with RLOO: a critic is not conditioned on w");
    if (task.training.merge.strategy != MergeStrategy::Linear)
      source.fail("training.merge.strategy", "CLP composes theta(w) linearly");
    if (task.training.merge.selection.candidates > 1)
      source.fail("training.merge.selection", "CLP does not merge: there are no weights to select");
    if (task.training.adaptive.enabled)
      source.fail("training.adaptive", "CLP does not merge: m only sets how often it is evaluated");
  }
  if (task.training.method == Method::Ric) {
    const auto& ric = task.training.ric;
    if (ric.offlineSteps > task.training.totalSteps)
      source.fail("training.ric.offline_steps", "exceeds training.total_steps");
    if (task.training.merge.selection.candidates > 1 || task.training.adaptive.enabled)
      source.fail("training", "RiC does not merge: m sets the length of its online rounds");
  }
  task.method = method;
  const auto& prior = root.child("prior");
  if (!prior.is_null()) {
    if (!prior.is_string())
      source.fail("prior", "must be the path of a prior checkpoint, or null");
    task.priorPath = resolvePriorPath(prior.get<std::string>(), origin, source);
  }
  root.rejectUnknownKeys();
  return task;
}

std::string
locateTaskFile(const std::string& path)
{
  std::error_code error;
  if (std::filesystem::exists(path, error) || path.find('/') != std::string::npos ||
      path.ends_with(".json"))
    return path;
  if (auto bundled = findResource("tasks/" + path + ".json"); !bundled.empty())
    return bundled;
  throw TaskError(path + ": no such task file, and no bundled task of that name");
}

TaskConfig
loadTaskConfig(const std::string& path, const std::vector<std::string>& overrides)
{
  const auto file = locateTaskFile(path);
  std::string text;
  try {
    text = readFile(file);
  } catch (const std::exception& e) {
    throw TaskError(e.what());
  }
  return parseTaskText(text, file, overrides);
}

TaskConfig
parseTaskText(const std::string& text,
              const std::string& origin,
              const std::vector<std::string>& overrides)
{
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const auto offset = std::min<size_t>(e.byte, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + offset, '\n');
    const auto lineStart = text.rfind('\n', offset > 0 ? offset - 1 : 0);
    const auto column = offset - (lineStart == std::string::npos ? 0 : lineStart + 1);
    std::string message = e.what();
    message = message.substr(message.find(':') + 2);
    throw TaskError(origin + ":" + std::to_string(line) + ":" + std::to_string(column) +
                    ": not valid JSON: " + message);
  }
  for (const auto& assignment : overrides)
    applyOverride(json, assignment);
  // Overrides change the text's shape; line numbers are only right without them.
  return parseTaskConfig(json, origin, overrides.empty() ? text : std::string{});
}

} // namespace paretolab::engine
