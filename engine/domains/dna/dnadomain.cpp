// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/dna/dnadomain.h"

#include "core/atomicfile.h"
#include "core/gzipfile.h"
#include "domains/dna/dnasources.h"
#include "domains/dna/fastaformat.h"
#include "domains/dna/motifsearch.h"
#include "domains/dna/nucleotides.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <stdexcept>

namespace paretolab::engine {

namespace {

const char* const kProxyNote =
  "Activity is a motif-grammar proxy (JASPAR binding sites of each cell type's factors), "
  "not a trained MPRA model.";

constexpr std::size_t kMetricSampleCap = 256; // pairwise diversity is quadratic

const std::map<char, std::string> kBaseColours{ { 'A', "#109648" },
                                                { 'C', "#255c99" },
                                                { 'G', "#c98a00" },
                                                { 'T', "#d62839" } };

const std::map<std::string, std::string> kCellColours{ { "k562", "#f4c7c3" },
                                                       { "hepg2", "#c6e2c0" },
                                                       { "sknsh", "#c9d7f2" } };

std::array<double, 4>
asArray(const std::vector<double>& values)
{
  return { values[0], values[1], values[2], values[3] };
}

} // namespace

DnaDomain::DnaDomain(Options options)
  : m_options(std::move(options))
{
  if (m_options.length < 20 || m_options.length > 2000)
    throw std::invalid_argument("domain_options.length: from 20 to 2000 bases");
  m_humanWindows =
    dna::windowsOf(dna::parseEmbl(readFile(m_options.humanEmblPath)), m_options.length);
  if (m_humanWindows.size() < 10)
    throw std::runtime_error(m_options.humanEmblPath + " gave only " +
                             std::to_string(m_humanWindows.size()) + " windows of " +
                             std::to_string(m_options.length) + " bases");
  const dna::MarkovBackground human(m_humanWindows, m_options.markovOrder);
  m_motifs = dna::parseJaspar(readFile(m_options.motifsPath));
  for (auto& motif : m_motifs)
    dna::computeLogOdds(motif, asArray(human.baseComposition()));
  // A background of the same composition calibrates each cell type's scale.
  m_activity = std::make_unique<dna::EnhancerActivity>(
    m_motifs,
    human.generate(m_options.backgroundSize, m_options.length, m_options.seed ^ 0xbac9ULL));
}

std::vector<ObjectiveInfo>
DnaDomain::objectives() const
{
  std::vector<ObjectiveInfo> list;
  for (const auto& cell : dna::cellTypes()) {
    std::string factors;
    for (const auto& factor : cell.factors)
      factors += (factors.empty() ? "" : ", ") + factor;
    list.push_back({ cell.name,
                     cell.title + " activity, motif-grammar proxy (" + factors + "), in (0, 1)",
                     {} });
  }
  RewardTransform specificity;
  specificity.kind = RewardTransform::Kind::Maximize;
  specificity.low = -0.5;
  specificity.high = 0.5;
  for (const auto& cell : dna::cellTypes())
    list.push_back({ "specificity_" + cell.name,
                     cell.name + " activity minus the best of the other cell types, in (-1, 1)",
                     specificity });
  RewardTransform gc;
  gc.kind = RewardTransform::Kind::Target;
  gc.target = 0.5;
  gc.tolerance = 0.1;
  list.push_back({ "gc", "share of G and C", gc });
  RewardTransform homopolymer;
  homopolymer.kind = RewardTransform::Kind::Minimize;
  homopolymer.low = 0.0;
  homopolymer.high = 4.0;
  list.push_back({ "homopolymer", "runs of 6 or more of one base", homopolymer });
  return list;
}

std::vector<std::string>
DnaDomain::corpus() const
{
  std::call_once(m_corpusOnce, [this] {
    m_corpus = m_humanWindows;
    if (m_options.drosophilaEvery > 0) {
      const auto fly = dna::windowsOf(dna::parseFasta(readGzipFile(m_options.drosophilaPath)),
                                      m_options.length,
                                      m_options.drosophilaEvery);
      m_corpus.insert(m_corpus.end(), fly.begin(), fly.end());
    }
    const dna::MarkovBackground human(m_humanWindows, m_options.markovOrder);
    const auto drawn = human.generate(m_options.markovWindows, m_options.length, m_options.seed);
    m_corpus.insert(m_corpus.end(), drawn.begin(), drawn.end());
    m_corpusSpectrum = dna::kmerSpectrum(m_corpus, 4);
  });
  return m_corpus;
}

std::string
DnaDomain::describeCorpus() const
{
  return std::to_string(corpus().size()) + " windows of " + std::to_string(m_options.length) +
         " bases: " + std::to_string(m_humanWindows.size()) + " human (EMBOSS hum1.dat), " +
         std::to_string(m_corpus.size() - m_humanWindows.size() - m_options.markovWindows) +
         " Drosophila upstream (dm3), " + std::to_string(m_options.markovWindows) +
         " from an order-" + std::to_string(m_options.markovOrder) +
         " Markov chain of the human DNA";
}

TokenizerSpec
DnaDomain::tokenizer() const
{
  if (m_options.kmer <= 1)
    return { "characters", nlohmann::json::object() };
  return { "kmers", { { "k", m_options.kmer } } };
}

bool
DnaDomain::isValid(const std::string& sample) const
{
  return dna::sequenceProblem(sample, m_options.length).empty();
}

std::string
DnaDomain::invalidReason(const std::string& sample) const
{
  return dna::sequenceProblem(sample, m_options.length);
}

std::vector<std::vector<double>>
DnaDomain::computeScores(const std::vector<std::string>& samples,
                         const std::vector<SampleContext>&,
                         const std::vector<std::string>& objectives,
                         const TextLikelihood*) const
{
  const double nan = std::nan("");
  std::vector<std::vector<double>> scores;
  for (const auto& sample : samples) {
    std::vector<double> row(objectives.size(), nan);
    if (!isValid(sample)) {
      scores.push_back(std::move(row));
      continue;
    }
    std::vector<double> activities;
    const auto activityOf = [&](std::size_t cell) {
      if (activities.empty())
        activities = m_activity->activities(sample);
      return activities[cell];
    };
    for (std::size_t j = 0; j < objectives.size(); ++j) {
      const auto& objective = objectives[j];
      const auto& cells = dna::cellTypes();
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (objective == cells[c].name) {
          row[j] = activityOf(c);
        } else if (objective == "specificity_" + cells[c].name) {
          double others = -1.0;
          for (std::size_t o = 0; o < cells.size(); ++o)
            if (o != c)
              others = std::max(others, activityOf(o));
          row[j] = activityOf(c) - others;
        }
      }
      if (objective == "gc")
        row[j] = dna::gcFraction(sample);
      else if (objective == "homopolymer")
        row[j] = double(dna::homopolymerRuns(sample, 6));
    }
    scores.push_back(std::move(row));
  }
  return scores;
}

