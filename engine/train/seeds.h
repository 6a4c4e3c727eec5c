// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace paretolab::engine {

/// A seed for one purpose of a run: splitmix64's finaliser of `seed` and
/// `salt`, so that nearby seeds and salts give unrelated streams.
inline uint64_t
mixSeed(uint64_t seed, uint64_t salt)
{
  uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (salt + 1);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

} // namespace paretolab::engine
