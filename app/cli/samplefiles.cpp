// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplefiles.h"

#include "core/atomicfile.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace paretolab::cli {

namespace {

constexpr std::size_t kProblemsShown = 20;

void
printProblems(const std::vector<engine::SampleProblem>& problems,
              const std::string& where,
              const char* unit,
              const char* what = "skipped")
{
  for (std::size_t i = 0; i < problems.size() && i < kProblemsShown; ++i) {
    const auto& problem = problems[i];
    std::fprintf(stderr,
                 "paretolab-cli: %s:%s %zu%s: %s: %s\n",
                 where.c_str(),
                 unit,
                 problem.line,
                 problem.id.empty() ? "" : (" (" + problem.id + ")").c_str(),
                 what,
                 problem.reason.c_str());
  }
  if (problems.size() > kProblemsShown)
    std::fprintf(stderr,
                 "paretolab-cli: %s: %zu more %s\n",
                 where.c_str(),
                 problems.size() - kProblemsShown,
                 what);
}

} // namespace

std::vector<std::string>
splitList(const std::string& text)
{
  std::vector<std::string> items;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');)
    if (!item.empty())
      items.push_back(item);
  return items;
}

std::string
countOf(std::size_t count, const std::string& noun)
{
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

engine::SampleReading
readSampleFile(const engine::Domain& domain, const std::string& path, const std::string& format)
{
  std::shared_ptr<const engine::SampleFormat> reader;
  try {
    reader = domain.sampleFormat(format.empty() ? path : format);
  } catch (const std::invalid_argument&) {
    if (!format.empty())
      throw;
    reader = domain.sampleFormat("txt"); // an unknown extension: one sample per line
  }
  if (!reader->canRead())
    throw std::runtime_error(reader->title() + " files cannot be read as input; use one of the " +
                             domain.name() + " domain's readable formats");
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  auto reading = reader->read(in, domain.sampleLimits());
  printProblems(reading.problems, path, " line");
  printProblems(reading.notes, path, " line", "note");
  return reading;
}

std::size_t
writeSampleFile(const engine::SampleFormat& format,
                const engine::SampleTable& table,
                const std::string& path)
{
  const auto written = format.write(table);
  engine::writeFileAtomically(path, written.bytes);
  printProblems(written.skipped, path, " sample");
  return written.written;
}

} // namespace paretolab::cli
