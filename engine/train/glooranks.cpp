// SPDX-License-Identifier: GPL-3.0-or-later
// RankGroup over LibTorch's own c10d: a TCPStore for the rendezvous and
// ProcessGroupGloo for the collectives, as torch.distributed does.
#include "train/rankgroup.h"

#include "core/errormessage.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/torch.h>

#include <arpa/inet.h>
#include <cstring>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

namespace paretolab::engine {

namespace {

/// The local address whose route reaches `host`: what a Gloo device must bind
/// for the other ranks to reach it. A UDP "connect" sends nothing.
std::string
localAddressTowards(const std::string& host, uint16_t port)
{
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_DGRAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port ? port : 9).c_str(), &hints, &found) != 0 ||
      !found)
    throw DistributedError("cannot resolve the master host " + host);
  const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in local{};
  socklen_t length = sizeof local;
  const bool ok = fd >= 0 && ::connect(fd, found->ai_addr, found->ai_addrlen) == 0 &&
                  ::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) == 0;
  ::freeaddrinfo(found);
  if (fd >= 0)
    ::close(fd);
  if (!ok)
    throw DistributedError("no route from this machine to the master host " + host);
  char text[INET_ADDRSTRLEN] = {};
  ::inet_ntop(AF_INET, &local.sin_addr, text, sizeof text);
  return text;
}

class GlooRankGroup : public RankGroup
{
public:
  GlooRankGroup(c10::intrusive_ptr<c10d::Store> store,
                c10::intrusive_ptr<c10d::ProcessGroupGloo> group,
                int rank,
                int size)
    : m_store(std::move(store))
    , m_group(std::move(group))
    , m_rank(rank)
    , m_size(size)
  {
  }

  int rank() const override { return m_rank; }
  int size() const override { return m_size; }
  uint64_t bytesMoved() const override { return m_bytes; }

  void leave() override
  {
    m_group.reset();
    m_store.reset();
  }

  std::string broadcast(std::string bytes, int root) override
  {
    if (!m_group)
      throw DistributedError("rank " + std::to_string(m_rank) + " has left the run");
    try {
      // The length first, so that every rank can size its buffer.
      auto length = torch::tensor({ int64_t(bytes.size()) }, torch::kLong);
      run({ length }, root);
      const auto count = length.item<int64_t>();
      auto buffer = torch::empty({ count }, torch::kByte);
      if (m_rank == root && count > 0)
        std::memcpy(buffer.data_ptr(), bytes.data(), size_t(count));
      if (count > 0)
        run({ buffer }, root);
      m_bytes += uint64_t(count);
      if (m_rank == root)
        return bytes;
      return std::string(static_cast<const char*>(buffer.data_ptr()), size_t(count));
    } catch (const DistributedError&) {
      throw;
    } catch (const std::exception& error) {
      const auto what = m_rank == root ? "while sending to them"
                                       : "while receiving from rank " + std::to_string(root);
      throw DistributedError("rank " + std::to_string(m_rank) +
                             " lost contact with the other ranks " + what + ": " +
                             firstLineOf(error));
    }
  }

private:
  void run(std::vector<at::Tensor> tensors, int root)
  {
    c10d::BroadcastOptions options;
    options.rootRank = root;
    m_group->broadcast(tensors, options)->wait();
  }

  c10::intrusive_ptr<c10d::Store> m_store; // the group's rendezvous outlives it
  c10::intrusive_ptr<c10d::ProcessGroupGloo> m_group;
  int m_rank;
  int m_size;
  uint64_t m_bytes = 0;
};

} // namespace

std::shared_ptr<RankGroup>
joinRanks(const RankAddress& address, const std::function<void(uint16_t port)>& onListening)
{
  if (address.size < 1 || address.rank < 0 || address.rank >= address.size)
    throw std::invalid_argument("rank " + std::to_string(address.rank) + " is not one of 0.." +
                                std::to_string(address.size - 1));
  try {
    c10d::TCPStoreOptions storeOptions;
    storeOptions.port = address.port;
    storeOptions.isServer = address.rank == 0;
    storeOptions.numWorkers = size_t(address.size);
    storeOptions.waitWorkers = false; // rank 0 must first tell the others its port
    storeOptions.timeout = address.timeout;
    auto store = c10::make_intrusive<c10d::TCPStore>(address.host, storeOptions);
    if (address.rank == 0 && onListening)
      onListening(store->getPort());
    auto options = c10d::ProcessGroupGloo::Options::create(address.timeout);
    const auto bind =
      address.bind.empty() ? localAddressTowards(address.host, store->getPort()) : address.bind;
    options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname(bind));
    options->threads = 1;
    auto group =
      c10::make_intrusive<c10d::ProcessGroupGloo>(store, address.rank, address.size, options);
    return std::make_shared<GlooRankGroup>(store, group, address.rank, address.size);
  } catch (const DistributedError&) {
    throw;
  } catch (const std::exception& error) {
    throw DistributedError("rank " + std::to_string(address.rank) + " of " +
                           std::to_string(address.size) + " could not join the run at " +
                           address.host + ":" + std::to_string(address.port) + ": " +
                           firstLineOf(error));
  }
}

} // namespace paretolab::engine
