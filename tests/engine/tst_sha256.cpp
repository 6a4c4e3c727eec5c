// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sha256.h"

#include <QtTest>

using paretolab::engine::sha256Hex;

class TestSha256 : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  // FIPS 180-4 example vectors, plus lengths around the 55/56/64-byte padding edges
  // (reference values from coreutils' sha256sum).
  void matchesReferenceDigests_data()
  {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("digest");
    QTest::newRow("empty") << QByteArray()
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QTest::newRow("abc") << QByteArray("abc")
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    QTest::newRow("two blocks")
      << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
      << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    QTest::newRow("55 bytes") << QByteArray(55, 'a')
                              << "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318";
    QTest::newRow("64 bytes") << QByteArray(64, 'a')
                              << "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb";
  }

  void matchesReferenceDigests()
  {
    QFETCH(QByteArray, input);
    QFETCH(QString, digest);
    QCOMPARE(QString::fromStdString(sha256Hex(std::string_view(input.constData(), input.size()))),
             digest);
  }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
