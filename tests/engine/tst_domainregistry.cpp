// SPDX-License-Identifier: GPL-3.0-or-later
// Domains behind one interface: the registry, the contract every registered
// domain keeps (concurrent scoring, formats, describe), and a prior cache key
// that does not read the corpus.

#include "core/domainregistry.h"
#include "core/linereader.h"
#include "domains/molecules/moleculedomain.h"
#include "train/priorcache.h"

#include <QtTest>

#include <sstream>
#include <thread>

using namespace paretolab::engine;

namespace {

/// The molecule domain, counting how often its corpus is read.
class CountingMolecules : public MoleculeDomain
{
public:
  std::vector<std::string> corpus() const override
  {
    ++calls;
    return MoleculeDomain::corpus();
  }
  mutable int calls = 0;
};

std::vector<std::string>
someSamples(const std::string& domain)
{
  if (domain == "molecules")
    return { "CCO", "c1ccccc1O", "C1CC", "CC(=O)Nc1ccc(O)cc1", "", "N#N" };
  if (domain == "dna") {
    const std::string valid = // 200 random bases
      "CCGTAATGCCTTTCCCTAACAGAGTTTTTCGAACTCGTGTTGTCGAGCGACGGAATTAGATCAGTTAAATGGCAGAAAAC"
      "TGGCAGGGCTTTTAGTCGTGGGATGATCAGTGGGTAAAGGTGGCGCGGGGTAACGCGCGCTAAGGCTCAGCTGCAACGCG"
      "GAGCTGGTGTGTTATCCATTCATGGCAGACAACTAATACG";
    return { valid, valid.substr(0, 150), valid.substr(0, 199) + "N", "", "acgt", valid };
  }
  if (domain == "text")
    return { "fast JSON parser", "a JSON parser, fast", "", "line\nbreak", "parser", "fast" };
  return { "0101010101010101", "1111000011110000", "01", "x", "", "0011001100110011" };
}

/// What the samples are judged against, for conditional domains (the others ignore it).
std::vector<SampleContext>
someContexts(std::size_t count)
{
  return std::vector<SampleContext>(
    count,
    SampleContext{
      "c", "", { { "source", "A fast parser for JSON." }, { "reference", "JSON parser" } } });
}

} // namespace

