// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header (LibTorch).

#include "core/tokenizer.h"
#include "model/gpt.h"

namespace paretolab::engine {

struct PolicyState
{
  PolicyState(const GptOptions& options, Tokenizer tokenizer)
    : model(options)
    , tokenizer(std::move(tokenizer))
  {
  }

  Gpt model;
  Tokenizer tokenizer;
};

} // namespace paretolab::engine
