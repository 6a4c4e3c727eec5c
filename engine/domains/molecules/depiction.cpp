// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/depiction.h"

#include "domains/molecules/smiles.h"

#include <GraphMol/Depictor/RDDepictor.h>
#include <GraphMol/MolDraw2D/MolDraw2DSVG.h>
#include <GraphMol/MolDraw2D/MolDraw2DUtils.h>

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

} // namespace paretolab::engine
