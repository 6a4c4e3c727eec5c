// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/atomicfile.h"
#include "core/torcharchive.h"
#include "model/checkpoint.h"
#include "model/parameters.h"
#include "model/policystate.h"
#include "train/roundcheckpoint.h"

#include <QtTest>

#include <fstream>
#include <sstream>

using namespace paretolab::engine;

namespace {

Policy
smallPolicy(int64_t width = 16)
{
  torch::manual_seed(3);
  return Policy(GptOptions{ .contextLength = 12, .embedDim = width, .layers = 1, .heads = 2 },
                Tokenizer::fit(TokenizerSpec{ "characters" }, { "0110", "abc" }));
}

void
writeBytes(const QString& path, const std::string& bytes)
{
  std::ofstream(path.toStdString(), std::ios::binary) << bytes;
}

} // namespace

class TestCheckpoint : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void init() { QVERIFY(m_dir.isValid()); }

  void roundTripIsBitIdentical()
  {
    const auto policy = smallPolicy();
    const nlohmann::json config{ { "epochs", 3 }, { "note", "round trip" } };
    const std::string optimizerState = "optimizer bytes \x01\x02";
    const auto path = m_dir.filePath(QStringLiteral("a.plckpt")).toStdString();
    savePolicyCheckpoint(path, policy, config, optimizerState);

    const auto loaded = loadPolicyCheckpoint(path);
    QVERIFY(loaded.policy.tokenizer() == policy.tokenizer());
    QCOMPARE(loaded.config, config);
    QCOMPARE(loaded.optimizerState, optimizerState);
    const auto before = snapshotParameters(*policy.state().model);
    const auto after = snapshotParameters(*loaded.policy.state().model);
    QCOMPARE(after.size(), before.size());
    for (size_t i = 0; i < before.size(); ++i)
      QVERIFY(torch::equal(before[i], after[i]));

    // Saving what was loaded gives the same file, byte for byte.
    const auto again = m_dir.filePath(QStringLiteral("b.plckpt")).toStdString();
    savePolicyCheckpoint(again, loaded.policy, loaded.config, loaded.optimizerState);
    QVERIFY(readFile(path) == readFile(again));
  }

  void rejectsDamagedFiles_data()
  {
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << QStringLiteral("missing") << QStringLiteral("cannot open");
    QTest::newRow("empty file") << QStringLiteral("empty") << QStringLiteral("bad magic");
    QTest::newRow("foreign file") << QStringLiteral("foreign") << QStringLiteral("bad magic");
    QTest::newRow("truncated payload") << QStringLiteral("truncate") << QStringLiteral("truncated");
    QTest::newRow("truncated header")
      << QStringLiteral("truncate-header") << QStringLiteral("truncated");
    QTest::newRow("flipped byte") << QStringLiteral("flip") << QStringLiteral("checksum");
    QTest::newRow("newer format") << QStringLiteral("version") << QStringLiteral("newer ParetoLab");
    QTest::newRow("trailing bytes") << QStringLiteral("append") << QStringLiteral("trailing");
    QTest::newRow("shape in header differs from weights")
      << QStringLiteral("shape") << QStringLiteral("shape");
    // A hostile header: a model of 10^12 float parameters (4 TB) over a small
    // payload is refused before anything is allocated.
    QTest::newRow("header claims a 4 TB model")
      << QStringLiteral("huge") << QStringLiteral("cannot hold");
  }

  void rejectsDamagedFiles()
  {
    QFETCH(QString, damage);
    QFETCH(QString, message);
    const auto good = m_dir.filePath(QStringLiteral("good.plckpt"));
    savePolicyCheckpoint(good.toStdString(), smallPolicy(), nlohmann::json::object());
    auto bytes = readFile(good.toStdString());
    const auto bad = m_dir.filePath(QStringLiteral("bad-%1.plckpt").arg(damage));
    if (damage == QStringLiteral("empty"))
      writeBytes(bad, "");
    else if (damage == QStringLiteral("foreign"))
      writeBytes(bad, "PK\x03\x04 this is a zip file, not a checkpoint");
    else if (damage == QStringLiteral("truncate"))
      writeBytes(bad, bytes.substr(0, bytes.size() - 100));
    else if (damage == QStringLiteral("truncate-header"))
      writeBytes(bad, bytes.substr(0, 40));
    else if (damage == QStringLiteral("flip")) {
      bytes[bytes.size() - 50] ^= 0x40;
      writeBytes(bad, bytes);
    } else if (damage == QStringLiteral("version")) {
      bytes[8] = 9;
      writeBytes(bad, bytes);
    } else if (damage == QStringLiteral("append"))
      writeBytes(bad, bytes + "xyz");
    else if (damage == QStringLiteral("shape")) {
      // Weights of a width-16 model under a header that claims width 32.
      const auto wide = m_dir.filePath(QStringLiteral("wide.plckpt"));
      savePolicyCheckpoint(wide.toStdString(), smallPolicy(32), nlohmann::json::object());
      auto wideBytes = readFile(wide.toStdString());
      const auto headerLength = [](const std::string& b) {
        uint64_t n = 0;
        for (int i = 0; i < 8; ++i)
          n |= uint64_t(uint8_t(b[12 + i])) << (8 * i);
        return n;
      };
      writeBytes(bad,
                 wideBytes.substr(0, 20 + headerLength(wideBytes)) +
                   bytes.substr(20 + headerLength(bytes)));
    } else if (damage == QStringLiteral("huge")) {
      uint64_t length = 0;
      for (int i = 0; i < 8; ++i)
        length |= uint64_t(uint8_t(bytes[12 + i])) << (8 * i);
      auto header = nlohmann::json::parse(bytes.substr(20, length));
      header["gpt"]["embed_dim"] = 1000000;
      header["gpt"]["layers"] = 1000;
      const auto text = header.dump();
      std::string stated;
      for (int i = 0; i < 8; ++i)
        stated += char((uint64_t(text.size()) >> (8 * i)) & 0xff);
      writeBytes(bad, bytes.substr(0, 12) + stated + text + bytes.substr(20 + length));
    }
    try {
      loadPolicyCheckpoint(bad.toStdString());
      QFAIL("a damaged checkpoint loaded");
    } catch (const CheckpointError& e) {
      const QString what = QString::fromUtf8(e.what());
      QVERIFY2(what.contains(message), qPrintable(what));
      QVERIFY2(what.contains(bad), qPrintable(what)); // names the file
    }
  }

  // LibTorch allocates whatever size an archive entry states: a hostile
  // archive is refused before LibTorch reads it.
  void refusesArchiveEntriesLargerThanTheArchive()
  {
    std::ostringstream out;
    torch::save(torch::arange(64), out);
    std::string archive = out.str();
    checkTorchArchive(archive); // a real archive passes

    // The first central directory entry's uncompressed size, set to 4 GB.
    const auto entry = archive.find("PK\x01\x02");
    QVERIFY(entry != std::string::npos);
    for (int i = 0; i < 4; ++i)
      archive[entry + 24 + i] = char(0xf0 | (i > 0 ? 0x0f : 0));
    QString message;
    try {
      checkTorchArchive(archive);
    } catch (const TorchArchiveError& e) {
      message = QString::fromStdString(e.what());
    }
    QVERIFY2(message.contains(QStringLiteral("states 4294967280 bytes, more than the archive")),
             qPrintable(message));

    QCOMPARE(QString::fromStdString([&] {
               try {
                 checkTorchArchive("not a zip archive at all, just text");
               } catch (const TorchArchiveError& e) {
                 return std::string(e.what());
               }
               return std::string();
             }()),
             QStringLiteral("it has no ZIP directory (not a LibTorch archive, or truncated)"));
  }

  // The round checkpoints scripts/fuzz found: a pickle that asked LibTorch
  // for a memo of 20 GB, and module source that crashed LibTorch's parser.
  // Each is a CheckpointError now, before LibTorch sees it.
  void refusesTheFuzzedRoundCheckpoints_data()
  {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("reason");
    QTest::newRow("20 GB memo") << QStringLiteral("pickle-record-of-20-gb")
                                << QStringLiteral(
                                     "its pickle \"archive/data.pkl\" asks for a memo of");
    QTest::newRow("crashing source")
      << QStringLiteral("torchscript-source-that-crashes-libtorch")
      << QStringLiteral("its module source \"archive/code/__torch__.py\" has a line (2)");
  }

  void refusesTheFuzzedRoundCheckpoints()
  {
    QFETCH(QString, input);
    QFETCH(QString, reason);
    const auto bytes = readFile(
      PARETOLAB_SOURCE_DIR "/tests/fuzz/regressions/fuzz_roundcheckpoint/" + input.toStdString());
    const auto path = m_dir.filePath(QStringLiteral("round-1.plround")).toStdString();
    writeBytes(QString::fromStdString(path), bytes.substr(1)); // the first byte is the target's
    QString message;
    try {
      readRoundCheckpoint(path, 3, 3, true, false);
    } catch (const CheckpointError& e) {
      message = QString::fromStdString(e.what());
    }
    QVERIFY2(message.contains(reason), qPrintable(message));
  }

  void atomicWriteLeavesNoTemporaryFiles()
  {
    const auto path = m_dir.filePath(QStringLiteral("nested/dir/file.bin")).toStdString();
    writeFileAtomically(path, "first");
    writeFileAtomically(path, "second");
    QCOMPARE(readFile(path), std::string("second"));
    QCOMPARE(QDir(m_dir.filePath(QStringLiteral("nested/dir")))
               .entryList(QDir::Files | QDir::Hidden)
               .size(),
             1);
  }

private:
  QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
