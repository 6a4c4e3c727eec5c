// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "train/taskconfig.h"

#include <QString>

namespace paretolab::app {

/// How the run-setup panel presents a task's prior.
struct PriorDescription
{
  QString line;    ///< e.g. "chembl.plckpt: 96.1 % valid, 99.9 % unique@10k, 91.0 % novel"
  QString details; ///< the path and every measured metric, for a tooltip
};

/// A shipped or named prior by its file and the metrics measured beside it
/// (engine::priorCompanions); otherwise where it comes from: the cache, or
/// pretraining at the first Start.
PriorDescription
describePrior(const engine::TaskConfig& task, bool cached);

/// The file dialog filter for a corpus of `domain`: its readable sample formats, then any file.
QString
corpusFileFilter(const engine::Domain& domain);

} // namespace paretolab::app
