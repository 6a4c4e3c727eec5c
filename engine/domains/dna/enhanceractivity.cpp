// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/dna/enhanceractivity.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <stdexcept>

namespace paretolab::engine::dna {

namespace {

std::string
lower(std::string text)
{
  for (auto& c : text)
    c = char(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

} // namespace

const std::vector<CellType>&
cellTypes()
{
  static const std::vector<CellType> types{
    { "k562", "K562 (erythroleukaemia)", { "GATA1", "TAL1::GATA1", "KLF1", "NFE2::MAF" } },
    { "hepg2", "HepG2 (hepatocellular)", { "HNF4A", "HNF1A", "CEBPA", "CEBPB", "FOXA1", "FOXA2" } },
    { "sknsh", "SK-N-SH (neuroblastoma)", { "SOX2", "SOX10", "JUN::FOS", "GATA3" } },
  };
  return types;
}

EnhancerActivity::EnhancerActivity(const std::vector<Motif>& motifs,
                                   const std::vector<std::string>& background)
{
  // Keep the factors' motifs only, copied so that the pointers stay valid.
  for (const auto& type : cellTypes())
    for (const auto& factor : type.factors) {
      const auto found = std::find_if(motifs.begin(), motifs.end(), [&](const Motif& motif) {
        return lower(motif.name) == lower(factor);
      });
      if (found == motifs.end())
        throw std::runtime_error("the motif file has no matrix named " + factor + " (needed for " +
                                 type.name + ")");
      if (std::none_of(m_motifs.begin(), m_motifs.end(), [&](const Motif& kept) {
            return kept.id == found->id;
          }))
        m_motifs.push_back(*found);
    }
  for (const auto& type : cellTypes()) {
    std::vector<const Motif*> factors;
    for (const auto& factor : type.factors)
      for (const auto& motif : m_motifs)
        if (lower(motif.name) == lower(factor))
          factors.push_back(&motif);
    m_factors.push_back(std::move(factors));
  }
  if (background.size() < 2)
    throw std::invalid_argument("enhancer activity: at least two background sequences are needed");
  for (std::size_t cell = 0; cell < m_factors.size(); ++cell) {
    double sum = 0.0;
    double squares = 0.0;
    for (const auto& sequence : background) {
      const double value = summedOccupancy(cell, sequence);
      sum += value;
      squares += value * value;
    }
    const double n = double(background.size());
    const double mean = sum / n;
    m_mean.push_back(mean);
    m_spread.push_back(std::sqrt(std::max(squares / n - mean * mean, 1e-12)));
  }
}

double
EnhancerActivity::summedOccupancy(std::size_t cell, std::string_view sequence) const
{
  double total = 0.0;
  for (const auto* motif : m_factors.at(cell))
    total += occupancy(*motif, sequence);
  return total;
}

std::vector<double>
EnhancerActivity::activities(std::string_view sequence) const
{
  std::vector<double> values;
  for (std::size_t cell = 0; cell < m_factors.size(); ++cell) {
    const double z = (summedOccupancy(cell, sequence) - m_mean[cell]) / m_spread[cell];
    values.push_back(1.0 / (1.0 + std::exp(-z)));
  }
  return values;
}

std::vector<const Motif*>
EnhancerActivity::allFactors() const
{
  std::vector<const Motif*> all;
  for (const auto& motif : m_motifs)
    all.push_back(&motif);
  return all;
}

} // namespace paretolab::engine::dna
