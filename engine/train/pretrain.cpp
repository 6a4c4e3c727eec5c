// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/pretrain.h"

#include "core/atomicfile.h"
#include "core/runtime.h"
#include "core/stopwatch.h"
#include "core/torcharchive.h"
#include "model/mixedprecision.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "model/sampling.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine {

namespace {

/// The token ids of `text` when it fits the context; nothing when it does
/// not, or has tokens outside the vocabulary.
std::optional<std::vector<int64_t>>
encodeFitting(const Policy& policy, const std::string& text)
{
  try {
    auto ids = policy.tokenizer().encode(text);
    // The model reads all but the last token, so context + 1 ids fit.
    if (int64_t(ids.size()) <= policy.options().contextLength + 1)
      return ids;
  } catch (const std::invalid_argument&) {
  }
  return std::nullopt;
}

/// The texts that can be encoded, with their ids.
struct EncodedTexts
{
  std::vector<std::string> texts;
  std::vector<std::vector<int64_t>> ids;
};

EncodedTexts
encodeAll(const Policy& policy, const std::vector<std::string>& texts, int64_t* skipped)
{
  EncodedTexts encoded;
  encoded.texts.reserve(texts.size());
  encoded.ids.reserve(texts.size());
  for (const auto& text : texts) {
    if (auto ids = encodeFitting(policy, text)) {
      encoded.texts.push_back(text);
      encoded.ids.push_back(std::move(*ids));
    } else if (skipped) {
      ++*skipped;
    }
  }
  return encoded;
}

/// A seed for the `item`-th spelling of `epoch`, so that a resumed run draws
/// the same spellings (splitmix64 of the three).
uint64_t
spellingSeed(uint64_t seed, int64_t epoch, size_t item)
{
  uint64_t z = seed ^ (uint64_t(epoch) * 0x9E3779B97F4A7C15ull) ^ (uint64_t(item) << 20);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/// The valid share of `count` samples of `policy` drawn with `seed`.
double
sampleValidity(const Policy& policy, const Domain& domain, int64_t count, uint64_t seed)
{
  const auto samples = policy.sample(count, SamplingOptions{}, seed);
  std::vector<char> valid(samples.size(), 0);
  parallelFor(samples.size(), [&](size_t i) { valid[i] = domain.isValid(samples[i]); });
  return samples.empty() ? std::numeric_limits<double>::quiet_NaN()
                         : double(std::count(valid.begin(), valid.end(), 1)) / samples.size();
}

// Sum of token NLLs and the token count of one batch.
std::pair<torch::Tensor, torch::Tensor>
batchNll(GptImpl& model, const std::vector<std::vector<int64_t>>& batch)
{
  auto sequences = encodeBatch(batch);
  auto stats = tokenStatistics(model, sequences.tokens, /*temperature=*/1.0);
  return { -(stats.logProbs * sequences.actionMask).sum(), sequences.actionMask.sum() };
}

double
evaluateNll(GptImpl& model, const std::vector<std::vector<int64_t>>& texts, int64_t batchSize)
{
  torch::NoGradGuard noGrad;
  double total = 0.0, tokens = 0.0;
  for (size_t begin = 0; begin < texts.size(); begin += batchSize) {
    std::vector<std::vector<int64_t>> batch(
      texts.begin() + begin, texts.begin() + std::min(texts.size(), size_t(begin + batchSize)));
    auto [nll, count] = batchNll(model, batch);
    total += nll.item<double>();
    tokens += count.item<double>();
  }
  return tokens > 0 ? total / tokens : std::numeric_limits<double>::quiet_NaN();
}

/// What pretraining needs to go on after a finished epoch, or from the middle
/// of the next one (after a validation within it).
struct PretrainState
{
  int64_t epoch = 0; ///< the last finished epoch
  double best = std::numeric_limits<double>::infinity();
  int64_t epochsWithoutImprovement = 0;
  std::vector<int64_t> order; ///< the training texts' order after epoch `epoch`'s shuffle
  std::string rng;            ///< the shuffling generator after epoch `epoch`
  int64_t batchesDone = 0;    ///< batches of epoch `epoch` + 1 already trained
  double epochNll = 0.0;      ///< their summed NLL, for the running mean
  double epochTokens = 0.0;
  ParameterSet parameters;
  ParameterSet bestParameters;
  std::string optimizer;
  torch::Tensor torchGenerator;
};

void
saveState(const std::string& path, const PretrainState& state)
{
  torch::serialize::OutputArchive archive;
  archive.write("epoch", torch::tensor(state.epoch));
  archive.write("best", torch::tensor(state.best, torch::kDouble));
  archive.write("stale", torch::tensor(state.epochsWithoutImprovement));
  archive.write("order", torch::tensor(state.order, torch::kLong));
  archive.write("rng", c10::IValue(state.rng));
  archive.write("batches_done", torch::tensor(state.batchesDone));
  archive.write("epoch_nll", torch::tensor(state.epochNll, torch::kDouble));
  archive.write("epoch_tokens", torch::tensor(state.epochTokens, torch::kDouble));
  writeParameterSet(archive, "parameters", state.parameters);
  writeParameterSet(archive, "best_parameters", state.bestParameters);
  archive.write("optimizer", c10::IValue(state.optimizer));
  archive.write("torch_generator", state.torchGenerator);
  std::ostringstream bytes;
  archive.save_to(bytes);
  writeFileAtomically(path, bytes.str());
}

/// A fresh tensor for each key: reading into a defined tensor (Tensor::set_)
/// keeps that tensor's type, and would read a double's bits as an integer.
torch::Tensor
readTensor(torch::serialize::InputArchive& archive, const std::string& key)
{
  torch::Tensor value;
  archive.read(key, value);
  return value;
}

/// The state in `path`, or nothing when there is none or it does not fit.
std::optional<PretrainState>
loadState(const std::string& path, size_t trainTexts)
{
  if (path.empty() || !std::filesystem::exists(path))
    return std::nullopt;
  try {
    checkTorchArchiveFile(path);
    torch::serialize::InputArchive archive;
    archive.load_from(path);
    PretrainState state;
    state.epoch = readTensor(archive, "epoch").item<int64_t>();
    state.best = readTensor(archive, "best").item<double>();
    state.epochsWithoutImprovement = readTensor(archive, "stale").item<int64_t>();
    const auto order = readTensor(archive, "order");
    state.order.assign(order.data_ptr<int64_t>(), order.data_ptr<int64_t>() + order.numel());
    c10::IValue text;
    archive.read("rng", text);
    state.rng = text.toStringRef();
    // Files written before mid-epoch saves hold a finished epoch only.
    if (torch::Tensor value; archive.try_read("batches_done", value))
      state.batchesDone = value.item<int64_t>();
    if (torch::Tensor value; archive.try_read("epoch_nll", value))
      state.epochNll = value.item<double>();
    if (torch::Tensor value; archive.try_read("epoch_tokens", value))
      state.epochTokens = value.item<double>();
    state.parameters = readParameterSet(archive, "parameters");
    state.bestParameters = readParameterSet(archive, "best_parameters");
    archive.read("optimizer", text);
    state.optimizer = text.toStringRef();
    archive.read("torch_generator", state.torchGenerator);
    if (state.order.size() != trainTexts)
      return std::nullopt;
    return state;
  } catch (const std::exception&) {
    return std::nullopt; // a damaged file costs the progress, never the run
  }
}

void
setLearningRate(torch::optim::Adam& optimizer, double rate)
{
  for (auto& group : optimizer.param_groups())
    static_cast<torch::optim::AdamOptions&>(group.options()).lr(rate);
}

} // namespace

/// The rate for batch `step` (0-based) of `total`: constant, then falling
/// linearly towards zero over the last options.decayFraction of the batches.
double
scheduledLearningRate(const PretrainOptions& options, int64_t step, int64_t total)
{
  const double decayBatches = options.decayFraction * double(total);
  const double left = double(total - step); // this batch and those after it
  if (decayBatches <= 0.0 || left >= decayBatches)
    return options.learningRate;
  return options.learningRate * left / decayBatches;
}

/// The epoch's items (indices into `order`'s values) cut into batches. With
/// `bucketBatches`, each pool of that many batches is sorted by the length of
/// its texts before it is cut, and the batches are shuffled with `rng`.
std::vector<std::vector<int64_t>>
epochBatches(const std::vector<int64_t>& order,
             const std::vector<std::vector<int64_t>>& encoded,
             int64_t batchSize,
             int64_t bucketBatches,
             std::mt19937_64& rng)
{
  const auto length = [&](int64_t item) { return encoded[size_t(item) % encoded.size()].size(); };
  std::vector<std::vector<int64_t>> batches;
  // A pool larger than the epoch is the epoch (and never overflows).
  const bool bucketing = bucketBatches > 0;
  const size_t pool = bucketing && size_t(bucketBatches) < order.size() / size_t(batchSize) + 1
                        ? size_t(bucketBatches * batchSize)
                        : order.size();
  for (size_t poolBegin = 0; poolBegin < order.size(); poolBegin += pool) {
    std::vector<int64_t> items(order.begin() + poolBegin,
                               order.begin() + std::min(order.size(), poolBegin + pool));
    if (bucketing)
      std::stable_sort(
        items.begin(), items.end(), [&](int64_t a, int64_t b) { return length(a) < length(b); });
    for (size_t begin = 0; begin < items.size(); begin += size_t(batchSize))
      batches.emplace_back(items.begin() + begin,
                           items.begin() + std::min(items.size(), begin + size_t(batchSize)));
  }
  if (bucketing)
    std::shuffle(batches.begin(), batches.end(), rng);
  return batches;
}

double
meanNegativeLogLikelihood(const Policy& policy, const std::vector<std::string>& texts)
{
  return evaluateNll(*policy.state().model, encodeAll(policy, texts, nullptr).ids, 64);
}

PretrainResult
pretrainPolicy(Policy& policy,
               const std::vector<std::string>& corpus,
               const PretrainOptions& options,
               const std::function<void(const PretrainProgress&)>& progress,
               std::stop_token stop,
               const Domain* domain)
{
  const auto started = std::chrono::steady_clock::now();
  PretrainResult result;
  auto usable = encodeAll(policy, corpus, &result.skippedTexts);
  if (usable.ids.size() < 2)
    throw std::invalid_argument("pretraining: fewer than two usable texts in the corpus");

  // Shuffling indices with the generator makes the permutation that shuffling
  // the texts themselves made before texts were kept for respelling.
  std::mt19937_64 rng(options.seed);
  std::vector<size_t> permutation(usable.ids.size());
  std::iota(permutation.begin(), permutation.end(), size_t(0));
  std::shuffle(permutation.begin(), permutation.end(), rng);
  std::vector<std::vector<int64_t>> encoded;
  std::vector<std::string> texts;
  for (auto i : permutation) {
    encoded.push_back(std::move(usable.ids[i]));
    texts.push_back(std::move(usable.texts[i]));
  }
  const auto validationCount = std::clamp<size_t>(
    size_t(std::llround(options.validationFraction * encoded.size())), 1, encoded.size() - 1);
  std::vector<std::vector<int64_t>> validation(encoded.end() - validationCount, encoded.end());
  encoded.resize(encoded.size() - validationCount);
  result.heldOut.assign(texts.begin() + encoded.size(), texts.end());
  texts.resize(encoded.size());
  result.trainTexts = int64_t(encoded.size());
  result.validationTexts = int64_t(validation.size());
  const bool respelling = domain && options.augmentations > 0;
  const bool measuresValidity = domain && !domain->isConditional() && options.validitySamples > 0;
  // Each epoch visits every training text `spellings` times, as items of one shuffled order.
  const size_t spellings = respelling ? size_t(options.augmentations) : 1;
  const size_t items = encoded.size() * spellings;

  torch::manual_seed(options.seed);
  auto& model = *policy.state().model;
  model.train();
  torch::optim::Adam optimizer(model.parameters(), torch::optim::AdamOptions(options.learningRate));

  const int64_t batches = (int64_t(items) + options.batchSize - 1) / options.batchSize;
  double best = std::numeric_limits<double>::infinity();
  ParameterSet bestParameters;
  int64_t epochsWithoutImprovement = 0;
  PretrainProgress report{ .epochs = options.epochs,
                           .batches = batches,
                           .validationLoss = std::numeric_limits<double>::quiet_NaN(),
                           .validity = std::numeric_limits<double>::quiet_NaN() };
  result.validity = std::numeric_limits<double>::quiet_NaN();
  // Shuffling indices with the same generator makes the same permutations as
  // shuffling the texts, and an order can be saved.
  std::vector<int64_t> order(items);
  std::iota(order.begin(), order.end(), 0);
  int64_t firstEpoch = 1;
  int64_t firstBatch = 0; // of firstEpoch
  double epochNll = 0.0, epochTokens = 0.0;
  if (auto saved = loadState(options.resumeFile, items)) {
    std::istringstream(saved->rng) >> rng;
    order = saved->order;
    loadParameters(model, saved->parameters);
    bestParameters = saved->bestParameters;
    checkTorchArchive(saved->optimizer);
    std::istringstream optimizerState(saved->optimizer);
    torch::load(optimizer, optimizerState);
    auto generator = at::detail::getDefaultCPUGenerator();
    generator.set_state(saved->torchGenerator);
    best = saved->best;
    epochsWithoutImprovement = saved->epochsWithoutImprovement;
    firstEpoch = saved->epoch + 1;
    result.epochsRun = saved->epoch;
    result.resumedAfterEpoch = saved->epoch;
    result.resumedAtBatch = saved->batchesDone;
    firstBatch = saved->batchesDone;
    epochNll = saved->epochNll;
    epochTokens = saved->epochTokens;
  }
  // The state to go on from: `order` and `rng` as they were before `epoch`'s shuffles.
  const auto saveProgress = [&](int64_t epoch,
                                const std::vector<int64_t>& epochOrder,
                                const std::mt19937_64& epochRng,
                                int64_t batchesDone) {
    std::ostringstream rngState, optimizerState;
    rngState << epochRng;
    torch::save(optimizer, optimizerState);
    saveState(options.resumeFile,
              { epoch - 1,
                best,
                epochsWithoutImprovement,
                epochOrder,
                rngState.str(),
                batchesDone,
                epochNll,
                epochTokens,
                snapshotParameters(model),
                bestParameters,
                optimizerState.str(),
                at::detail::getDefaultCPUGenerator().get_state() });
  };

  // The validation NLL, and the validity of samples drawn with `sampleSeed`, into the report.
  const auto validate = [&](uint64_t sampleSeed) {
    model.eval();
    report.validationLoss = evaluateNll(model, validation, options.batchSize);
    if (measuresValidity)
      report.validity =
        sampleValidity(policy, *domain, options.validitySamples, options.seed + sampleSeed);
    report.seconds = secondsSince(started);
    report.validated = true;
    model.train();
  };
  for (int64_t epoch = firstEpoch; epoch <= options.epochs; ++epoch) {
    // A save within this epoch keeps what it began from, and redoes its shuffles.
    const bool savesWithin = !options.resumeFile.empty() && options.validationInterval > 0;
    const auto epochOrder = savesWithin ? order : std::vector<int64_t>{};
    const auto epochRng = rng;
    std::shuffle(order.begin(), order.end(), rng);
    const auto epochItems =
      epochBatches(order, encoded, options.batchSize, options.bucketBatches, rng);
    const int64_t skipped = epoch == firstEpoch ? firstBatch : 0;
    if (skipped == 0)
      epochNll = epochTokens = 0.0;
    for (int64_t b = skipped; b < batches; ++b) {
      if (stop.stop_requested()) {
        result.cancelled = true;
        break;
      }
      const auto& items = epochItems[size_t(b)];
      std::vector<std::vector<int64_t>> batch(items.size());
      parallelFor(batch.size(), [&](size_t k) {
        const size_t item = size_t(items[k]);
        const size_t text = item % encoded.size();
        if (respelling) {
          // A spelling that does not fit the context or vocabulary falls back to the text itself.
          const auto spelling =
            domain->respell(texts[text], spellingSeed(options.seed, epoch, item));
          if (auto ids = encodeFitting(policy, spelling)) {
            batch[k] = std::move(*ids);
            return;
          }
        }
        batch[k] = encoded[text];
      });
      auto [nll, tokens] = [&] {
        MixedPrecisionScope precision(options.bfloat16);
        return batchNll(model, batch);
      }();
      setLearningRate(
        optimizer,
        scheduledLearningRate(options, (epoch - 1) * batches + b, options.epochs * batches));
      optimizer.zero_grad();
      (nll / tokens).backward();
      if (options.maxGradNorm > 0)
        torch::nn::utils::clip_grad_norm_(model.parameters(), options.maxGradNorm);
      optimizer.step();

      epochNll += nll.item<double>();
      epochTokens += tokens.item<double>();
      report.epoch = epoch;
      report.batch = b + 1;
      report.trainLoss = epochNll / epochTokens;
      report.seconds = secondsSince(started);
      report.validated = report.epochFinished = false;
      if (options.validationInterval > 0 && (b + 1) % options.validationInterval == 0 &&
          b + 1 < batches) {
        validate(uint64_t(epoch) * 1000003 + uint64_t(b));
        if (savesWithin)
          saveProgress(epoch, epochOrder, epochRng, b + 1);
      }
      if (progress)
        progress(report);
    }
    if (result.cancelled)
      break;

    validate(uint64_t(epoch));
    report.epochFinished = true;
    result.epochsRun = epoch;
    if (progress)
      progress(report);
    bool stopNow = false;
    if (report.validationLoss < best) {
      best = report.validationLoss;
      result.validity = report.validity;
      bestParameters = snapshotParameters(model);
      epochsWithoutImprovement = 0;
    } else if (++epochsWithoutImprovement >= options.patience) {
      result.stoppedEarly = true;
      stopNow = true;
    }
    if (!options.resumeFile.empty() && !stopNow && epoch < options.epochs) {
      epochNll = epochTokens = 0.0;
      saveProgress(epoch + 1, order, rng, 0);
    }
    if (stopNow)
      break;
  }

  if (!bestParameters.empty())
    loadParameters(model, bestParameters);
  model.eval();
  result.bestValidationLoss = best;
  std::ostringstream optimizerStream;
  torch::save(optimizer, optimizerStream);
  result.optimizerState = optimizerStream.str();
  return result;
}

} // namespace paretolab::engine
