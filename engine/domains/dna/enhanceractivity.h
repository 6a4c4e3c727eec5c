// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A motif-grammar proxy of enhancer activity in three cell lines. It is not a
// trained MPRA model: a sequence scores by how strongly it holds the binding
// sites of factors known to drive each cell type's enhancers.

#include "domains/dna/motifs.h"

#include <string>
#include <string_view>
#include <vector>

namespace paretolab::engine::dna {

/// A cell type and the JASPAR names of its factors (matched without case).
struct CellType
{
  std::string name;  ///< objective name: "k562"
  std::string title; ///< "K562 (erythroleukaemia)"
  std::vector<std::string> factors;
};

/// K562: GATA1, TAL1::GATA1, KLF1, NFE2 (JASPAR's NFE2::MAF). HepG2: HNF4A,
/// HNF1A, CEBPA, CEBPB, FOXA1, FOXA2. SK-N-SH: SOX2, SOX10, AP-1 (JUN::FOS),
/// GATA3.
const std::vector<CellType>&
cellTypes();

/// activity_c(x) = logistic((A_c(x) - mu_c) / sigma_c), where A_c is the sum
/// over the cell type's factors of occupancy (a soft maximum of the PWM
/// score over positions and both strands, motifs.h), and mu_c, sigma_c are
/// A_c's mean and standard deviation over background sequences. A background
/// sequence scores about 0.5; one with strong sites of the cell's factors
/// approaches 1.
class EnhancerActivity
{
public:
  /// `motifs` with their log-odds; `background` calibrates the scale.
  EnhancerActivity(const std::vector<Motif>& motifs, const std::vector<std::string>& background);
  // It points into its own motifs: not copyable.
  EnhancerActivity(const EnhancerActivity&) = delete;
  EnhancerActivity& operator=(const EnhancerActivity&) = delete;

  /// Per cell type in cellTypes() order, each in (0, 1).
  std::vector<double> activities(std::string_view sequence) const;
  /// The summed occupancy A_c before calibration.
  double summedOccupancy(std::size_t cell, std::string_view sequence) const;

  /// The motifs of cell type `cell`.
  const std::vector<const Motif*>& factors(std::size_t cell) const { return m_factors[cell]; }
  /// Every motif used by some cell type, each once.
  std::vector<const Motif*> allFactors() const;
  double backgroundMean(std::size_t cell) const { return m_mean[cell]; }
  double backgroundSpread(std::size_t cell) const { return m_spread[cell]; }

private:
  std::vector<Motif> m_motifs;
  std::vector<std::vector<const Motif*>> m_factors;
  std::vector<double> m_mean;
  std::vector<double> m_spread;
};

} // namespace paretolab::engine::dna
