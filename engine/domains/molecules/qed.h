// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace RDKit {
class ROMol;
}

namespace paretolab::engine {

/// The eight descriptors that QED maps through its desirability functions, computed as in
/// RDKit's `rdkit.Chem.QED.properties` (on the molecule with explicit hydrogens removed).
struct QedProperties
{
  double mw = 0;    ///< average molecular weight
  double alogp = 0; ///< Wildman-Crippen logP
  int hba = 0;      ///< H-bond acceptors: all unique matches of QED's acceptor patterns
  int hbd = 0;      ///< H-bond donors (Lipinski-style count of RDKit)
  double psa = 0;   ///< topological polar surface area (N and O only)
  int rotb = 0;     ///< rotatable bonds, strict definition
  int arom = 0;     ///< SSSR rings left after deleting atoms of aliphatic rings
  int alerts = 0;   ///< how many of QED's 116 structural alerts match
};

/// QED's descriptors of `mol`, a sanitized molecule. A port of
/// `rdkit.Chem.QED.properties` (RDKit 2022.09.3). Thread-safe: concurrent calls on different
/// molecules share only the compiled SMARTS patterns, which RDKit's thread-safe substructure
/// search may use from several threads.
QedProperties
qedProperties(const RDKit::ROMol& mol);

/// Quantitative estimate of drug-likeness (Bickerton et al. 2012) in (0, 1), with the mean
/// weights: a port of `rdkit.Chem.QED.qed` with its defaults. Thread-safe as `qedProperties`.
double
qed(const RDKit::ROMol& mol);

/// QED of already computed descriptors, with the mean weights.
double
qed(const QedProperties& properties);

} // namespace paretolab::engine
