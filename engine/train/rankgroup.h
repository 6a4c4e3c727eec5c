// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The processes of one distributed run (issue 17): experts as ranks, joined
// over torch.distributed's c10d with the Gloo backend. Torch-free, so that the
// CLI's headers can hold one.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace paretolab::engine {

/// A rank was lost, a connection broke, or a collective outlived its timeout.
class DistributedError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

/// This process's place among the ranks of a run, and the one collective the
/// trainers need: every rank passes bytes, and all receive the root's. The
/// experts' parameters, the step reports, and the subset and lambda of each
/// merge all travel this way.
class RankGroup
{
public:
  virtual ~RankGroup() = default;
  virtual int rank() const = 0;
  virtual int size() const = 0;
  /// All ranks call it with the same `root`; each gets root's `bytes`.
  /// Throws DistributedError when a rank is lost or the timeout passes.
  virtual std::string broadcast(std::string bytes, int root) = 0;
  /// The payload bytes this rank has sent as a root or received, so far.
  virtual uint64_t bytesMoved() const = 0;
  /// Leaves the run: closes this rank's connections, so that ranks waiting
  /// on it stop at once rather than at the timeout. broadcast() then throws.
  virtual void leave() = 0;

  /// The rank that trains objective `expert`'s expert: round-robin.
  int ownerOf(size_t expert) const { return int(expert % size_t(size())); }
  bool owns(size_t expert) const { return ownerOf(expert) == rank(); }
  bool isRoot() const { return rank() == 0; }
};

/// Where the ranks of a run meet: rank 0 listens on `host`:`port` (0: a free
/// port) with a TCPStore, and the others connect to it.
struct RankAddress
{
  std::string host = "127.0.0.1";
  uint16_t port = 0;
  int rank = 0;
  int size = 1;
  /// The address this rank's Gloo device binds; empty: the local address
  /// that routes to `host`.
  std::string bind;
  /// How long a collective or the rendezvous may wait for a rank.
  std::chrono::milliseconds timeout = std::chrono::minutes(5);
};

/// Joins the ranks of `address`. Rank 0 calls `onListening` with its store's
/// port once it listens (where `train --ranks` starts the other ranks).
/// Throws DistributedError when the others do not come within the timeout.
std::shared_ptr<RankGroup>
joinRanks(const RankAddress& address, const std::function<void(uint16_t port)>& onListening = {});

} // namespace paretolab::engine