std::map<std::string, double>
DnaDomain::metrics(const std::vector<std::string>& samples) const
{
  std::map<std::string, double> values{
    { "validity", 0.0 }, { "uniqueness", 0.0 }, { "diversity", 0.0 }, { "kmer_distance", 1.0 }
  };
  if (samples.empty())
    return values;
  std::vector<std::string> valid;
  std::set<std::string> distinct;
  for (const auto& sample : samples)
    if (isValid(sample)) {
      valid.push_back(sample);
      distinct.insert(sample);
    }
  values["validity"] = double(valid.size()) / double(samples.size());
  if (valid.empty())
    return values;
  values["uniqueness"] = double(distinct.size()) / double(valid.size());
  std::vector<std::string> unique(distinct.begin(), distinct.end());
  if (unique.size() > kMetricSampleCap)
    unique.resize(kMetricSampleCap);
  values["diversity"] = dna::meanPairwiseHamming(unique);
  corpus(); // the corpus spectrum is computed with the corpus
  values["kmer_distance"] = dna::spectrumDistance(dna::kmerSpectrum(valid, 4), m_corpusSpectrum);
  return values;
}

bool
DnaDomain::matches(const std::string& sample, const std::string& query) const
{
  return !dna::findMotifQuery(dna::parseMotifQuery(query, m_motifs), sample).empty();
}

void
DnaDomain::markMatches(SampleDescription& description,
                       const std::string& sample,
                       const std::string& query) const
{
  if (description.blocks.empty())
    return;
  const auto parsed = dna::parseMotifQuery(query, m_motifs);
  const std::size_t width = parsed.motif ? parsed.motif->width() : parsed.pattern.size();
  const std::string label = parsed.motif ? parsed.motif->name : parsed.pattern;
  for (const auto& site : dna::findMotifQuery(parsed, sample)) {
    AnnotatedSpan span;
    span.begin = site.position;
    span.end = site.position + width;
    span.label = label;
    span.kind = "match";
    span.lane = site.strand;
    span.detail = "search: " + query + " on the " + (site.strand > 0 ? "forward" : "reverse") +
                  " strand at " + std::to_string(site.position + 1);
    if (parsed.motif)
      span.svg = dna::logoSvg(*parsed.motif);
    description.blocks.front().spans.push_back(std::move(span));
  }
  description.kindColours.emplace("match", "#ffe066");
}

SampleDescription
DnaDomain::describe(const std::string& sample, const SampleContext&) const
{
  SampleDescription description;
  description.note = kProxyNote;
  description.kindColours = kCellColours;
  AnnotatedText block;
  block.heading = "Sequence, with the binding sites of each cell type's factors";
  block.text = sample;
  block.letterColours = kBaseColours;
  block.monospace = true;
  const auto problem = dna::sequenceProblem(sample, m_options.length);
  if (!problem.empty()) {
    description.valid = false;
    description.note = problem;
    description.blocks.push_back(std::move(block));
    return description;
  }
  const auto& cells = dna::cellTypes();
  for (std::size_t c = 0; c < cells.size(); ++c)
    for (const auto* motif : m_activity->factors(c))
      for (const auto& hit : dna::motifHits(*motif, sample)) {
        AnnotatedSpan span;
        span.begin = hit.position;
        span.end = hit.position + motif->width();
        span.label = motif->name;
        span.kind = cells[c].name;
        span.score = hit.score;
        span.lane = hit.strand;
        span.detail = motif->id + " " + motif->name + " (" + cells[c].title +
                      "): " + std::to_string(hit.score).substr(0, 5) + " of at most " +
                      std::to_string(motif->maxScore()).substr(0, 5) + " bits on the " +
                      (hit.strand > 0 ? "forward" : "reverse") + " strand; consensus " +
                      motif->consensus();
        span.svg = dna::logoSvg(*motif);
        block.spans.push_back(std::move(span));
      }
  description.blocks.push_back(std::move(block));
  return description;
}

std::vector<std::shared_ptr<const SampleFormat>>
DnaDomain::sampleFormats() const
{
  return { std::make_shared<CsvSampleFormat>(),
           std::make_shared<dna::FastaSampleFormat>(),
           std::make_shared<LinesSampleFormat>() };
}

} // namespace paretolab::engine
