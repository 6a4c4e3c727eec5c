// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Engine report structs travel from worker threads to the GUI in queued
// signals; Qt must know them as metatypes.

#include "train/reports.h"

#include <QMetaType>
#include <QVector>

Q_DECLARE_METATYPE(paretolab::engine::StepReport)
Q_DECLARE_METATYPE(paretolab::engine::MergeReport)
Q_DECLARE_METATYPE(paretolab::engine::PolicyEvaluation)
Q_DECLARE_METATYPE(paretolab::engine::RunResult)
