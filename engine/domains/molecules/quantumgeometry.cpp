// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/quantumgeometry.h"

#include <GraphMol/DistGeomHelpers/Embedder.h>
#include <GraphMol/ForceFieldHelpers/MMFF/MMFF.h>
#include <GraphMol/GraphMol.h>
#include <GraphMol/MolOps.h>
#include <GraphMol/PeriodicTable.h>
#include <GraphMol/SmilesParse/SmilesParse.h>

#include <cstdio>

namespace paretolab::engine::quantum {

namespace {

// Fixed so that a SMILES always gets the same geometry, and hence the same numbers.
constexpr int kEmbedSeed = 0xf00d;
constexpr int kMmffMaxIterations = 2000;
// GFN2-xTB is parametrised for H to Rn.
constexpr int kLastXtbElement = 86;

} // namespace

std::string
trimmed(std::string text)
{
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos)
    return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::unique_ptr<RDKit::RWMol>
parseSmiles(const std::string& smiles, std::string& failure)
{
  std::unique_ptr<RDKit::RWMol> mol;
  try {
    mol.reset(RDKit::SmilesToMol(smiles));
  } catch (const std::exception& error) {
    failure = std::string("invalid SMILES: ") + error.what();
    return nullptr;
  }
  if (!mol) {
    failure = "invalid SMILES: cannot parse '" + smiles + "'";
    return nullptr;
  }
  if (mol->getNumAtoms() == 0) {
    failure = "invalid SMILES: no atoms";
    return nullptr;
  }
  return mol;
}

// Embeds and optimises `mol` (hydrogens are added here) and reads off what xTB needs.
StepFailure
buildGeometry(RDKit::RWMol& mol, Geometry& geometry, const Deadline& deadline)
{
  for (const auto* atom : mol.atoms()) {
    const int z = atom->getAtomicNum();
    if (z < 1 || z > kLastXtbElement)
      return { "unsupported element: GFN2-xTB covers H to Rn, not '" + atom->getSymbol() + "'" };
    if (z > 1)
      ++geometry.heavyAtoms;
  }
  if (geometry.heavyAtoms == 0)
    return { "no heavy atoms: the energy per heavy atom is undefined" };
  // ETKDG embeds each fragment about the origin, so the fragments of a salt or a
  // mixture would overlap; and a QM9-style property belongs to one molecule.
  std::vector<int> fragmentOfAtom;
  if (const auto fragments = RDKit::MolOps::getMolFrags(mol, fragmentOfAtom); fragments > 1)
    return { "disconnected SMILES (" + std::to_string(fragments) +
             " fragments): the quantum objectives need a single molecule" };

  RDKit::MolOps::addHs(mol);
  auto params = RDKit::DGeomHelpers::ETKDGv3;
  params.randomSeed = kEmbedSeed;
  int conformer = -1;
  try {
    conformer = RDKit::DGeomHelpers::EmbedMolecule(mol, params);
    if (conformer < 0 && !deadline.passed()) {
      // RDKit's advice for molecules whose distance-geometry eigenvalue start fails.
      params.useRandomCoords = true;
      conformer = RDKit::DGeomHelpers::EmbedMolecule(mol, params);
    }
  } catch (const std::exception& error) {
    // Seen in NCI: "bad lower bound" from the bounds matrix of a strained cage.
    return { std::string("3D embedding failed: ") + error.what() };
  }
  if (deadline.passed())
    return { deadline.describe("during 3D embedding"), false };
  if (conformer < 0)
    return { "3D embedding failed (ETKDGv3, also with random starting coordinates)" };

  int status = -1;
  try {
    status =
      RDKit::MMFF::MMFFOptimizeMolecule(mol, kMmffMaxIterations, "MMFF94", 10.0, conformer).first;
  } catch (const std::exception& error) {
    return { std::string("MMFF94 optimisation failed: ") + error.what() };
  }
  if (status < 0)
    return { "MMFF94 has no parameters for this molecule" };
  if (status > 0)
    return { "MMFF94 optimisation did not converge in " + std::to_string(kMmffMaxIterations) +
             " iterations" };
  if (deadline.passed())
    return { deadline.describe("during MMFF94 optimisation"), false };

  const auto& positions = mol.getConformer(conformer).getPositions();
  for (const auto* atom : mol.atoms()) {
    geometry.numbers.push_back(atom->getAtomicNum());
    const auto& point = positions[atom->getIdx()];
    geometry.positions.insert(geometry.positions.end(), { point.x, point.y, point.z });
    geometry.unpaired += int(atom->getNumRadicalElectrons());
  }
  geometry.charge = RDKit::MolOps::getFormalCharge(mol);
  return {};
}

std::string
xyzText(const Geometry& geometry)
{
  const auto* table = RDKit::PeriodicTable::getTable();
  std::string text = std::to_string(geometry.numbers.size()) +
                     "\ncharge=" + std::to_string(geometry.charge) +
                     " uhf=" + std::to_string(geometry.unpaired) + "\n";
  char line[128];
  for (size_t i = 0; i < geometry.numbers.size(); ++i) {
    std::snprintf(line,
                  sizeof line,
                  "%-2s %18.10f %18.10f %18.10f\n",
                  table->getElementSymbol(geometry.numbers[i]).c_str(),
                  geometry.positions[3 * i],
                  geometry.positions[3 * i + 1],
                  geometry.positions[3 * i + 2]);
    text += line;
  }
  return text;
}

} // namespace paretolab::engine::quantum
