// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/mixedprecision.h"

#include <ATen/autocast_mode.h>

namespace paretolab::engine {

MixedPrecisionScope::MixedPrecisionScope(bool enabled)
  : m_enabled(enabled)
{
  if (!m_enabled)
    return;
  m_wasEnabled = at::autocast::is_cpu_enabled();
  at::autocast::set_cpu_enabled(true);
  at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
  at::autocast::increment_nesting();
}

MixedPrecisionScope::~MixedPrecisionScope()
{
  if (!m_enabled)
    return;
  // The bf16 copies of the weights are cached for the scope; they are stale
  // once the optimizer steps.
  if (at::autocast::decrement_nesting() == 0)
    at::autocast::clear_cache();
  at::autocast::set_cpu_enabled(m_wasEnabled);
}

} // namespace paretolab::engine
