// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace paretolab::engine {

/// The rounds a trainer keeps in memory for the sliders: round 0 (the prior),
/// the latest, the pinned ones, and any read back from a checkpoint. Older
/// rounds are dropped as new ones arrive, so memory stays bounded however
/// long a run is. `State` is what one round needs to give a policy for any
/// weights (a round's experts; RiC's model and level range).
///
/// Thread-safe: the trainer keeps rounds on its thread while the GUI reads
/// them on another.
template<typename State>
class RetainedRounds
{
public:
  /// Rounds that stay in memory once kept (TrainerOptions::pinnedRounds).
  void pin(std::set<int64_t> rounds)
  {
    std::lock_guard lock(m_mutex);
    m_pinned = std::move(rounds);
  }

  /// Keeps `state` as the latest round, and drops the rounds no longer needed.
  void keep(int64_t round, State state)
  {
    std::lock_guard lock(m_mutex);
    m_states[round] = std::move(state);
    m_latest = round;
    for (auto it = m_states.begin(); it != m_states.end();) {
      const bool needed = it->first == round || it->first == 0 || m_pinned.count(it->first) > 0 ||
                          m_loaded.count(it->first) > 0;
      it = needed ? std::next(it) : m_states.erase(it);
    }
  }

  /// Keeps a round read back from a checkpoint for as long as the trainer lives.
  void load(int64_t round, State state)
  {
    std::lock_guard lock(m_mutex);
    m_loaded.insert(round);
    m_states[round] = std::move(state);
  }

  /// Calls `use` with the state of `round` (-1: the latest), under the lock,
  /// and returns what it returns. Throws std::out_of_range when the round is
  /// not in memory.
  template<typename Use>
  auto with(int64_t round, Use&& use) const
  {
    std::lock_guard lock(m_mutex);
    return use(find(round));
  }
  template<typename Use>
  auto with(int64_t round, Use&& use)
  {
    std::lock_guard lock(m_mutex);
    return use(const_cast<State&>(find(round)));
  }

  int64_t latest() const
  {
    std::lock_guard lock(m_mutex);
    return m_latest;
  }

  /// The rounds in memory, oldest first.
  std::vector<int64_t> rounds() const
  {
    std::lock_guard lock(m_mutex);
    std::vector<int64_t> list;
    for (const auto& entry : m_states)
      list.push_back(entry.first);
    return list;
  }

private:
  const State& find(int64_t round) const
  {
    auto found = m_states.find(round < 0 ? m_latest : round);
    if (found == m_states.end())
      throw std::out_of_range("round " + std::to_string(round) + " is not in memory");
    return found->second;
  }

  mutable std::mutex m_mutex;
  std::map<int64_t, State> m_states;
  std::set<int64_t> m_pinned;
  std::set<int64_t> m_loaded;
  int64_t m_latest = 0;
};

} // namespace paretolab::engine
