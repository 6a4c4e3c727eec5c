// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/qed.h"

#include <QtTest>

#include <GraphMol/RWMol.h>
#include <GraphMol/SmilesParse/SmilesParse.h>

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

std::unique_ptr<RDKit::RWMol>
molecule(const std::string& smiles)
{
  return std::unique_ptr<RDKit::RWMol>(RDKit::SmilesToMol(smiles));
}

} // namespace

class TestQed : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void matchesRdkitPython_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<double>("expected");
    const auto rows = testing::moleculeReferences();
    QCOMPARE(rows.size(), size_t(250));
    for (size_t i = 0; i < rows.size(); ++i)
      QTest::addRow("%zu %s", i, rows[i].smiles.c_str())
        << QString::fromStdString(rows[i].smiles) << rows[i].qed;
    // The doctests of QED.qed, with the full values of RDKit 2022.09.3.
    QTest::newRow("doctest famotidine")
      << QStringLiteral("N=C(CCSCc1csc(N=C(N)N)n1)NS(N)(=O)=O") << 0.2531425773300557;
    QTest::newRow("doctest cimetidine")
      << QStringLiteral("CNC(=NCCSCc1nc[nH]c1C)NC#N") << 0.2346588097545297;
    QTest::newRow("doctest tegaserod-like")
      << QStringLiteral("CCCCCNC(=N)NN=Cc1c[nH]c2ccc(CO)cc12") << 0.2348715379670856;
  }

  void matchesRdkitPython()
  {
    QFETCH(QString, smiles);
    QFETCH(double, expected);
    const auto mol = molecule(smiles.toStdString());
    QVERIFY(mol);
    const double value = qed(*mol);
    QVERIFY2(
      std::abs(value - expected) <= 1e-6,
      qPrintable(QStringLiteral("%1 != %2").arg(value, 0, 'g', 17).arg(expected, 0, 'g', 17)));
  }

  void doctestPrefixes()
  {
    // As QED.py prints them: 0.253..., 0.234..., 0.234...
    const auto first = molecule("N=C(CCSCc1csc(N=C(N)N)n1)NS(N)(=O)=O");
    const auto second = molecule("CNC(=NCCSCc1nc[nH]c1C)NC#N");
    const auto third = molecule("CCCCCNC(=N)NN=Cc1c[nH]c2ccc(CO)cc12");
    QCOMPARE(std::floor(qed(*first) * 1000), 253.0);
    QCOMPARE(std::floor(qed(*second) * 1000), 234.0);
    QCOMPARE(std::floor(qed(*third) * 1000), 234.0);
  }

  void propertiesMatchRdkitPython_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<double>("mw");
    QTest::addColumn<double>("alogp");
    QTest::addColumn<int>("hba");
    QTest::addColumn<int>("hbd");
    QTest::addColumn<double>("psa");
    QTest::addColumn<int>("rotb");
    QTest::addColumn<int>("arom");
    QTest::addColumn<int>("alerts");
    // QED.properties() in RDKit 2022.09.3. This one is among the molecules QED.py names
    // where AROM (4) is not Lipinski's number of aromatic rings (2).
    QTest::newRow("hydroxyxanthenone")
      << QStringLiteral("OC1=C(O)C=C2C(=C1)OC3=CC(=O)C(=CC3=C2C4=CC=CC=C4)O") << 320.29999999999995
      << 3.6816000000000026 << 5 << 3 << 90.9 << 1 << 4 << 2;
    QTest::newRow("famotidine") << QStringLiteral("N=C(CCSCc1csc(N=C(N)N)n1)NS(N)(=O)=O") << 337.456
                                << -0.5583299999999989 << 6 << 5 << 173.32999999999998 << 7 << 1
                                << 3;
  }

  void propertiesMatchRdkitPython()
  {
    QFETCH(QString, smiles);
    QFETCH(double, mw);
    QFETCH(double, alogp);
    QFETCH(int, hba);
    QFETCH(int, hbd);
    QFETCH(double, psa);
    QFETCH(int, rotb);
    QFETCH(int, arom);
    QFETCH(int, alerts);
    const auto mol = molecule(smiles.toStdString());
    QVERIFY(mol);
    const auto properties = qedProperties(*mol);
    QVERIFY(std::abs(properties.mw - mw) <= 1e-9);
    QVERIFY(std::abs(properties.alogp - alogp) <= 1e-9);
    QCOMPARE(properties.hba, hba);
    QCOMPARE(properties.hbd, hbd);
    QVERIFY(std::abs(properties.psa - psa) <= 1e-9);
    QCOMPARE(properties.rotb, rotb);
    QCOMPARE(properties.arom, arom);
    QCOMPARE(properties.alerts, alerts);
    QCOMPARE(qed(properties), qed(*mol));
  }

  void removesExplicitHydrogens()
  {
    RDKit::SmilesParserParams keepHs;
    keepHs.removeHs = false;
    const auto withHs =
      std::unique_ptr<RDKit::RWMol>(RDKit::SmilesToMol("[H]OC([H])([H])c1ccccc1", keepHs));
    const auto withoutHs = molecule("OCc1ccccc1");
    QVERIFY(withHs && withoutHs);
    QCOMPARE(withHs->getNumAtoms(), 11u);
    QCOMPARE(qed(*withHs), qed(*withoutHs));
  }

  void concurrentCallsAgreeWithSerialOnes()
  {
    std::vector<std::unique_ptr<RDKit::RWMol>> mols;
    for (const auto& row : testing::moleculeReferences())
      mols.push_back(molecule(row.smiles));
    std::vector<double> serial;
    for (const auto& mol : mols)
      serial.push_back(qed(*mol));
    // Each thread scores its own copies: the shared state is the compiled SMARTS.
    constexpr int kThreads = 4;
    std::vector<std::vector<double>> parallel(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, t] {
        for (const auto& mol : mols) {
          const RDKit::ROMol copy(*mol);
          parallel[t].push_back(qed(copy));
        }
      });
    for (auto& thread : threads)
      thread.join();
    for (const auto& values : parallel)
      QCOMPARE(values, serial);
  }
};

QTEST_GUILESS_MAIN(TestQed)
#include "tst_qed.moc"
