// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/quantumproperties.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

using namespace paretolab::engine;

namespace {

// What the xtb program itself reports for a geometry.
struct ProgramReference
{
  double gapEv = std::nan("");
  double totalEnergy = std::nan(""); // Hartree
  double alpha = std::nan("");
};

double
numberAfter(const QString& line, QChar separator)
{
  const auto field = line.mid(line.indexOf(separator) + 1).trimmed();
  return field.split(QLatin1Char(' '), Qt::SkipEmptyParts).value(0).toDouble();
}

// Runs `xtb --gfn 2 --sp` on the XYZ text, in a directory of its own, and reads its summary.
ProgramReference
runXtbProgram(const std::string& xyz)
{
  ProgramReference reference;
  QTemporaryDir dir;
  if (!dir.isValid())
    return reference;
  QFile file(dir.filePath(QStringLiteral("mol.xyz")));
  if (!file.open(QIODevice::WriteOnly))
    return reference;
  file.write(xyz.data(), qint64(xyz.size()));
  file.close();

  // The comment line carries "charge=C uhf=U".
  const auto comment = QString::fromStdString(xyz).split(QLatin1Char('\n')).value(1);
  QString charge = QStringLiteral("0");
  QString unpaired = QStringLiteral("0");
  for (const auto& word : comment.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
    if (word.startsWith(QStringLiteral("charge=")))
      charge = word.mid(7);
    if (word.startsWith(QStringLiteral("uhf=")))
      unpaired = word.mid(4);
  }

  QProcess xtb;
  xtb.setWorkingDirectory(dir.path());
  auto environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
  xtb.setProcessEnvironment(environment);
  xtb.start(QStringLiteral("xtb"),
            { QStringLiteral("mol.xyz"),
              QStringLiteral("--gfn"),
              QStringLiteral("2"),
              QStringLiteral("--sp"),
              QStringLiteral("--chrg"),
              charge,
              QStringLiteral("--uhf"),
              unpaired });
  if (!xtb.waitForFinished(60000))
    return reference;
  const auto out = QString::fromUtf8(xtb.readAllStandardOutput());
  for (const auto& raw : out.split(QLatin1Char('\n'))) {
    const auto line = raw.trimmed();
    // "| HOMO-LUMO GAP   14.427375165557 eV   |" and "| TOTAL ENERGY  -5.070250039539 Eh   |"
    if (line.startsWith(QStringLiteral("| HOMO-LUMO GAP")))
      reference.gapEv = line.mid(15).trimmed().split(QLatin1Char(' ')).value(0).toDouble();
    if (line.startsWith(QStringLiteral("| TOTAL ENERGY")))
      reference.totalEnergy = line.mid(14).trimmed().split(QLatin1Char(' ')).value(0).toDouble();
    if (line.startsWith(QStringLiteral("Mol. ")) && line.contains(QStringLiteral("(0) /au")))
      reference.alpha = numberAfter(line, QLatin1Char(':'));
  }
  return reference;
}

QuantumOptions
uncached()
{
  return QuantumOptions{};
}

QuantumOptions
cachedAt(const QString& path)
{
  QuantumOptions options;
  options.cachePath = path.toStdString();
  return options;
}

} // namespace

