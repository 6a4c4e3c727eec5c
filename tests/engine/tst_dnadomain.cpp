// SPDX-License-Identifier: GPL-3.0-or-later
// The DNA domain: motifs against hand computation, both strands, planted
// sites, the corpus sources, and bad FASTA.
#include "core/domainregistry.h"
#include "domains/dna/dnadomain.h"
#include "domains/dna/dnasources.h"
#include "domains/dna/fastaformat.h"
#include "domains/dna/motifs.h"
#include "domains/dna/motifsearch.h"
#include "domains/dna/nucleotides.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <sstream>

using namespace paretolab::engine;
using namespace paretolab::engine::dna;

namespace {

/// The domain with a small corpus: its data files come from scripts/setup.
const DnaDomain&
domain()
{
  static const auto shared = std::dynamic_pointer_cast<const DnaDomain>(
    makeDomain("dna", { { "drosophila_every", 200 }, { "markov_windows", 300 } }));
  return *shared;
}

std::size_t
objectiveIndex(const std::string& name)
{
  const std::vector<std::string> names{ "k562", "hepg2", "sknsh" };
  return std::size_t(std::find(names.begin(), names.end(), name) - names.begin());
}

const Motif&
factor(const std::string& name)
{
  for (std::size_t cell = 0; cell < cellTypes().size(); ++cell)
    for (const auto* motif : domain().activity().factors(cell))
      if (motif->name == name)
        return *motif;
  throw std::runtime_error("no factor " + name);
}

/// `base` with `site` written at every `every`-th position.
std::string
planted(std::string base, const std::string& site, std::size_t every)
{
  for (std::size_t p = 3; p + site.size() <= base.size(); p += every)
    base.replace(p, site.size(), site);
  return base;
}

/// A background sequence with no strong site of any cell type: the least
/// active of some drawn from the human Markov chain.
std::string
quietBackground()
{
  const MarkovBackground human(domain().corpus(), 3);
  std::string quietest;
  double lowest = 1e9;
  for (const auto& sequence : human.generate(60, 200, 5)) {
    const auto activities = domain().activity().activities(sequence);
    const double loudest = *std::max_element(activities.begin(), activities.end());
    if (loudest < lowest) {
      lowest = loudest;
      quietest = sequence;
    }
  }
  return quietest;
}

} // namespace

