// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/dna/motifs.h"

#include "domains/dna/nucleotides.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace paretolab::engine::dna {

namespace {

const std::array<const char*, 4> kLogoColours{ "#109648", "#255c99", "#f7b32b", "#d62839" };

} // namespace

double
Motif::maxScore() const
{
  double total = 0.0;
  for (const auto& column : logOdds)
    total += *std::max_element(column.begin(), column.end());
  return total;
}

double
Motif::minScore() const
{
  double total = 0.0;
  for (const auto& column : logOdds)
    total += *std::min_element(column.begin(), column.end());
  return total;
}

std::string
Motif::consensus() const
{
  std::string text;
  for (const auto& column : counts)
    text += kBases[std::size_t(std::max_element(column.begin(), column.end()) - column.begin())];
  return text;
}

std::vector<std::array<double, 4>>
Motif::probabilities() const
{
  std::vector<std::array<double, 4>> probabilities;
  for (const auto& column : counts) {
    const double total = std::accumulate(column.begin(), column.end(), 0.0);
    std::array<double, 4> p{};
    for (int b = 0; b < 4; ++b)
      p[std::size_t(b)] = total > 0 ? column[std::size_t(b)] / total : 0.25;
    probabilities.push_back(p);
  }
  return probabilities;
}

std::vector<Motif>
parseJaspar(const std::string& text)
{
  std::vector<Motif> motifs;
  std::istringstream in(text);
  std::size_t number = 0;
  std::vector<std::vector<double>> rows;
  const auto finish = [&](std::size_t line) {
    if (motifs.empty())
      return;
    auto& motif = motifs.back();
    if (rows.size() != 4)
      throw std::runtime_error("JASPAR line " + std::to_string(line) + ": matrix " + motif.id +
                               " has " + std::to_string(rows.size()) + " rows, not 4 (A, C, G, T)");
    for (const auto& row : rows)
      if (row.size() != rows.front().size() || row.empty())
        throw std::runtime_error("JASPAR line " + std::to_string(line) + ": the rows of " +
                                 motif.id + " differ in length");
    motif.counts.assign(rows.front().size(), {});
    for (std::size_t i = 0; i < rows.front().size(); ++i)
      for (std::size_t b = 0; b < 4; ++b)
        motif.counts[i][b] = rows[b][i];
    rows.clear();
  };
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.empty())
      continue;
    if (line[0] == '>') {
      finish(number);
      Motif motif;
      std::istringstream header(line.substr(1));
      header >> motif.id;
      std::getline(header >> std::ws, motif.name);
      motifs.push_back(std::move(motif));
      continue;
    }
    if (motifs.empty())
      throw std::runtime_error("JASPAR line " + std::to_string(number) +
                               ": counts before the first '>' header");
    // Plain rows, or JASPAR's bracketed "A [ 1 2 3 ]" form.
    std::string cleaned;
    for (char c : line)
      cleaned += (c == '[' || c == ']' || std::isalpha(static_cast<unsigned char>(c))) ? ' ' : c;
    std::istringstream values(cleaned);
    std::vector<double> row;
    for (double value = 0; values >> value;)
      row.push_back(value);
    if (!values.eof() || row.empty())
      throw std::runtime_error("JASPAR line " + std::to_string(number) + ": not a row of counts");
    rows.push_back(std::move(row));
  }
  finish(number);
  if (motifs.empty())
    throw std::runtime_error("JASPAR: no matrix");
  return motifs;
}

void
computeLogOdds(Motif& motif, const std::array<double, 4>& background, double pseudocount)
{
  motif.logOdds.clear();
  for (const auto& column : motif.counts) {
    const double total = std::accumulate(column.begin(), column.end(), 0.0);
    std::array<double, 4> scores{};
    for (std::size_t b = 0; b < 4; ++b) {
      const double p = (column[b] + pseudocount * background[b]) / (total + pseudocount);
      scores[b] = std::log2(p / background[b]);
    }
    motif.logOdds.push_back(scores);
  }
}

