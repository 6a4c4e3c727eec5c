// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "model/policy.h"

#include <cstdint>
#include <functional>
#include <random>
#include <stop_token>
#include <string>
#include <vector>

namespace paretolab::engine {

struct PretrainOptions
{
  int64_t epochs = 20;
  int64_t batchSize = 64;
  double learningRate = 1e-3;
  double validationFraction = 0.1;
  int64_t patience = 3; ///< epochs without a better validation loss before stopping
  double maxGradNorm = 1.0;
  uint64_t seed = 1;
  /// Spellings of each training text per epoch, each drawn afresh by
  /// Domain::respell (randomized SMILES); 0: the texts as they are. The
  /// validation texts are never respelled, so their NLL stays comparable.
  int64_t augmentations = 0;
  /// Texts sampled after each epoch to report the share the domain finds
  /// valid; 0: none. Not part of what the prior is.
  int64_t validitySamples = 256;
  /// Batches between validations inside an epoch, for a curve of NLL and
  /// validity against time on a large corpus; 0: at each epoch's end only.
  /// The kept (best) weights are still chosen at epochs' ends.
  int64_t validationInterval = 0;
  /// Batches per pool sorted by length: each epoch's shuffled order is cut
  /// into pools of this many batches, each pool is sorted by text length and
  /// cut into batches, and the batches are shuffled. Batches of like lengths
  /// pad little (on ChEMBL, 2.5 % of the positions instead of 45 %); 0: none.
  int64_t bucketBatches = 0;
  /// The last share of all batches over which the learning rate falls
  /// linearly to zero; before it the rate is constant. Annealing at the end
  /// lowers the loss a constant rate leaves, and a constant-rate run can be
  /// continued (see pretrainPrior's `initial`); 0: constant throughout.
  double decayFraction = 0.0;
  /// Forward passes in bfloat16 autocast (MixedPrecisionScope): on CPUs with
  /// AVX-512 BF16 a batch of the d256 x 4 ChEMBL prior takes about half the
  /// time; the validations, and so the curve, stay in float32.
  bool bfloat16 = false;
  /// Where the state after each epoch, and after each validation within one,
  /// is kept, so that pretraining stopped or killed goes on from there (and
  /// loses at most validationInterval batches); empty: nowhere. Not part of
  /// what the prior is (nor of its cache key).
  std::string resumeFile;
};

struct PretrainProgress
{
  int64_t epoch = 0; ///< 1-based
  int64_t epochs = 0;
  int64_t batch = 0; ///< 1-based within the epoch
  int64_t batches = 0;
  double trainLoss = 0.0;      ///< running mean NLL per token in this epoch
  double validationLoss = 0.0; ///< of the last finished epoch; NaN before the first
  double validity = 0.0;       ///< valid share of samples after the last epoch; NaN if not measured
  double seconds = 0.0;        ///< since pretraining started (this process)
  bool validated = false;     ///< this report follows a validation: at an epoch's end, or mid-epoch
  bool epochFinished = false; ///< this report follows the epoch's closing validation
};

struct PretrainResult
{
  int64_t epochsRun = 0;
  int64_t trainTexts = 0;
  int64_t validationTexts = 0;
  int64_t skippedTexts = 0; ///< longer than the context, or with tokens outside the vocabulary
  double bestValidationLoss = 0.0;
  bool stoppedEarly = false;
  bool cancelled = false;
  double validity = 0.0;         ///< valid share of samples of the final prior; NaN if not measured
  int64_t resumedAfterEpoch = 0; ///< the epoch the resume file held; 0: started afresh
  int64_t resumedAtBatch = 0;    ///< batches of the next epoch it held; 0: from its start
  std::string optimizerState;    ///< serialised Adam state, for the checkpoint
  std::vector<std::string> heldOut; ///< the validation texts, never trained on (a test split)
};

/// Maximum-likelihood training of `policy` on `corpus` with Adam. `domain`,
/// when given, respells texts for options.augmentations and judges the
/// validity of samples after each epoch (unconditional domains only). A seeded
/// share of the texts is held out; training stops early when the validation
/// loss has not improved for `patience` epochs, and the best weights are kept.
/// `progress` is called after every batch, on the calling thread. Checks
/// `stop` between batches. With options.resumeFile, continues from the point
/// saved there (a file that does not fit is ignored) and saves each finished
/// epoch and each validation within one; the result equals an uninterrupted
/// run's. Throws
/// std::invalid_argument when nothing can be encoded.
PretrainResult
pretrainPolicy(Policy& policy,
               const std::vector<std::string>& corpus,
               const PretrainOptions& options,
               const std::function<void(const PretrainProgress&)>& progress = {},
               std::stop_token stop = {},
               const Domain* domain = nullptr);

/// The learning rate for batch `step` (0-based) of `total`: constant, then
/// falling linearly towards zero over the last options.decayFraction of them.
double
scheduledLearningRate(const PretrainOptions& options, int64_t step, int64_t total);

/// One epoch's batches of the items in `order` (item i is the text
/// i % encoded.size()). Without bucketing, `order` cut in turn. With
/// `bucketBatches`, each pool of that many batches is sorted by the length
/// of its texts before it is cut, and the batches are shuffled with `rng`.
std::vector<std::vector<int64_t>>
epochBatches(const std::vector<int64_t>& order,
             const std::vector<std::vector<int64_t>>& encoded,
             int64_t batchSize,
             int64_t bucketBatches,
             std::mt19937_64& rng);

/// Mean NLL per token of `texts` under `policy` (texts that cannot be encoded are skipped).
double
meanNegativeLogLikelihood(const Policy& policy, const std::vector<std::string>& texts);

} // namespace paretolab::engine
