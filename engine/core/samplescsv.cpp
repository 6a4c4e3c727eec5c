// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/samplescsv.h"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine {

std::string
csvField(const std::string& text)
{
  if (text.find_first_of(",\"\r\n") == std::string::npos)
    return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string
samplesCsv(const std::string& firstColumn,
           const std::vector<std::string>& samples,
           const std::vector<std::string>& objectiveNames,
           const std::vector<std::vector<double>>& rawScores)
{
  if (rawScores.size() != samples.size())
    throw std::invalid_argument("CSV export: one score row per sample is needed");
  std::ostringstream out;
  out.precision(10);
  out << csvField(firstColumn);
  for (const auto& name : objectiveNames)
    out << ',' << csvField(name);
  out << '\n';
  for (size_t i = 0; i < samples.size(); ++i) {
    out << csvField(samples[i]);
    for (double value : rawScores[i]) {
      out << ',';
      if (!std::isnan(value))
        out << value;
    }
    out << '\n';
  }
  return out.str();
}

} // namespace paretolab::engine
