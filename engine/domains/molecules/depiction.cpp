// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/depiction.h"

#include "domains/molecules/smiles.h"

#include <GraphMol/Depictor/RDDepictor.h>
#include <GraphMol/MolDraw2D/MolDraw2DSVG.h>
#include <GraphMol/MolDraw2D/MolDraw2DUtils.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/Substruct/SubstructMatch.h>

#include <set>
#include <stdexcept>

namespace paretolab::engine {

std::string
moleculeSvg(const std::string& smiles, int width, int height, const std::string& legend)
{
  auto mol = parseSmiles(smiles);
  if (!mol)
    return {};
  try {
    RDKit::MolDraw2DUtils::prepareMolForDrawing(*mol);
    RDKit::MolDraw2DSVG drawer(width, height);
    drawer.drawOptions().clearBackground = true;
    drawer.drawMolecule(*mol, legend);
    drawer.finishDrawing();
    return drawer.getDrawingText();
  } catch (const std::exception&) {
    return {}; // a molecule RDKit parses but cannot lay out
  }
}

std::unique_ptr<RDKit::ROMol>
parseSmarts(const std::string& smarts)
{
  std::unique_ptr<RDKit::ROMol> pattern;
  try {
    pattern.reset(RDKit::SmartsToMol(smarts));
  } catch (const std::exception&) {
  }
  if (!pattern)
    throw std::invalid_argument("“" + smarts + "” is not a SMARTS pattern");
  return pattern;
}

std::vector<std::vector<int>>
substructureMatches(const RDKit::ROMol& mol, const RDKit::ROMol& pattern)
{
  std::vector<RDKit::MatchVectType> found;
  RDKit::SubstructMatch(mol, pattern, found);
  std::vector<std::vector<int>> matches;
  for (const auto& match : found) {
    std::vector<int> atoms;
    for (const auto& [queryAtom, atom] : match)
      atoms.push_back(atom);
    matches.push_back(std::move(atoms));
  }
  return matches;
}

std::string
moleculeSvgHighlighting(const std::string& smiles,
                        const RDKit::ROMol& pattern,
                        int width,
                        int height)
{
  auto mol = parseSmiles(smiles);
  if (!mol)
    return {};
  std::set<int> atoms;
  for (const auto& match : substructureMatches(*mol, pattern))
    atoms.insert(match.begin(), match.end());
  std::vector<int> highlightAtoms(atoms.begin(), atoms.end());
  std::vector<int> highlightBonds;
  for (const auto* bond : mol->bonds())
    if (atoms.count(int(bond->getBeginAtomIdx())) && atoms.count(int(bond->getEndAtomIdx())))
      highlightBonds.push_back(int(bond->getIdx()));
  try {
    RDKit::MolDraw2DUtils::prepareMolForDrawing(*mol);
    RDKit::MolDraw2DSVG drawer(width, height);
    drawer.drawOptions().clearBackground = true;
    drawer.drawMolecule(*mol, &highlightAtoms, &highlightBonds);
    drawer.finishDrawing();
    return drawer.getDrawingText();
  } catch (const std::exception&) {
    return {};
  }
}

} // namespace paretolab::engine
