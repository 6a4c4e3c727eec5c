// SPDX-License-Identifier: GPL-3.0-or-later
// The task JSON loader: any text either becomes a task or a TaskError whose
// message names the origin. Domains are built from the task's options, as a
// run would build them.

#include "core/domainregistry.h"
#include "fuzzinput.h"
#include "train/taskconfig.h"

#include <cstdlib>
#include <stdexcept>
#include <string>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  using namespace paretolab::engine;
  try {
    const auto task = parseTaskText(std::string(paretolab::fuzz::asText(data, size)), "fuzz.json");
    makeDomain(task.domain, task.domainOptions);
  } catch (const TaskError& e) {
    if (std::string(e.what()).rfind("fuzz.json", 0) != 0)
      std::abort(); // a task error must name its file
  } catch (const std::invalid_argument&) {
    // a domain option the domain refused, with its own message
  }
  return 0;
}
