// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/runtime.h"

#include <QtTest>

using namespace paretolab::engine;

class TestRuntime : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void reportsLinkedLibraryVersions()
  {
    const auto info = runtimeInfo();
    QCOMPARE(QString::fromStdString(info.paretolab), QStringLiteral(PARETOLAB_TEST_VERSION));
    // Debian 12 ships LibTorch 1.13 and RDKit 2022.09; the strings come from the
    // linked libraries, so this also proves both are linked and loadable.
    QVERIFY(QString::fromStdString(info.torch)
              .contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+"))));
    QVERIFY(QString::fromStdString(info.rdkit)
              .contains(QRegularExpression(QStringLiteral("^20\\d\\d\\.\\d\\d"))));
  }

  void setsComputeThreads()
  {
    setComputeThreads(2);
    QCOMPARE(runtimeInfo().computeThreads, 2);
    setComputeThreads(1);
    QCOMPARE(runtimeInfo().computeThreads, 1);
    setComputeThreads(0); // all cores
    QVERIFY(runtimeInfo().computeThreads >= 1);
  }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