class TestQuantumProperties : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase()
  {
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("xtb")).isEmpty(),
             "the xtb program (Debian package xtb) is needed for the polarizability");
  }

  void matchesTheXtbProgram_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<int>("heavyAtoms");
    // Gaps measured with the xtb 6.5.1 program on the ETKDGv3 + MMFF94 geometries;
    // the slack allows for another RDKit's slightly different geometry.
    QTest::addColumn<double>("expectedGap");
    QTest::newRow("water") << QStringLiteral("O") << 1 << 14.160;
    QTest::newRow("methane") << QStringLiteral("C") << 1 << 16.851;
    QTest::newRow("benzene") << QStringLiteral("c1ccccc1") << 6 << 4.826;
    QTest::newRow("ethanol") << QStringLiteral("CCO") << 3 << 12.526;
    QTest::newRow("formaldehyde") << QStringLiteral("C=O") << 2 << 3.410;
    QTest::newRow("acetate") << QStringLiteral("CC(=O)[O-]") << 4 << 5.029;
    QTest::newRow("methyl radical") << QStringLiteral("[CH3]") << 1 << 11.852;
  }

  void matchesTheXtbProgram()
  {
    QFETCH(QString, smiles);
    QFETCH(int, heavyAtoms);
    QFETCH(double, expectedGap);
    QuantumCalculator calculator(uncached());
    const auto result = calculator.compute(smiles.toStdString());
    QVERIFY2(result.ok, result.failure.c_str());
    QVERIFY(result.failure.empty());
    QVERIFY(std::isfinite(result.gapEv));
    QVERIFY2(result.gapEv > 3.0 && result.gapEv < 20.0, qPrintable(QString::number(result.gapEv)));
    QVERIFY(std::abs(result.gapEv - expectedGap) < 0.15);
    // GFN2 energies are a few Hartree per heavy atom with its hydrogens.
    QVERIFY2(result.energyPerHeavyAtom < -2.0 && result.energyPerHeavyAtom > -6.0,
             qPrintable(QString::number(result.energyPerHeavyAtom)));
    QVERIFY(result.alpha > 0.0);

    // The same geometry through the xtb program: the C API must agree with it.
    const auto reference = runXtbProgram(mmffGeometryXyz(smiles.toStdString()));
    QVERIFY(std::isfinite(reference.gapEv));
    QVERIFY2(std::abs(result.gapEv - reference.gapEv) < 0.05,
             qPrintable(QStringLiteral("%1 vs %2").arg(result.gapEv).arg(reference.gapEv)));
    QVERIFY2(std::abs(result.energyPerHeavyAtom * heavyAtoms - reference.totalEnergy) < 1e-5,
             qPrintable(QStringLiteral("%1 vs %2")
                          .arg(result.energyPerHeavyAtom * heavyAtoms, 0, 'f', 8)
                          .arg(reference.totalEnergy, 0, 'f', 8)));
    QVERIFY(std::abs(result.alpha - reference.alpha) < 1e-5);
  }

  void geometryIsReproducible()
  {
    QCOMPARE(mmffGeometryXyz("CCO"), mmffGeometryXyz("CCO"));
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, mmffGeometryXyz("C1CC"));
  }

  void polarizabilityGrowsWithSize()
  {
    QuantumCalculator calculator(uncached());
    const auto results = calculator.computeMany({ "O", "C", "CCO", "c1ccccc1" });
    for (const auto& result : results)
      QVERIFY2(result.ok, result.failure.c_str());
    QVERIFY(results[0].alpha < results[1].alpha); // water < methane
    QVERIFY(results[1].alpha < results[2].alpha); // methane < ethanol
    QVERIFY(results[2].alpha < results[3].alpha); // ethanol < benzene
  }

  void failuresAreReasonsNotCrashes_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unclosed ring") << QStringLiteral("C1CC") << QStringLiteral("invalid SMILES");
    QTest::newRow("words") << QStringLiteral("not a molecule") << QStringLiteral("invalid SMILES");
    QTest::newRow("pentavalent carbon")
      << QStringLiteral("C(C)(C)(C)(C)C") << QStringLiteral("valence");
    QTest::newRow("empty") << QString() << QStringLiteral("no atoms");
    QTest::newRow("salt") << QStringLiteral("[Na+].[Cl-]") << QStringLiteral("fragments");
    QTest::newRow("boron") << QStringLiteral("CB(C)C") << QStringLiteral("MMFF94");
    QTest::newRow("uranium") << QStringLiteral("[U]") << QStringLiteral("unsupported element");
    QTest::newRow("dummy atom") << QStringLiteral("*C") << QStringLiteral("unsupported element");
    QTest::newRow("hydrogen") << QStringLiteral("[H][H]") << QStringLiteral("no heavy atoms");
  }

  void failuresAreReasonsNotCrashes()
  {
    QFETCH(QString, smiles);
    QFETCH(QString, reason);
    QuantumCalculator calculator(uncached());
    const auto result = calculator.compute(smiles.toStdString());
    QVERIFY(!result.ok);
    const auto failure = QString::fromStdString(result.failure);
    QVERIFY2(failure.contains(reason), qPrintable(failure));
    QVERIFY(std::isnan(result.gapEv));
    QVERIFY(std::isnan(result.energyPerHeavyAtom));
    QVERIFY(std::isnan(result.alpha));
  }

  void cacheIsHitAndSurvivesReopening()
  {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto path = dir.filePath(QStringLiteral("quantum.sqlite"));
    QuantumResult first;
    {
      QuantumCalculator calculator(cachedAt(path));
      first = calculator.compute("CCO");
      QVERIFY2(first.ok, first.failure.c_str());
      QCOMPARE(calculator.computed(), size_t(1));
      QCOMPARE(calculator.cacheHits(), size_t(0));
      QVERIFY(QFile::exists(path + QStringLiteral("-wal"))); // WAL mode

      // Another spelling of the same molecule: keyed by canonical SMILES.
      const auto again = calculator.compute("OCC");
      QCOMPARE(calculator.computed(), size_t(1));
      QCOMPARE(calculator.cacheHits(), size_t(1));
      QCOMPARE(again.gapEv, first.gapEv);
      QCOMPARE(again.energyPerHeavyAtom, first.energyPerHeavyAtom);
      QCOMPARE(again.alpha, first.alpha);

      // A molecule that fails is cached too, with its reason.
      const auto boron = calculator.compute("CB(C)C");
      QVERIFY(!boron.ok);
      QCOMPARE(calculator.computed(), size_t(2));
      const auto boronAgain = calculator.compute("CB(C)C");
      QCOMPARE(calculator.computed(), size_t(2));
      QCOMPARE(calculator.cacheHits(), size_t(2));
      QVERIFY(!boronAgain.ok);
      QCOMPARE(boronAgain.failure, boron.failure);
    }
    QuantumCalculator reopened(cachedAt(path));
    const auto later = reopened.compute("CCO");
    QCOMPARE(reopened.computed(), size_t(0));
    QCOMPARE(reopened.cacheHits(), size_t(1));
    QVERIFY(later.ok);
    QCOMPARE(later.gapEv, first.gapEv);
    QCOMPARE(later.energyPerHeavyAtom, first.energyPerHeavyAtom);
    QCOMPARE(later.alpha, first.alpha);
  }

  void rowWithoutAlphaIsRecomputedWhenAlphaIsWanted()
  {
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("quantum.sqlite"));
    {
      auto options = cachedAt(path);
      options.computeAlpha = false;
      QuantumCalculator calculator(options);
      const auto result = calculator.compute("C");
      QVERIFY(result.ok);
      QVERIFY(std::isnan(result.alpha));
    }
    QuantumCalculator calculator(cachedAt(path));
    const auto result = calculator.compute("C");
    QCOMPARE(calculator.computed(), size_t(1));
    QVERIFY(result.alpha > 0.0);
    calculator.compute("C");
    QCOMPARE(calculator.cacheHits(), size_t(1));
  }

  void computeManyKeepsInputOrder()
  {
    const std::vector<std::string> smiles = { "c1ccccc1", "O", "C1CC", "CCO", "C", "O", "C=O" };
    auto options = uncached();
    options.threads = 2;
    QuantumCalculator parallel(options);
    const auto results = parallel.computeMany(smiles);
    QCOMPARE(results.size(), smiles.size());
    QCOMPARE(parallel.computed(), size_t(6)); // the repeated water is computed once

    QuantumCalculator serial(uncached());
    for (size_t i = 0; i < smiles.size(); ++i) {
      const auto expected = serial.compute(smiles[i]);
      QCOMPARE(results[i].ok, expected.ok);
      QCOMPARE(results[i].failure, expected.failure);
      if (expected.ok) {
        QVERIFY(std::abs(results[i].gapEv - expected.gapEv) < 1e-9);
        QVERIFY(std::abs(results[i].energyPerHeavyAtom - expected.energyPerHeavyAtom) < 1e-9);
        QVERIFY(std::abs(results[i].alpha - expected.alpha) < 1e-9);
      }
    }
    QVERIFY(parallel.computeMany({}).empty());
  }

  void tinyBudgetTimesOutAndIsNotCached()
  {
    QTemporaryDir dir;
    const auto path = dir.filePath(QStringLiteral("quantum.sqlite"));
    {
      auto options = cachedAt(path);
      options.timeoutSeconds = 0.001;
      QuantumCalculator calculator(options);
      const auto result = calculator.compute("c1ccccc1");
      QVERIFY(!result.ok);
      QVERIFY2(QString::fromStdString(result.failure).contains(QStringLiteral("timeout")),
               result.failure.c_str());
    }
    // A timeout says nothing about the molecule: with time, it is computed, not replayed.
    QuantumCalculator calculator(cachedAt(path));
    const auto result = calculator.compute("c1ccccc1");
    QCOMPARE(calculator.computed(), size_t(1));
    QVERIFY2(result.ok, result.failure.c_str());
  }

  void hungProgramIsKilledAndItsDirectoryRemoved()
  {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto script = dir.filePath(QStringLiteral("fake-xtb"));
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexec sleep 30\n");
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const auto scratch = dir.filePath(QStringLiteral("tmp"));
    QVERIFY(QDir().mkpath(scratch));

    const auto oldTmp = qgetenv("TMPDIR");
    qputenv("TMPDIR", scratch.toLocal8Bit());
    auto options = uncached();
    options.xtbProgram = script.toStdString();
    options.timeoutSeconds = 1.0;
    QuantumCalculator calculator(options);
    const auto start = std::chrono::steady_clock::now();
    const auto result = calculator.compute("C");
    const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (oldTmp.isNull())
      qunsetenv("TMPDIR");
    else
      qputenv("TMPDIR", oldTmp);

    QVERIFY(!result.ok);
    const auto failure = QString::fromStdString(result.failure);
    QVERIFY2(failure.contains(QStringLiteral("timeout")), qPrintable(failure));
    QVERIFY2(failure.contains(QStringLiteral("killed")), qPrintable(failure));
    QVERIFY2(seconds < 5.0, qPrintable(QString::number(seconds)));
    QVERIFY(QDir(scratch).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden));
  }

  void missingProgramIsAReason()
  {
    auto options = uncached();
    options.xtbProgram = "/nonexistent/xtb";
    QuantumCalculator calculator(options);
    const auto result = calculator.compute("C");
    QVERIFY(!result.ok);
    QVERIFY2(QString::fromStdString(result.failure).contains(QStringLiteral("/nonexistent/xtb")),
             result.failure.c_str());

    // Without α the program is not needed.
    options.computeAlpha = false;
    QuantumCalculator withoutAlpha(options);
    const auto gapOnly = withoutAlpha.compute("C");
    QVERIFY2(gapOnly.ok, gapOnly.failure.c_str());
    QVERIFY(std::isnan(gapOnly.alpha));
  }

  void badCacheFileThrowsNamingThePath_data()
  {
    QTest::addColumn<bool>("garbage");
    QTest::newRow("corrupt file") << true;
    QTest::newRow("missing folder") << false;
  }

  void badCacheFileThrowsNamingThePath()
  {
    QFETCH(bool, garbage);
    QTemporaryDir dir;
    auto path = dir.filePath(QStringLiteral("quantum.sqlite"));
    if (garbage) {
      QFile file(path);
      QVERIFY(file.open(QIODevice::WriteOnly));
      for (int i = 0; i < 200; ++i)
        file.write("this is not an SQLite database, just garbage\n");
    } else {
      path = dir.filePath(QStringLiteral("no/such/folder/quantum.sqlite"));
    }
    try {
      QuantumCalculator calculator(cachedAt(path));
      QFAIL("a bad cache file was accepted");
    } catch (const std::runtime_error& error) {
      const auto what = QString::fromUtf8(error.what());
      QVERIFY2(what.contains(path), qPrintable(what));
    }
  }
};

QTEST_GUILESS_MAIN(TestQuantumProperties)
#include "tst_quantumproperties.moc"
