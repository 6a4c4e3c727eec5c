// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/smiles.h"

#include <GraphMol/MolOps.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <RDGeneral/RDLog.h>

#include <algorithm>
#include <mutex>
#include <numeric>
#include <random>

namespace paretolab::engine {

namespace {

void
silenceRdkitParseErrors()
{
  static std::once_flag once;
  std::call_once(once, [] {
    boost::logging::disable_logs("rdApp.error");
    boost::logging::disable_logs("rdApp.warning");
  });
}

} // namespace

std::unique_ptr<RDKit::RWMol>
parseSmiles(const std::string& smiles)
{
  silenceRdkitParseErrors();
  if (smiles.empty())
    return nullptr;
  try {
    return std::unique_ptr<RDKit::RWMol>(RDKit::SmilesToMol(smiles));
  } catch (const std::exception&) {
    // Some malformed input throws (MolSanitizeException and others) instead of returning null.
    return nullptr;
  }
}

std::string
canonicalSmiles(const std::string& smiles)
{
  auto mol = parseSmiles(smiles);
  return mol ? RDKit::MolToSmiles(*mol) : std::string{};
}

std::string
randomizedSmiles(const std::string& smiles, uint64_t seed)
{
  auto mol = parseSmiles(smiles);
  if (!mol)
    return {};
  std::vector<unsigned int> order(mol->getNumAtoms());
  std::iota(order.begin(), order.end(), 0u);
  std::mt19937_64 rng(seed);
  std::shuffle(order.begin(), order.end(), rng);
  std::unique_ptr<RDKit::ROMol> renumbered(RDKit::MolOps::renumberAtoms(*mol, order));
  // Without canonical ranks the writer starts at atom 0 and follows the atom
  // order, which is now the drawn one.
  return RDKit::MolToSmiles(*renumbered,
                            /*doIsomericSmiles=*/true,
                            /*doKekule=*/false,
                            /*rootedAtAtom=*/-1,
                            /*canonical=*/false);
}

} // namespace paretolab::engine
