// SPDX-License-Identifier: GPL-3.0-or-later
#include "methodwording.h"

#include "weightsliders.h"

namespace paretolab::app {

namespace {

/// Gives the strings below their translation context.
class Wordings
{
  Q_DECLARE_TR_FUNCTIONS(MethodWording)

public:
  static MethodWording experts();
  static MethodWording of(engine::Method method);
};

/// IterativeRS and RS: experts re-merged with the slider's λ.
MethodWording
Wordings::experts()
{
  return {
    .sliderCaption = widgets::WeightSliders::mergeCaption(),
    .idle = tr("Drag a slider after the first merge to re-merge the experts."),
    .noDivergence = {},
    .roundsLabel = tr("&Experts of:"),
    .steered = tr("Re-merged and scored %1 samples in %2 s (average reward %3)."),
    .steeredPoint = tr("Samples of the re-merge %1"),
    .roundPolicy = tr("experts of round %1"),
    .roundDone = tr("Round %1 merged. Drag a slider to re-merge the experts with other weights."),
    .roundLoaded = tr("The experts of round %1 are ready: drag a slider or sweep."),
    .reach = tr("The experts of round %1 reach, over %2 re-merges: %3."),
    .narrowReach = tr("They are only m steps apart, so the sliders barely move the policy: "
                      "choose an earlier round, or train with a larger m."),
  };
}

MethodWording
Wordings::of(engine::Method method)
{
  auto wording = experts();
  switch (method) {
    case engine::Method::Morlhf:
      wording.idle = tr("MORLHF trains one policy for the task's weights: there are no experts "
                        "to re-merge. Train IterativeRS or RS to steer the trade-off.");
      wording.noDivergence = tr("MORLHF trains one policy: no experts drift apart.");
      wording.roundDone = tr("Round %1 evaluated.");
      break;
    case engine::Method::Clp:
      wording.sliderCaption =
        tr("Weights w of CLP's one policy; they always sum to 1. Dragging composes its "
           "parameters θ(w) = Σ wᵢ θᵢ: it was trained for every weighting.");
      wording.idle = tr("CLP trains one policy for every weighting: after the first evaluation, "
                        "a slider composes its parameters for the weights you set.");
      wording.noDivergence = tr("CLP trains one steerable policy: no experts drift apart.");
      wording.roundsLabel = tr("&Policy of:");
      wording.steered = tr("Composed θ(w) and scored %1 samples in %2 s (average reward %3).");
      wording.steeredPoint = tr("Samples of θ(w) for %1");
      wording.roundPolicy = tr("policy of round %1");
      wording.roundDone =
        tr("Round %1 evaluated. Drag a slider to compose the policy for other weights.");
      wording.roundLoaded = tr("The policy of round %1 is ready: drag a slider or sweep.");
      wording.reach = tr("The policy of round %1 reaches, over %2 weightings: %3.");
      wording.narrowReach = tr("The sliders barely move this policy yet: train it longer.");
      break;
    case engine::Method::Ric:
      wording.sliderCaption =
        tr("Weights w of RiC's one model; they always sum to 1. Dragging writes the rewards "
           "that w maps to into its prompt: the parameters stay as trained.");
      wording.idle = tr("RiC fine-tunes one model on reward tokens: after the first round, a "
                        "slider asks it for the rewards your weights map to.");
      wording.noDivergence = tr("RiC trains one model: no experts drift apart.");
      wording.roundsLabel = tr("&Model of:");
      wording.steered = tr("Prompted the model with the rewards w maps to and scored %1 samples "
                           "in %2 s (average reward %3).");
      wording.steeredPoint = tr("Samples prompted for %1");
      wording.roundPolicy = tr("model of round %1");
      wording.roundDone = tr("Round %1 fitted. Drag a slider to ask the model for other rewards.");
      wording.roundLoaded = tr("The model of round %1 is ready: drag a slider or sweep.");
      wording.reach = tr("The model of round %1 reaches, over %2 weightings: %3.");
      wording.narrowReach = tr("The sliders barely move this model yet: train it longer.");
      break;
    case engine::Method::IterativeRS:
      break;
  }
  return wording;
}

} // namespace

MethodWording
wordingOf(engine::Method method)
{
  return Wordings::of(method);
}

} // namespace paretolab::app
