// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "train/trainoptions.h"

#include <QCoreApplication>
#include <QString>

namespace paretolab::app {

/// What the run's views call things, by method: IterativeRS and RS re-merge
/// experts, CLP composes one policy's parameters, RiC prompts one model with
/// reward tokens, and MORLHF cannot be steered. Translated when made.
struct MethodWording
{
  QString sliderCaption; ///< above the weight sliders
  QString idle;          ///< the panel's note before the first round
  QString noDivergence;  ///< the divergence view's note; empty when experts drift apart
  QString roundsLabel;   ///< before the round chooser, with its mnemonic
  QString steered;       ///< %1 samples, %2 seconds, %3 average reward
  QString steeredPoint;  ///< the caption of a steered point's samples; %1 its weights
  QString roundPolicy;   ///< what a steered point was made from; %1 the round
  QString roundDone;     ///< %1 the round
  QString roundLoaded;   ///< %1 the round
  QString reach;         ///< %1 the round, %2 how many points, %3 the ranges
  QString narrowReach;   ///< added to reach when the sliders barely move the policy
};

/// The wording for `method`.
MethodWording
wordingOf(engine::Method method);

} // namespace paretolab::app
