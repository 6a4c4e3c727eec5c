// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/moleculeexport.h"

#include "core/atomicfile.h"
#include "domains/molecules/smiles.h"

#include <GraphMol/Depictor/RDDepictor.h>
#include <GraphMol/FileParsers/MolWriters.h>

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine {

std::size_t
writeMoleculeSdf(const std::string& path,
                 const std::vector<std::string>& samples,
                 const std::vector<std::string>& objectiveNames,
                 const std::vector<std::vector<double>>& rawScores)
{
  if (rawScores.size() != samples.size())
    throw std::invalid_argument("SDF export: one score row per sample is needed");
  std::ostringstream out;
  std::size_t written = 0;
  {
    RDKit::SDWriter writer(&out, /*takeOwnership=*/false);
    for (std::size_t i = 0; i < samples.size(); ++i) {
      auto mol = parseSmiles(samples[i]);
      if (!mol)
        continue;
      RDDepict::compute2DCoords(*mol);
      mol->setProp("_Name", samples[i]);
      mol->setProp("smiles", samples[i]);
      for (std::size_t j = 0; j < objectiveNames.size(); ++j) {
        const double value = rawScores[i][j];
        std::ostringstream text;
        text.precision(10);
        if (!std::isnan(value))
          text << value;
        mol->setProp(objectiveNames[j], text.str());
      }
      writer.write(*mol);
      ++written;
    }
    writer.close();
  }
  writeFileAtomically(path, out.str());
  return written;
}

} // namespace paretolab::engine
