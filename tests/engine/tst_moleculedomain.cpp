// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/domainregistry.h"
#include "domains/molecules/depiction.h"
#include "domains/molecules/moleculedomain.h"
#include "domains/molecules/moleculeformats.h"

#include <GraphMol/FileParsers/MolSupplier.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

#include "support/moleculereference.h"

using namespace paretolab::engine;

namespace {

MoleculeDomain&
domain()
{
  static MoleculeDomain shared;
  return shared;
}

} // namespace

class TestMoleculeDomain : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  // The cleaned corpus is kept, read back as it was, and rebuilt when the kept copy is cut short.
  void theCleanedCorpusIsKeptBetweenRuns()
  {
    QTemporaryDir dir;
    const auto cache = dir.filePath(QStringLiteral("corpus.smi")).toStdString();
    CorpusReport first, second, third;
    const std::vector<std::string> nci{ kNciCorpusPath };
    const CorpusFilter filter{ .maxLength = 100 };
    const auto read = loadMoleculeCorpusCached(nci, filter, cache, &first);
    QVERIFY(QFile::exists(QString::fromStdString(cache)));
    const auto kept = loadMoleculeCorpusCached(nci, filter, cache, &second);
    QCOMPARE(kept, read);
    QCOMPARE(second.kept, first.kept);
    QCOMPARE(second.duplicates, first.duplicates);
    QCOMPARE(second.multiComponent, first.multiComponent);
    QFile file(QString::fromStdString(cache));
    QVERIFY(file.resize(file.size() / 2));
    QCOMPARE(loadMoleculeCorpusCached(nci, filter, cache, &third), read);
    QCOMPARE(third.lines, first.lines);
  }

  // The QM9-style corpus: small molecules of C, N, O and F only, from several files.
  void keepsSmallMoleculesOfChosenElements()
  {
    const auto made = makeDomain("molecules",
                                 nlohmann::json{ { "corpus", { "nci", kNciCorpusPath } },
                                                 { "max_heavy_atoms", 9 },
                                                 { "elements", "C,N,O,F" } });
    const auto& molecules = dynamic_cast<const MoleculeDomain&>(*made);
    const auto corpus = molecules.corpus();
    const auto report = molecules.corpusReport();
    qInfo("%s", molecules.describeCorpus().c_str());
    QVERIFY(corpus.size() > 50);
    QCOMPARE(report.kept, corpus.size());
    QVERIFY(report.duplicates >= report.kept); // the second file repeats the first
    QVERIFY(report.filtered > 4000);
    for (const auto& smiles : corpus) {
      std::unique_ptr<RDKit::ROMol> mol(RDKit::SmilesToMol(smiles));
      QVERIFY(mol->getNumHeavyAtoms() <= 9);
      for (const auto* atom : mol->atoms())
        QVERIFY2(QStringLiteral("CNOF").contains(QString::fromStdString(atom->getSymbol())),
                 smiles.c_str());
    }
  }

  void cleansTheNciCorpus()
  {
    const auto corpus = domain().corpus();
    const auto report = domain().corpusReport();
    qInfo(
      "NCI: %zu lines, kept %zu, invalid %zu, multi-component %zu, too long %zu, duplicates %zu",
      report.lines,
      report.kept,
      report.invalid,
      report.multiComponent,
      report.tooLong,
      report.duplicates);
    QCOMPARE(report.lines, size_t(4999));
    QCOMPARE(report.kept, corpus.size());
    QCOMPARE(report.kept + report.invalid + report.multiComponent + report.tooLong +
               report.duplicates,
             report.lines);
    QVERIFY(report.kept > 4000);
    QVERIFY(report.multiComponent > 0);
    for (const auto& smiles : corpus) {
      QVERIFY(smiles.size() <= 100);
      QVERIFY(smiles.find('.') == std::string::npos);
    }
  }

  void readsHeadersAndCrlfAndDropsWhatItMust()
  {
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("m.smi")).toStdString();
    std::ofstream(path) << "smiles\r\nOCC\r\nC(O)C\r\n[Na+].[Cl-]\r\nnot_a_smiles\r\n" +
                             std::string(120, 'C') + "\r\nc1ccccc1 benzene\r\n";
    CorpusReport report;
    const auto corpus = loadMoleculeCorpus(path, 100, &report);
    QCOMPARE(corpus, (std::vector<std::string>{ "CCO", "c1ccccc1" }));
    QCOMPARE(report.lines, size_t(6));
    QCOMPARE(report.duplicates, size_t(1));
    QCOMPARE(report.multiComponent, size_t(1));
    QCOMPARE(report.invalid, size_t(1));
    QCOMPARE(report.tooLong, size_t(1));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, loadMoleculeCorpus("/no/such.smi", 100));
  }

  void descriptorsMatchRdkitPython_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<double>("logp");
    QTest::addColumn<double>("tpsa");
    QTest::addColumn<double>("mw");
    for (const auto& row : testing::moleculeReferences())
      QTest::newRow(row.smiles.c_str())
        << QString::fromStdString(row.smiles) << row.logp << row.tpsa << row.mw;
  }

  void descriptorsMatchRdkitPython()
  {
    QFETCH(QString, smiles);
    QFETCH(double, logp);
    QFETCH(double, tpsa);
    QFETCH(double, mw);
    const auto values = domain().score({ smiles.toStdString() }, { "logp", "tpsa", "mw" });
    QVERIFY(std::abs(values[0][0] - logp) < 1e-6);
    QVERIFY(std::abs(values[0][1] - tpsa) < 1e-6);
    QVERIFY(std::abs(values[0][2] - mw) < 1e-6);
  }

  void invalidSmilesScoreNaNNeverThrow()
  {
    const std::vector<std::string> samples{ "C1CC", "c1cccc1", "", "C(C)(C)(C)(C)C", "CCO" };
    const auto values = domain().score(samples, { "qed", "sa", "logp", "tpsa", "mw", "pains" });
    for (size_t i = 0; i + 1 < samples.size(); ++i) {
      QVERIFY(!domain().isValid(samples[i]));
      for (double v : values[i])
        QVERIFY(std::isnan(v));
    }
    QVERIFY(domain().isValid("CCO"));
    for (double v : values.back())
      QVERIFY(!std::isnan(v));
  }

  void countsPainsAlerts()
  {
    // A rhodanine-like ene (PAINS A "ene_rhod") against ethanol.
    const auto values = domain().score({ "CCO", "O=C1NC(=S)SC1=Cc1ccccc1" }, { "pains" });
    QCOMPARE(values[0][0], 0.0);
    QVERIFY(values[1][0] >= 1.0);
  }

  void metricsOfABatch()
  {
    const std::vector<std::string> samples{ "CCO",  "OCC", "c1ccccc1", "CC(=O)Nc1ccc(O)cc1",
                                            "C1CC", "xyz" };
    const auto metrics = domain().metrics(samples);
    QCOMPARE(metrics.at("validity"), 4.0 / 6.0);
    QCOMPARE(metrics.at("uniqueness"), 3.0 / 4.0);
    QVERIFY(metrics.at("novelty") >= 0.0 && metrics.at("novelty") <= 1.0);
    QVERIFY(metrics.at("internal_diversity") > 0.5);
    // Corpus molecules are not novel.
    const auto corpus = domain().corpus();
    QCOMPARE(domain().metrics({ corpus[0], corpus[1] }).at("novelty"), 0.0);
    QCOMPARE(domain().metrics({ "CCO", "CCO" }).at("internal_diversity"), 0.0);
  }

  void rendersSvg()
  {
    const auto svg = moleculeSvg("CC(=O)Nc1ccc(O)cc1", 200, 150, "paracetamol");
    QVERIFY(svg.find("<svg") != std::string::npos);
    QVERIFY(svg.find("</svg>") != std::string::npos);
    QVERIFY(moleculeSvg("C1CC").empty());
    QCOMPARE(domain().render("OCC"), std::string("CCO"));
    QVERIFY(domain().render("C1CC").find("invalid") != std::string::npos);
  }

  void exportsSdfThatRdkitReadsBack()
  {
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("samples.sdf")).toStdString();
    const std::vector<std::string> samples{ "CCO", "C1CC", "c1ccccc1O" };
    const std::vector<std::string> names{ "qed", "logp" };
    const auto scores = domain().score(samples, names);
    SampleTable table{ .objectiveNames = names, .samples = samples, .raw = scores };
    const auto written = domain().sampleFormat("sdf")->write(table);
    QCOMPARE(written.written, size_t(2));
    QCOMPARE(written.skipped.size(), size_t(1)); // the unclosed ring
    QCOMPARE(written.skipped[0].line, size_t(2));
    QCOMPARE(written.skipped[0].reason, std::string("invalid SMILES"));
    std::ofstream(path) << written.bytes;
    RDKit::SDMolSupplier supplier(path);
    std::vector<std::string> titles;
    while (!supplier.atEnd()) {
      std::unique_ptr<RDKit::ROMol> mol(supplier.next());
      QVERIFY(mol);
      titles.push_back(mol->getProp<std::string>("_Name"));
      QVERIFY(mol->hasProp("qed"));
      const double logp = std::stod(mol->getProp<std::string>("logp"));
      const size_t row = titles.back() == "CCO" ? 0 : 2;
      QVERIFY(std::abs(logp - scores[row][1]) < 1e-8);
    }
    QCOMPARE(titles, (std::vector<std::string>{ "CCO", "c1ccccc1O" }));
  }

  void exportsCsv()
  {
    SampleTable table{ .objectiveNames = { "qed", "gap" },
                       .samples = { "CCO", "a,\"b\"" },
                       .raw = { { 0.5, std::nan("") }, { 1.0, 2.0 } } };
    const auto csv = domain().sampleFormat("x.csv")->write(table).bytes;
    QCOMPARE(csv, std::string("sample,qed,gap\nCCO,0.5,\n\"a,\"\"b\"\"\",1,2\n"));
  }

  void readsSmilesFilesWithNamesAndRefusesWhatItCannotTake()
  {
    std::istringstream in("smiles\nCCO ethanol\r\n\nc1ccccc1\n" + std::string(600, 'C') +
                          "\n\xff\xfe garbage\nC\x01C\n");
    const auto reading = domain().sampleFormat("smi")->read(in, domain().sampleLimits());
    QCOMPARE(reading.records.size(), size_t(2));
    QCOMPARE(reading.records[0].text, std::string("CCO"));
    QCOMPARE(reading.records[0].id, std::string("ethanol"));
    QCOMPARE(reading.records[1].text, std::string("c1ccccc1"));
    QCOMPARE(reading.problems.size(), size_t(3));
    QCOMPARE(reading.problems[0].line, size_t(5));
    QVERIFY(reading.problems[0].reason.find("longer than the limit of 500") != std::string::npos);
    QVERIFY(reading.problems[1].reason.find("UTF-8") != std::string::npos);
    QVERIFY(reading.problems[2].reason.find("control character") != std::string::npos);
  }

  void describesWithACanonicalTitleAndAPicture()
  {
    const auto description = domain().describe("OCC");
    QVERIFY(description.valid);
    QCOMPARE(description.title, std::string("CCO"));
    QVERIFY(description.svg.find("<svg") != std::string::npos);
    const auto invalid = domain().describe("C1CC");
    QVERIFY(!invalid.valid);
    QVERIFY(invalid.svg.empty());
    QVERIFY(!invalid.note.empty());
    QCOMPARE(domain().samplesPage(), std::string("pictures"));
  }

  void theCorpusDigestIsCheapAndFollowsTheFile()
  {
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("corpus.smi")).toStdString();
    std::ofstream(path) << "CCO\nc1ccccc1\n";
    const auto first =
      makeDomain("molecules", nlohmann::json{ { "corpus", path } })->corpusDigest();
    std::ofstream(path, std::ios::app) << "CCN\n";
    const auto second =
      makeDomain("molecules", nlohmann::json{ { "corpus", path } })->corpusDigest();
    QVERIFY(first != second);
    QCOMPARE(first.size(), size_t(16));
  }

  void registryBuildsTheDomainFromTaskOptions()
  {
    auto made =
      makeDomain("molecules", nlohmann::json{ { "corpus", "nci" }, { "max_length", 80 } });
    QCOMPARE(made->name(), std::string("molecules"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             makeDomain("molecules", nlohmann::json{ { "corpus", "/no/file" } }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             makeDomain("molecules", nlohmann::json{ { "colour", 1 } }));
  }
};

QTEST_GUILESS_MAIN(TestMoleculeDomain)
#include "tst_moleculedomain.moc"
