// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// tests/data/molecules/reference.csv: RDKit's own Python values for 250 NCI
// molecules, written by scripts/make-molecule-reference.py.

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace paretolab::engine::testing {

struct MoleculeReference
{
  std::string smiles;
  double qed, sa, logp, tpsa, mw;
};

inline std::vector<MoleculeReference>
moleculeReferences()
{
  std::ifstream in(PARETOLAB_SOURCE_DIR "/tests/data/molecules/reference.csv");
  std::vector<MoleculeReference> rows;
  std::string line;
  std::getline(in, line); // smiles,qed,sa,logp,tpsa,mw
  while (std::getline(in, line)) {
    std::stringstream fields(line);
    std::string smiles, qed, sa, logp, tpsa, mw;
    std::getline(fields, smiles, ',');
    std::getline(fields, qed, ',');
    std::getline(fields, sa, ',');
    std::getline(fields, logp, ',');
    std::getline(fields, tpsa, ',');
    std::getline(fields, mw, ',');
    rows.push_back(
      { smiles, std::stod(qed), std::stod(sa), std::stod(logp), std::stod(tpsa), std::stod(mw) });
  }
  return rows;
}

} // namespace paretolab::engine::testing
