// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/smiles.h"

#include <GraphMol/SmilesParse/SmilesParse.h>
#include <GraphMol/SmilesParse/SmilesWrite.h>
#include <RDGeneral/RDLog.h>

#include <mutex>

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

} // namespace paretolab::engine
