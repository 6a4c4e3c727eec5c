// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/sascore.h"

#include <QtTest>

#include <GraphMol/RWMol.h>
#include <GraphMol/SmilesParse/SmilesParse.h>
#include <zlib.h>

#include <cmath>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/moleculereference.h"

using namespace paretolab::engine;

namespace {

// Shipped with python3-rdkit next to sascorer.py: header, then smiles<TAB>name<TAB>score.
const char* const kZimPath = "/usr/share/RDKit/Contrib/SA_Score/data/zim.100.txt";

std::unique_ptr<RDKit::RWMol>
molecule(const std::string& smiles)
{
  return std::unique_ptr<RDKit::RWMol>(RDKit::SmilesToMol(smiles));
}

void
writeGzip(const QString& path, const std::string& text)
{
  gzFile file = gzopen(path.toLocal8Bit().constData(), "wb");
  QVERIFY(file);
  QCOMPARE(gzwrite(file, text.data(), unsigned(text.size())), int(text.size()));
  QCOMPARE(gzclose(file), Z_OK);
}

} // namespace

class TestSaScore : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void readsAllFragmentScores()
  {
    // 3,549 groups holding 705,292 distinct Morgan ids (counted in Python with
    // sascorer.readFragmentScores).
    QCOMPARE(SaScorer::shared().fragmentCount(), size_t(705292));
  }

  void matchesRdkitPython_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<double>("expected");
    const auto rows = testing::moleculeReferences();
    QCOMPARE(rows.size(), size_t(250));
    for (size_t i = 0; i < rows.size(); ++i)
      QTest::addRow("%zu %s", i, rows[i].smiles.c_str())
        << QString::fromStdString(rows[i].smiles) << rows[i].sa;
  }

  void matchesRdkitPython()
  {
    QFETCH(QString, smiles);
    QFETCH(double, expected);
    const auto mol = molecule(smiles.toStdString());
    QVERIFY(mol);
    const double value = SaScorer::shared().score(*mol);
    QVERIFY2(
      std::abs(value - expected) <= 1e-6,
      qPrintable(QStringLiteral("%1 != %2").arg(value, 0, 'g', 17).arg(expected, 0, 'g', 17)));
  }

  void matchesPublishedZincScores_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<double>("expected");
    std::ifstream in(kZimPath);
    QVERIFY2(in, kZimPath);
    std::string line;
    std::getline(in, line); // smiles, Name, sa_score
    int count = 0;
    while (std::getline(in, line)) {
      std::stringstream fields(line);
      std::string smiles, name, score;
      std::getline(fields, smiles, '\t');
      std::getline(fields, name, '\t');
      std::getline(fields, score, '\t');
      QTest::newRow(name.c_str()) << QString::fromStdString(smiles) << std::stod(score);
      ++count;
    }
    QCOMPARE(count, 100);
  }

  void matchesPublishedZincScores()
  {
    QFETCH(QString, smiles);
    QFETCH(double, expected);
    const auto mol = molecule(smiles.toStdString());
    QVERIFY(mol);
    // The file lists three decimals; UnitTestSAScore.py checks assertAlmostEqual(places=3).
    const double value = SaScorer::shared().score(*mol);
    QVERIFY2(std::abs(value - expected) <= 0.0005 + 1e-9,
             qPrintable(QStringLiteral("%1 != %2").arg(value, 0, 'g', 17).arg(expected)));
  }

  void coversPenaltiesAndScaleEnds_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<double>("expected");
    // sascorer.calculateScore in RDKit 2022.09.3.
    QTest::newRow("single atom") << QStringLiteral("C") << 7.3284153846153846;
    QTest::newRow("clamped to 1") << QStringLiteral("C1CCCCCCCCCCC1") << 1.0;
    QTest::newRow("macrocycle") << QStringLiteral("O=C1CCCCCCCCCC(Cl)C(=O)N1[Se]C")
                                << 3.9458252601383235;
    QTest::newRow("bridgeheads") << QStringLiteral("CC12CC3(C)CC(C)(C1)CC(C)(C2)C3")
                                 << 3.9652637506555433;
    QTest::newRow("stereo centres")
      << QStringLiteral("C1(Cl)(Br)C(I)(F)C(Cl)(Br)C(I)(F)C(Cl)(Br)C1(I)F") << 4.832938379537172;
    QTest::newRow("smoothed above 8")
      << QStringLiteral("[Se]1[Te][As]2[Sb]1[Bi]2") << 8.252400694848092;
    QTest::newRow("300 atoms, density correction")
      << QString(300, QLatin1Char('C')) << 9.043467966224263;
    QTest::newRow("clamped to 10") << QStringLiteral("[Se]").repeated(300) << 10.0;
  }

  void coversPenaltiesAndScaleEnds()
  {
    QFETCH(QString, smiles);
    QFETCH(double, expected);
    const auto mol = molecule(smiles.toStdString());
    QVERIFY(mol);
    const double value = SaScorer::shared().score(*mol);
    QVERIFY2(
      std::abs(value - expected) <= 1e-12,
      qPrintable(QStringLiteral("%1 != %2").arg(value, 0, 'g', 17).arg(expected, 0, 'g', 17)));
  }

  void leavesTheMoleculeUnchanged()
  {
    // sascorer.py assigns stereochemistry on its argument; the port works on a copy.
    // Parsing already assigns stereochemistry: drop its computed properties (_CIPRank), which
    // a stereo perception on this molecule would add back.
    const auto mol = molecule("CC1CCC(C)CC1C(F)(Cl)Br");
    mol->clearComputedProps(/*includeRings=*/false);
    const auto atomProperties = [&] {
      std::vector<std::vector<std::string>> lists;
      for (const auto* atom : mol->atoms())
        lists.push_back(atom->getPropList(true, true));
      return lists;
    };
    const auto before = atomProperties();
    const double first = SaScorer::shared().score(*mol);
    QCOMPARE(atomProperties(), before);
    QCOMPARE(SaScorer::shared().score(*mol), first);
  }

  void rejectsAnEmptyMolecule()
  {
    const RDKit::RWMol empty;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SaScorer::shared().score(empty));
  }

  void failsOnAMissingFile()
  {
    const std::string path = "/nonexistent/fpscores.pkl.gz";
    try {
      SaScorer scorer(path);
      QFAIL("no exception");
    } catch (const std::runtime_error& error) {
      QVERIFY2(std::string(error.what()).find(path) != std::string::npos, error.what());
    }
  }

  void failsOnACorruptFile_data()
  {
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not a pickle") << QByteArray("hello\n");
    QTest::newRow("truncated") << QByteArray("(lp0\n(lp1\nF-2.8254\naI91016396");
    QTest::newRow("id is a float") << QByteArray("(lp0\n(lp1\nF1.5\naF2.5\naa.");
  }

  void failsOnACorruptFile()
  {
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fpscores.pkl.gz"));
    writeGzip(path, contents.toStdString());
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, SaScorer(path.toStdString()));
  }

  void laterAssignmentsWin()
  {
    // Like the dict in readFragmentScores: methane's only Morgan id, 2246733040, first scores
    // 1.5 and then -0.25. sascorer.py gives methane 4.423076923076923 with {id: -0.25} and 2.0
    // with {id: 1.5}.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fpscores.pkl.gz"));
    writeGzip(path, "(lp0\n(lp1\nF1.5\naI2246733040\naL8L\naa(lp2\nF-0.25\naI2246733040\naa.");
    const SaScorer scorer(path.toStdString());
    QCOMPARE(scorer.fragmentCount(), size_t(2));
    QCOMPARE(scorer.score(*molecule("C")), 4.423076923076923);
  }

  void concurrentCallsAgreeWithSerialOnes()
  {
    std::vector<std::unique_ptr<RDKit::RWMol>> mols;
    for (const auto& row : testing::moleculeReferences())
      mols.push_back(molecule(row.smiles));
    const SaScorer& scorer = SaScorer::shared();
    std::vector<double> serial;
    for (const auto& mol : mols)
      serial.push_back(scorer.score(*mol));
    constexpr int kThreads = 4;
    std::vector<std::vector<double>> parallel(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        for (const auto& mol : mols)
          parallel[t].push_back(scorer.score(*mol));
      });
    for (auto& thread : threads)
      thread.join();
    for (const auto& values : parallel)
      QCOMPARE(values, serial);
  }
};

QTEST_GUILESS_MAIN(TestSaScore)
#include "tst_sascore.moc"
