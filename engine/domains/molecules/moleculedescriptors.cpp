// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/moleculedescriptors.h"

#include <GraphMol/Descriptors/Crippen.h>
#include <GraphMol/Descriptors/MolDescriptors.h>
#include <GraphMol/Descriptors/MolSurf.h>
#include <GraphMol/FilterCatalog/FilterCatalog.h>

namespace paretolab::engine {

double
crippenLogP(const RDKit::ROMol& mol)
{
  return RDKit::Descriptors::calcClogP(mol);
}

double
topologicalPsa(const RDKit::ROMol& mol)
{
  return RDKit::Descriptors::calcTPSA(mol);
}

double
molecularWeight(const RDKit::ROMol& mol)
{
  return RDKit::Descriptors::calcAMW(mol);
}

int
painsAlerts(const RDKit::ROMol& mol)
{
  // Building the catalog parses ~480 SMARTS; do it once. Matching is const.
  static const RDKit::FilterCatalog catalog = [] {
    RDKit::FilterCatalogParams params;
    params.addCatalog(RDKit::FilterCatalogParams::PAINS);
    return RDKit::FilterCatalog(params);
  }();
  return int(catalog.getMatches(mol).size());
}

} // namespace paretolab::engine