class TestDomainRegistry : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void listsTheBuiltInDomainsSorted()
  {
    const auto names = availableDomains();
    QVERIFY(std::is_sorted(names.begin(), names.end()));
    for (const char* name : { "dna", "molecules", "text", "toy" })
      QVERIFY2(std::find(names.begin(), names.end(), name) != names.end(), name);
    QCOMPARE(domainInfo("toy")->title, std::string("Toy bit strings"));
    QVERIFY(!domainInfo("no-such-domain"));
  }

  void anUnknownNameListsTheKnownOnes()
  {
    try {
      makeDomain("proteins");
      QFAIL("an unknown domain was made");
    } catch (const std::invalid_argument& e) {
      const std::string what = e.what();
      QVERIFY2(what.find("proteins") != std::string::npos, e.what());
      QVERIFY2(what.find("molecules") != std::string::npos, e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeDomain("toy", nlohmann::json::array()));
  }

  void eachDomainParsesItsOwnOptions()
  {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             makeDomain("toy", nlohmann::json{ { "length", 1 } }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             makeDomain("toy", nlohmann::json{ { "prompted", "yes" } }));
    QVERIFY(makeDomain("toy", nlohmann::json{ { "prompted", true } })->isConditional());
    QVERIFY(!makeDomain("toy")->isConditional());
  }

  // The trainer scores on its thread while a slider re-merge scores on another:
  // every domain's const members must be safe to call at once.
  void everyDomainScoresConcurrentlyAsItDoesSerially_data()
  {
    QTest::addColumn<QString>("name");
    for (const auto& name : availableDomains())
      QTest::newRow(name.c_str()) << QString::fromStdString(name);
  }

  void everyDomainScoresConcurrentlyAsItDoesSerially()
  {
    QFETCH(QString, name);
    const auto domain = makeDomain(name.toStdString());
    std::vector<std::string> objectives;
    for (const auto& objective : domain->objectives())
      // xTB has a test of its own; the prior's judgement (fluency) needs a model.
      if (objective.name != "gap" && objective.name != "energy" && objective.name != "alpha" &&
          !domain->needsPrior(objective.name))
        objectives.push_back(objective.name);
    const auto samples = someSamples(name.toStdString());
    const auto contexts =
      domain->isConditional() ? someContexts(samples.size()) : std::vector<SampleContext>{};
    const auto serial = domain->score(samples, contexts, objectives);
    std::vector<std::vector<std::vector<double>>> results(4);
    std::vector<std::thread> threads;
    for (auto& result : results)
      threads.emplace_back([&] {
        for (int repeat = 0; repeat < 20; ++repeat)
          result = domain->score(samples, contexts, objectives);
        domain->metrics(samples);
        domain->describe(samples[0]);
      });
    for (auto& thread : threads)
      thread.join();
    for (const auto& result : results)
      for (size_t i = 0; i < serial.size(); ++i)
        for (size_t j = 0; j < serial[i].size(); ++j)
          QVERIFY((std::isnan(serial[i][j]) && std::isnan(result[i][j])) ||
                  serial[i][j] == result[i][j]);
  }

  void everyDomainHasCsvAndDescribesItsSamples_data()
  {
    everyDomainScoresConcurrentlyAsItDoesSerially_data();
  }

  void everyDomainHasCsvAndDescribesItsSamples()
  {
    QFETCH(QString, name);
    const auto domain = makeDomain(name.toStdString());
    QVERIFY(domain->sampleFormat("csv")->canWrite());
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, domain->sampleFormat("docx"));
    const auto description = domain->describe(someSamples(name.toStdString())[0]);
    QVERIFY(!description.blocks.empty());
    QVERIFY(description.valid);
    QVERIFY(domain->sampleLimits().maxLength > 0);
  }

  // The prior's cache key comes from a digest of the corpus file, so the GUI
  // can compute it at once; it used to canonicalise the whole corpus.
  void thePriorCacheKeyDoesNotReadTheCorpus()
  {
    CountingMolecules domain;
    TaskConfig task;
    task.domain = "molecules";
    const auto path = priorCachePath(task, domain, "/tmp/cache");
    QCOMPARE(domain.calls, 0);
    QVERIFY(path.find("/tmp/cache/priors/molecules-") == 0);
    // Another model shape is another prior.
    task.model.embedDim = 256;
    QVERIFY(priorCachePath(task, domain, "/tmp/cache") != path);
    QCOMPARE(domain.calls, 0);
  }

  // Lines a user gives are read in bounded memory, and refused with a reason
  // when too long, not UTF-8, or binary.
  void userLinesAreCheckedAndBounded_data()
  {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("problem");
    QTest::newRow("fine, Windows line end") << QByteArray("CCO\r") << QString();
    QTest::newRow("too long") << QByteArray(20000, 'C') << "longer than the limit";
    QTest::newRow("latin-1") << QByteArray("caf\xe9") << "UTF-8";
    QTest::newRow("overlong utf-8") << QByteArray("\xc0\xaf") << "UTF-8";
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << "UTF-8";
    QTest::newRow("truncated") << QByteArray("ab\xe2\x82") << "UTF-8";
    QTest::newRow("NUL") << QByteArray("ab\0cd", 5) << "control character 0x00";
    QTest::newRow("escape") << QByteArray("ab\x1b[31m") << "control character 0x1B";
    QTest::newRow("umlaut is fine") << QByteArray("M\xc3\xbcller") << QString();
  }

  void userLinesAreCheckedAndBounded()
  {
    QFETCH(QByteArray, input);
    QFETCH(QString, problem);
    std::istringstream in(input.toStdString() + "\nnext\n");
    LineReader lines(in, 10000);
    const auto first = lines.next();
    QVERIFY(first);
    QVERIFY2(QString::fromStdString(first->problem).contains(problem) &&
               (problem.isEmpty() == first->problem.empty()),
             first->problem.c_str());
    QVERIFY(first->text.size() <= 10000);
    const auto second = lines.next(); // the reader goes on after a bad line
    QCOMPARE(second->text, std::string("next"));
    QCOMPARE(second->number, size_t(2));
    QVERIFY(!lines.next());
  }
};

QTEST_GUILESS_MAIN(TestDomainRegistry)
#include "tst_domainregistry.moc"