class TestDnaDomain : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  // Counts (A, C, G, T) = (3, 1, 0, 0) and (0, 0, 0, 4), background (0.3,
  // 0.2, 0.2, 0.3), pseudocount 0.8: p = (count + 0.8 b) / (4 + 0.8).
  void logOddsEqualTheHandComputedMatrix()
  {
    const auto motifs = parseJaspar(">MA9999.1 Test\n3 0\n1 0\n0 0\n0 4\n");
    QCOMPARE(motifs.size(), size_t(1));
    auto motif = motifs.front();
    QCOMPARE(motif.id, std::string("MA9999.1"));
    QCOMPARE(motif.name, std::string("Test"));
    computeLogOdds(motif, { 0.3, 0.2, 0.2, 0.3 }, 0.8);
    const double expected[2][4] = {
      { std::log2(3.24 / 4.8 / 0.3),
        std::log2(1.16 / 4.8 / 0.2),
        std::log2(0.16 / 4.8 / 0.2),
        std::log2(0.24 / 4.8 / 0.3) },
      { std::log2(0.24 / 4.8 / 0.3),
        std::log2(0.16 / 4.8 / 0.2),
        std::log2(0.16 / 4.8 / 0.2),
        std::log2(4.24 / 4.8 / 0.3) },
    };
    for (int i = 0; i < 2; ++i)
      for (int b = 0; b < 4; ++b)
        QVERIFY(std::abs(motif.logOdds[size_t(i)][size_t(b)] - expected[i][b]) < 1e-12);
    QCOMPARE(motif.consensus(), std::string("AT"));
    QVERIFY(std::abs(motif.maxScore() - (expected[0][0] + expected[1][3])) < 1e-12);
  }

  void refusesMalformedMatrices_data()
  {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("three rows") << ">M1 X\n1 2\n3 4\n5 6\n"
                                << "3 rows, not 4";
    QTest::newRow("ragged") << ">M1 X\n1 2\n3\n5 6\n7 8\n"
                            << "differ in length";
    QTest::newRow("no header") << "1 2\n3 4\n"
                               << "before the first '>'";
    QTest::newRow("words") << ">M1 X\n1 2\n3 x4\n"
                           << "line 3";
    QTest::newRow("empty") << ""
                           << "no matrix";
  }

  void refusesMalformedMatrices()
  {
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    try {
      parseJaspar(text.toStdString());
      QFAIL("a malformed matrix file was accepted");
    } catch (const std::runtime_error& e) {
      QVERIFY2(QString::fromUtf8(e.what()).contains(mentions), e.what());
    }
  }

  void readsTheJasparFactorsOfEveryCellType()
  {
    QCOMPARE(cellTypes().size(), size_t(3));
    for (std::size_t cell = 0; cell < cellTypes().size(); ++cell)
      QCOMPARE(domain().activity().factors(cell).size(), cellTypes()[cell].factors.size());
    QCOMPARE(factor("Gata1").id, std::string("MA0035.3"));
  }

  // A site and its reverse complement score the same: both strands are read.
  void bothStrandsAreScored()
  {
    const auto& gata = factor("Gata1");
    const auto base = quietBackground();
    const auto forward = planted(base, gata.consensus(), 60);
    const auto reverse = reverseComplement(forward);
    QVERIFY(std::abs(occupancy(gata, forward) - occupancy(gata, reverse)) < 1e-9);
    double best = -1e9;
    int strand = 0;
    for (const auto& site : scanBothStrands(gata, reverse))
      if (site.score > best) {
        best = site.score;
        strand = site.strand;
      }
    QCOMPARE(strand, -1); // on the reverse sequence, the planted site reads backwards
    QVERIFY(std::abs(best - gata.maxScore()) < 1e-9);
    const auto activities = domain().activity().activities(forward);
    const auto mirrored = domain().activity().activities(reverse);
    for (std::size_t c = 0; c < activities.size(); ++c)
      QVERIFY(std::abs(activities[c] - mirrored[c]) < 1e-9);
  }

  // GATA sites are K562's and HNF1 sites HepG2's: each raises its own cell
  // type more than the other, from the same background at the same places.
  void plantedSitesRaiseTheirOwnCellType()
  {
    const auto base = quietBackground();
    const std::vector<std::string> objectives{ "k562", "hepg2", "sknsh" };
    const auto before = domain().score({ base }, objectives).front();
    const auto withGata =
      domain().score({ planted(base, factor("Gata1").consensus(), 40) }, objectives).front();
    const auto withHnf1 =
      domain().score({ planted(base, factor("HNF1A").consensus(), 40) }, objectives).front();
    const auto k562 = objectiveIndex("k562");
    const auto hepg2 = objectiveIndex("hepg2");
    qInfo("background k562 %.3f hepg2 %.3f; GATA %.3f %.3f; HNF1 %.3f %.3f",
          before[k562],
          before[hepg2],
          withGata[k562],
          withGata[hepg2],
          withHnf1[k562],
          withHnf1[hepg2]);
    QVERIFY(withGata[k562] - before[k562] > withGata[hepg2] - before[hepg2]);
    QVERIFY(withHnf1[hepg2] - before[hepg2] > withHnf1[k562] - before[k562]);
    QVERIFY(withGata[k562] > 0.8);
    QVERIFY(withHnf1[hepg2] > before[hepg2] + 0.1);
  }

  void badSequencesScoreTheirPenaltyNeverCrash()
  {
    const std::vector<std::string> objectives{ "k562", "specificity_hepg2", "gc", "homopolymer" };
    const std::string good(200, 'A');
    const std::vector<std::string> samples{
      "ACGT", std::string(199, 'A') + "N", std::string(200, 'a'), "", good
    };
    const auto scores = domain().score(samples, objectives);
    for (size_t i = 0; i + 1 < samples.size(); ++i)
      for (double value : scores[i])
        QVERIFY(std::isnan(value));
    QCOMPARE(scores.back()[2], 0.0); // no G or C
    QCOMPARE(scores.back()[3], 1.0); // one run of 200 A
    QCOMPARE(domain().invalidReason("ACGN"), std::string("position 4: 'N' is not A, C, G or T"));
    QCOMPARE(domain().invalidReason("ACGT"), std::string("4 bases, not 200"));
    QVERIFY(domain().invalidReason(good).empty());
  }

  void corpusIsHumanLikeWindowsWithoutN()
  {
    const auto corpus = domain().corpus();
    QVERIFY(corpus.size() > 1000);
    for (const auto& window : corpus)
      QVERIFY(sequenceProblem(window, 200).empty());
    // The Markov chain keeps the human composition (AT-rich, about 40 % GC).
    const MarkovBackground human(domain().corpus(), 5);
    const auto drawn = human.generate(300, 200, 3);
    double gcDrawn = 0.0, gcCorpus = 0.0;
    for (const auto& sequence : drawn)
      gcDrawn += gcFraction(sequence) / double(drawn.size());
    for (const auto& sequence : corpus)
      gcCorpus += gcFraction(sequence) / double(corpus.size());
    QVERIFY2(std::abs(gcDrawn - gcCorpus) < 0.03, qPrintable(QString::number(gcDrawn)));
    QVERIFY(!domain().describeCorpus().empty());
  }

  void parsesEmblSequenceBlocks()
  {
    const std::string embl = "ID   HSTEST; DNA.\nXX\nSQ   Sequence 12 BP;\n"
                             "     acgtacgtac gt          12\n//\nID   EMPTY;\n//\n";
    const auto entries = parseEmbl(embl);
    QCOMPARE(entries.size(), size_t(1));
    QCOMPARE(entries[0].name, std::string("HSTEST"));
    QCOMPARE(entries[0].sequence, std::string("ACGTACGTACGT"));
    QCOMPARE(windowsOf(entries, 5).size(), size_t(2));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, parseEmbl("ID   X;\n//\n"));
  }

  // Every kind of bad record gets a message with its line, and the good ones are read.
  void readsMalformedFastaRecordByRecord()
  {
    const std::string good(200, 'C');
    std::string text = "ACGT before any header\r\n"
                       ">good one\r\n" +
                       good.substr(0, 100) + "\r\n" + good.substr(100) +
                       "\r\n"
                       ">lower\n" +
                       std::string(200, 'g') +
                       "\n"
                       ">withN\n" +
                       std::string(199, 'A') +
                       "N\n"
                       ">iupac\n" +
                       std::string(199, 'A') +
                       "R\n"
                       ">empty\n"
                       ">\n" +
                       good + "\n";
    std::istringstream in(text);
    const auto reading = FastaSampleFormat().read(in, domain().sampleLimits());
    QCOMPARE(reading.problems.size(), size_t(2));
    QVERIFY(QString::fromStdString(reading.problems[0].reason).contains("before the first '>'"));
    QCOMPARE(reading.problems[0].line, size_t(1));
    QCOMPARE(reading.problems[1].id, std::string("empty"));
    QVERIFY(QString::fromStdString(reading.problems[1].reason).contains("empty record"));
    QCOMPARE(reading.records.size(), size_t(5));
    QCOMPARE(reading.records[0].id, std::string("good"));
    QCOMPARE(reading.records[0].text, good); // Windows line ends, two lines joined
    QCOMPARE(reading.records[1].text, std::string(200, 'G'));
    QCOMPARE(reading.notes.size(), size_t(1)); // soft-masked: kept, and said so
    QCOMPARE(reading.notes[0].id, std::string("lower"));
    QVERIFY(QString::fromStdString(reading.notes[0].reason).contains("lower-case"));
    QVERIFY(domain().isValid(reading.records[1].text));
    QCOMPARE(domain().invalidReason(reading.records[2].text),
             std::string("position 200: 'N' is not A, C, G or T"));
    QCOMPARE(domain().invalidReason(reading.records[3].text),
             std::string("position 200: 'R' is not A, C, G or T"));
    QCOMPARE(reading.records[4].id, std::string("line12")); // a header without a name
  }

  void writesFastaWithTheRewardsInTheHeaders()
  {
    SampleTable table;
    table.objectiveNames = { "k562", "gc" };
    table.samples = { std::string(130, 'A') };
    table.raw = { { 0.25, std::nan("") } };
    table.rewards = { { 0.25, 0.0 } };
    table.ids = { "run1_step4" };
    const auto written = FastaSampleFormat().write(table);
    QCOMPARE(written.written, size_t(1));
    QCOMPARE(written.bytes,
             std::string(">run1_step4 k562=0.25 k562_reward=0.25 gc=NA gc_reward=0\n") +
               std::string(60, 'A') + "\n" + std::string(60, 'A') + "\n" + std::string(10, 'A') +
               "\n");
  }

  void describesTheMotifHitsOnTheirStrands()
  {
    const auto& gata = factor("Gata1");
    const auto sequence = planted(quietBackground(), reverseComplement(gata.consensus()), 90);
    const auto description = domain().describe(sequence);
    QVERIFY(description.valid);
    QVERIFY(QString::fromStdString(description.note).contains("proxy"));
    const auto& block = description.blocks.front();
    QCOMPARE(block.text, sequence);
    QCOMPARE(block.letterColours.size(), size_t(4));
    bool found = false;
    for (const auto& span : block.spans)
      if (span.label == "Gata1" && span.lane == -1 && span.kind == "k562") {
        found = true;
        QVERIFY(span.svg.find("<svg") == 0);
        QVERIFY(QString::fromStdString(span.detail).contains("MA0035.3"));
      }
    QVERIFY(found);
    QVERIFY(!domain().describe("ACGT").valid);
  }

  void metricsMeasureDiversityAndComposition()
  {
    const std::string a(200, 'A');
    const auto same = domain().metrics({ a, a, a });
    QCOMPARE(same.at("validity"), 1.0);
    QCOMPARE(same.at("diversity"), 0.0);
    QVERIFY(same.at("kmer_distance") > 0.9); // poly-A is nothing like the corpus
    const auto corpus = domain().corpus();
    const auto natural =
      domain().metrics(std::vector<std::string>(corpus.begin(), corpus.begin() + 200));
    QVERIFY(natural.at("diversity") > 0.6);
    QVERIFY(natural.at("kmer_distance") < 0.15);
    QCOMPARE(domain().metrics({ "ACGT", a }).at("validity"), 0.5);
  }

  // The samples page's search: IUPAC bases on both strands, or a JASPAR motif by name.
  void searchFindsIupacPatternsAndMotifsOnBothStrands()
  {
    const std::string base(200, 'C');
    std::string sequence = base;
    sequence.replace(10, 6, "AGATAA");  // WGATAR on the forward strand
    sequence.replace(100, 6, "TTATCT"); // and on the reverse: the complement of AGATAA
    const auto pattern = parseMotifQuery("wgatar", {});
    QCOMPARE(pattern.pattern, std::string("WGATAR"));
    const auto sites = findMotifQuery(pattern, sequence);
    QCOMPARE(sites.size(), size_t(2));
    QCOMPARE(sites[0].position, size_t(10));
    QCOMPARE(sites[0].strand, +1);
    QCOMPARE(sites[1].position, size_t(100));
    QCOMPARE(sites[1].strand, -1);
    // A palindrome is found once where it sits, not once per strand.
    QCOMPARE(findMotifQuery(parseMotifQuery("GATC", {}), base.substr(0, 20) + "GATC").size(),
             size_t(1));
    QVERIFY(iupacMatches('N', 'G') && iupacMatches('B', 'T') && !iupacMatches('B', 'A'));

    QVERIFY(domain().matches(sequence, "WGATAR"));
    QVERIFY(!domain().matches(base, "WGATAR"));
    const std::string gata = planted(quietBackground(), factor("Gata1").consensus(), 60);
    QVERIFY(domain().matches(gata, "gata1")); // a motif, by name in any case
    QVERIFY(!domain().matches(quietBackground(), "GATA1"));
    try {
      domain().matches(sequence, "GATA#");
      QFAIL("a query that is neither a motif nor bases was accepted");
    } catch (const std::invalid_argument& error) {
      QVERIFY2(QString(error.what()).contains("IUPAC"), error.what());
    }

    // The matches are marked on their strands, beside the motif hits.
    const auto description = domain().describeMatching(sequence, {}, "WGATAR");
    std::vector<int> lanes;
    for (const auto& span : description.blocks.front().spans)
      if (span.kind == "match")
        lanes.push_back(span.lane);
    QCOMPARE(lanes, (std::vector<int>{ +1, -1 }));
    QVERIFY(description.kindColours.count("match"));
  }

  void tokenizesSingleBasesOrKmers()
  {
    QCOMPARE(domain().tokenizer().kind, std::string("characters"));
    const auto fourMers =
      makeDomain("dna", { { "kmer", 4 }, { "drosophila_every", 0 }, { "markov_windows", 10 } });
    QCOMPARE(fourMers->tokenizer().kind, std::string("kmers"));
    QCOMPARE(fourMers->tokenizer().parameters.at("k").get<int>(), 4);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeDomain("dna", { { "kmer", 9 } }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeDomain("dna", { { "motifs", "/nope" } }));
  }
};

QTEST_GUILESS_MAIN(TestDnaDomain)
#include "tst_dnadomain.moc"
