// SPDX-License-Identifier: GPL-3.0-or-later
// A domain's sample reader, as `score` and a pretraining corpus use it: the
// format named by PARETOLAB_FUZZ_FORMAT ("smi", "fasta", "jsonl") reads the
// input, and the domain judges every record it kept. Bad records must become
// problems with a line number, never a crash, a hang or an exception.

#include "core/domain.h"
#include "core/domainregistry.h"
#include "core/sampleformat.h"
#include "fuzzinput.h"

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>

namespace {

using namespace paretolab::engine;

struct Reader
{
  std::shared_ptr<Domain> domain;
  std::shared_ptr<const SampleFormat> format;
};

/// The first domain with a readable format of this name.
Reader
findReader()
{
  for (const auto& name : availableDomains()) {
    auto domain = makeDomain(name);
    for (const auto& format : domain->sampleFormats()) {
      if (format->name() == PARETOLAB_FUZZ_FORMAT && format->canRead())
        return { domain, format };
    }
  }
  std::fprintf(stderr, "fuzz: no domain reads the format %s\n", PARETOLAB_FUZZ_FORMAT);
  std::abort();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  static const Reader reader = findReader();
  std::istringstream in{ std::string(paretolab::fuzz::asText(data, size)) };
  const auto reading = reader.format->read(in, reader.domain->sampleLimits());
  for (const auto& record : reading.records) {
    if (!reader.domain->isValid(record.text) && reader.domain->invalidReason(record.text).empty())
      std::abort(); // an invalid sample must say why
  }
  return 0;
}