std::vector<MotifSite>
scanBothStrands(const Motif& motif, std::string_view sequence)
{
  std::vector<MotifSite> sites;
  const std::size_t width = motif.width();
  if (width == 0 || sequence.size() < width)
    return sites;
  for (std::size_t p = 0; p + width <= sequence.size(); ++p) {
    double forward = 0.0;
    double reverse = 0.0;
    bool valid = true;
    for (std::size_t i = 0; i < width && valid; ++i) {
      const int base = baseIndex(sequence[p + i]);
      const int mirrored = baseIndex(sequence[p + width - 1 - i]);
      if (base < 0 || mirrored < 0) {
        valid = false;
        break;
      }
      forward += motif.logOdds[i][std::size_t(base)];
      reverse +=
        motif.logOdds[i][std::size_t(3 - mirrored)]; // the complement of A C G T is T G C A
    }
    if (!valid)
      continue;
    sites.push_back({ p, +1, forward });
    sites.push_back({ p, -1, reverse });
  }
  return sites;
}

double
occupancy(const Motif& motif, std::string_view sequence)
{
  const auto sites = scanBothStrands(motif, sequence);
  if (sites.empty())
    return -std::numeric_limits<double>::infinity();
  double largest = sites.front().score;
  for (const auto& site : sites)
    largest = std::max(largest, site.score);
  double sum = 0.0;
  for (const auto& site : sites)
    sum += std::exp2(site.score - largest);
  return largest + std::log2(sum);
}

std::vector<MotifSite>
motifHits(const Motif& motif, std::string_view sequence, double relativeThreshold)
{
  const double low = motif.minScore();
  const double threshold = low + relativeThreshold * (motif.maxScore() - low);
  std::vector<MotifSite> hits;
  for (const auto& site : scanBothStrands(motif, sequence))
    if (site.score >= threshold)
      hits.push_back(site);
  return hits;
}

std::string
logoSvg(const Motif& motif)
{
  constexpr double columnWidth = 22.0;
  constexpr double height = 90.0; // 2 bits
  constexpr double bottom = 100.0;
  std::ostringstream svg;
  const double width = columnWidth * double(motif.width()) + 40.0;
  svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"120\" "
      << "viewBox=\"0 0 " << width << " 120\">\n"
      << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
      << "<line x1=\"34\" y1=\"" << bottom << "\" x2=\"34\" y2=\"" << bottom - height
      << "\" stroke=\"#555\"/>\n"
      << "<text x=\"2\" y=\"" << bottom - height + 8 << "\" font-size=\"10\" "
      << "font-family=\"sans-serif\">2 bits</text>\n";
  const auto probabilities = motif.probabilities();
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    const auto& p = probabilities[i];
    double entropy = 0.0;
    for (double share : p)
      entropy -= share > 0 ? share * std::log2(share) : 0.0;
    const double information = std::max(0.0, 2.0 - entropy);
    std::array<std::size_t, 4> order{ 0, 1, 2, 3 };
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return p[a] < p[b]; });
    double y = bottom;
    for (std::size_t b : order) {
      const double letterHeight = p[b] * information / 2.0 * height;
      if (letterHeight < 0.5)
        continue;
      // A capital in a 20-unit font is about 14.5 units tall: stretch it to the height.
      svg << "<text x=\"0\" y=\"0\" font-size=\"20\" font-family=\"sans-serif\" "
          << "font-weight=\"bold\" fill=\"" << kLogoColours[b] << "\" transform=\"translate("
          << 36.0 + columnWidth * double(i) << ' ' << y << ") scale(1.45 " << letterHeight / 14.5
          << ")\">" << kBases[b] << "</text>\n";
      y -= letterHeight;
    }
  }
  svg << "<text x=\"36\" y=\"116\" font-size=\"10\" font-family=\"sans-serif\">" << motif.id << ' '
      << motif.name << "</text>\n</svg>\n";
  return svg.str();
}

} // namespace paretolab::engine::dna
