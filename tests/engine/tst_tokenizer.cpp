// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/tokenizer.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

using namespace paretolab::engine;

using Ids = std::vector<int64_t>;

namespace {

QStringList
toStringList(const std::vector<std::string>& tokens)
{
  QStringList list;
  for (const auto& token : tokens)
    list << QString::fromStdString(token);
  return list;
}

std::vector<std::string>
toStdVector(const QStringList& list)
{
  std::vector<std::string> tokens;
  for (const auto& token : list)
    tokens.push_back(token.toStdString());
  return tokens;
}

// The message of the std::invalid_argument `f` throws; a null string when it throws nothing.
template<typename F>
QString
invalidArgumentMessage(F&& f)
{
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return QString::fromUtf8(e.what());
  }
  return {};
}

} // namespace

namespace {

const TokenizerSpec kCharacters{ "characters" };
const TokenizerSpec kSmiles{ "smiles-regex" };

Tokenizer
make(const TokenizerSpec& spec, std::vector<std::string> vocabulary)
{
  return Tokenizer(makeTokenSplitter(spec.kind, spec.parameters), std::move(vocabulary));
}

} // namespace

class TestTokenizer : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void smilesSplit_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("ethanol") << "CCO" << QStringList{ "C", "C", "O" };
    QTest::newRow("chlorobenzene, Cl is one token")
      << "c1ccccc1Cl" << QStringList{ "c", "1", "c", "c", "c", "c", "c", "1", "Cl" };
    QTest::newRow("Cl first") << "ClCCl" << QStringList{ "Cl", "C", "Cl" };
    QTest::newRow("bromomethane, Br is one token") << "CBr" << QStringList{ "C", "Br" };
    QTest::newRow("boron alone") << "BC" << QStringList{ "B", "C" };
    QTest::newRow("pyrrole, [nH] is one token")
      << "c1cc[nH]c1" << QStringList{ "c", "1", "c", "c", "[nH]", "c", "1" };
    QTest::newRow("alanine, [C@@H] is one token")
      << "N[C@@H](C)C(=O)O"
      << QStringList{ "N", "[C@@H]", "(", "C", ")", "C", "(", "=", "O", ")", "O" };
    QTest::newRow("%10 ring closure is one token")
      << "C%10CC%10" << QStringList{ "C", "%10", "C", "C", "%10" };
    QTest::newRow("two single-digit closures")
      << "C12CC1C2" << QStringList{ "C", "1", "2", "C", "C", "1", "C", "2" };
    QTest::newRow("double and triple bonds, branch")
      << "C=C(O)N#N" << QStringList{ "C", "=", "C", "(", "O", ")", "N", "#", "N" };
    QTest::newRow("charged bracket atoms and a dot")
      << "[Na+].[Cl-]" << QStringList{ "[Na+]", ".", "[Cl-]" };
    QTest::newRow("cis/trans bonds")
      << "F/C=C\\F" << QStringList{ "F", "/", "C", "=", "C", "\\", "F" };
    QTest::newRow("isotope in brackets") << "[13CH4]" << QStringList{ "[13CH4]" };
    QTest::newRow("aromatic heteroatoms")
      << "c1ncoc1s" << QStringList{ "c", "1", "n", "c", "o", "c", "1", "s" };
    QTest::newRow("empty") << "" << QStringList{};
  }

  void smilesSplit()
  {
    QFETCH(QString, smiles);
    QFETCH(QStringList, expected);
    const auto tokenizer = make(kSmiles, {});
    const auto tokens = tokenizer.split(smiles.toStdString());
    QCOMPARE(toStringList(tokens), expected);
  }

  void smilesSplitRejectsUncoveredText_data()
  {
    QTest::addColumn<QString>("smiles");
    QTest::addColumn<QString>("offending");

    QTest::newRow("ampersand in the middle") << "C&C"
                                             << "'&'";
    QTest::newRow("unknown element letter at the end") << "CX"
                                                       << "'X'";
    QTest::newRow("unknown letter first") << "XC"
                                          << "'X'";
    QTest::newRow("space") << "C C"
                           << "' '";
    QTest::newRow("% with one digit") << "C%1"
                                      << "'%'";
    QTest::newRow("unclosed bracket") << "C[nH"
                                      << "'['";
    QTest::newRow("lowercase l alone") << "Cl l"
                                       << "' l'";
  }

  void smilesSplitRejectsUncoveredText()
  {
    QFETCH(QString, smiles);
    QFETCH(QString, offending);
    const auto tokenizer = make(kSmiles, {});
    const auto message = invalidArgumentMessage([&] { tokenizer.split(smiles.toStdString()); });
    QVERIFY2(!message.isNull(), "no std::invalid_argument thrown");
    QVERIFY2(message.contains(offending), qPrintable(message));
    // encode() splits first, so it refuses the same text.
    const auto fitted = Tokenizer::fit(kSmiles, { "CCO" });
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fitted.encode(smiles.toStdString()));
  }

  void characterSplit_data()
  {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("bits") << "0110" << QStringList{ "0", "1", "1", "0" };
    QTest::newRow("DNA") << "ACGT" << QStringList{ "A", "C", "G", "T" };
    QTest::newRow("Cl is two characters") << "Cl" << QStringList{ "C", "l" };
    QTest::newRow("anything goes") << "a &[" << QStringList{ "a", " ", "&", "[" };
    QTest::newRow("empty") << "" << QStringList{};
  }

  void characterSplit()
  {
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const auto tokenizer = make(kCharacters, {});
    QCOMPARE(toStringList(tokenizer.split(text.toStdString())), expected);
  }

  void fitBuildsSortedVocabulary_data()
  {
    QTest::addColumn<bool>("smiles");
    QTest::addColumn<QStringList>("corpus");
    QTest::addColumn<QStringList>("expectedTokens");

    QTest::newRow("SMILES") << true << QStringList{ "CCO", "c1ccccc1Cl", "CCO" }
                            << QStringList{ "<pad>", "<bos>", "<eos>", "1", "C", "Cl", "O", "c" };
    QTest::newRow("SMILES with brackets")
      << true << QStringList{ "N[C@@H](C)C(=O)O" }
      << QStringList{ "<pad>", "<bos>", "<eos>", "(", ")", "=", "C", "N", "O", "[C@@H]" };
    QTest::newRow("bits") << false << QStringList{ "0110", "10", "111" }
                          << QStringList{ "<pad>", "<bos>", "<eos>", "0", "1" };
    QTest::newRow("characters, unsorted input")
      << false << QStringList{ "TGCA" }
      << QStringList{ "<pad>", "<bos>", "<eos>", "A", "C", "G", "T" };
    QTest::newRow("empty corpus") << false << QStringList{}
                                  << QStringList{ "<pad>", "<bos>", "<eos>" };
  }

  void fitBuildsSortedVocabulary()
  {
    QFETCH(bool, smiles);
    QFETCH(QStringList, corpus);
    QFETCH(QStringList, expectedTokens);
    const auto split = smiles ? kSmiles : kCharacters;
    const auto tokenizer = Tokenizer::fit(split, toStdVector(corpus));
    QCOMPARE(toStringList(tokenizer.tokens()), expectedTokens);
    QCOMPARE(tokenizer.vocabSize(), int64_t(expectedTokens.size()));
    QCOMPARE(tokenizer.kind(), split.kind);
    QCOMPARE(tokenizer.tokens()[Tokenizer::kPad], std::string("<pad>"));
    QCOMPARE(tokenizer.tokens()[Tokenizer::kBos], std::string("<bos>"));
    QCOMPARE(tokenizer.tokens()[Tokenizer::kEos], std::string("<eos>"));
  }

  void specialIds()
  {
    QCOMPARE(Tokenizer::kPad, int64_t(0));
    QCOMPARE(Tokenizer::kBos, int64_t(1));
    QCOMPARE(Tokenizer::kEos, int64_t(2));
  }

  void constructorRejectsBadVocabulary_data()
  {
    QTest::addColumn<QStringList>("vocabulary");

    QTest::newRow("duplicate") << QStringList{ "a", "b", "a" };
    QTest::newRow("empty token") << QStringList{ "a", "" };
    QTest::newRow("reserved <pad>") << QStringList{ "<pad>" };
    QTest::newRow("reserved <eos>") << QStringList{ "x", "<eos>" };
  }

  void constructorRejectsBadVocabulary()
  {
    QFETCH(QStringList, vocabulary);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, make(kCharacters, toStdVector(vocabulary)));
  }

  void encode_data()
  {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Ids>("expected");

    // Vocabulary of fit({"CCO", "c1ccccc1Cl"}): 1 -> 3, C -> 4, Cl -> 5, O -> 6, c -> 7.
    QTest::newRow("ethanol") << "CCO" << Ids{ 1, 4, 4, 6, 2 };
    QTest::newRow("chlorobenzene") << "c1ccccc1Cl" << Ids{ 1, 7, 3, 7, 7, 7, 7, 7, 3, 5, 2 };
    QTest::newRow("Cl then C") << "ClC" << Ids{ 1, 5, 4, 2 };
    QTest::newRow("empty") << "" << Ids{ 1, 2 };
  }

  void encode()
  {
    QFETCH(QString, text);
    QFETCH(Ids, expected);
    const auto tokenizer = Tokenizer::fit(kSmiles, { "CCO", "c1ccccc1Cl" });
    const auto ids = tokenizer.encode(text.toStdString());
    QCOMPARE(ids, expected);
    QCOMPARE(ids.front(), Tokenizer::kBos);
    QCOMPARE(ids.back(), Tokenizer::kEos);
    QCOMPARE(QString::fromStdString(tokenizer.decode(ids)), text);
  }

  void decodeInvertsEncode_data()
  {
    QTest::addColumn<bool>("smiles");
    QTest::addColumn<QStringList>("corpus");

    QTest::newRow("SMILES") << true << QStringList{ "CCO",       "c1ccccc1Cl",  "N[C@@H](C)C(=O)O",
                                                    "C%10CC%10", "[Na+].[Cl-]", "C=C(O)N#N",
                                                    "F/C=C\\F",  "CBr",         "" };
    QTest::newRow("bits") << false << QStringList{ "0110", "1111111111111111", "0", "" };
    QTest::newRow("DNA") << false << QStringList{ "ACGTTGCA", "GATTACA" };
  }

  void decodeInvertsEncode()
  {
    QFETCH(bool, smiles);
    QFETCH(QStringList, corpus);
    const auto split = smiles ? kSmiles : kCharacters;
    const auto tokenizer = Tokenizer::fit(split, toStdVector(corpus));
    for (const auto& text : corpus) {
      const auto ids = tokenizer.encode(text.toStdString());
      QCOMPARE(ids.size(), tokenizer.split(text.toStdString()).size() + 2);
      QCOMPARE(QString::fromStdString(tokenizer.decode(ids)), text);
    }
  }

  void decode_data()
  {
    QTest::addColumn<Ids>("ids");
    QTest::addColumn<QString>("expected");

    // Vocabulary of fit({"CCO", "c1ccccc1Cl"}): 1 -> 3, C -> 4, Cl -> 5, O -> 6, c -> 7.
    QTest::newRow("stops at EOS") << Ids{ 1, 4, 6, 2, 4, 4 } << "CO";
    QTest::newRow("stops at the first of two EOS") << Ids{ 1, 5, 2, 6, 2 } << "Cl";
    QTest::newRow("skips PAD and BOS") << Ids{ 0, 1, 4, 0, 1, 6, 0 } << "CO";
    QTest::newRow("no BOS, no EOS") << Ids{ 7, 3, 5 } << "c1Cl";
    QTest::newRow("EOS first") << Ids{ 2, 4, 4 } << "";
    QTest::newRow("only padding") << Ids{ 0, 0, 0 } << "";
    QTest::newRow("out-of-range ids are skipped") << Ids{ 1, -1, 4, 8, 99, 6, 2 } << "CO";
    QTest::newRow("empty") << Ids{} << "";
  }

  void decode()
  {
    QFETCH(Ids, ids);
    QFETCH(QString, expected);
    const auto tokenizer = Tokenizer::fit(kSmiles, { "CCO", "c1ccccc1Cl" });
    QCOMPARE(tokenizer.vocabSize(), int64_t(8));
    QCOMPARE(QString::fromStdString(tokenizer.decode(ids)), expected);
  }

  void encodeNamesUnknownToken_data()
  {
    QTest::addColumn<bool>("smiles");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("token");

    QTest::newRow("SMILES, N not in vocabulary") << true << "CCN"
                                                 << "'N'";
    QTest::newRow("SMILES, Br not in vocabulary") << true << "CCOBr"
                                                  << "'Br'";
    QTest::newRow("SMILES, bracket atom") << true << "C[nH]C"
                                          << "'[nH]'";
    QTest::newRow("characters, 2 in a bit string") << false << "0120"
                                                   << "'2'";
    QTest::newRow("characters, specials are not text") << false << "<pad>"
                                                       << "'<'";
  }

  void encodeNamesUnknownToken()
  {
    QFETCH(bool, smiles);
    QFETCH(QString, text);
    QFETCH(QString, token);
    const auto tokenizer =
      smiles ? Tokenizer::fit(kSmiles, { "CCO", "c1Cl" }) : Tokenizer::fit(kCharacters, { "01" });
    const auto message = invalidArgumentMessage([&] { tokenizer.encode(text.toStdString()); });
    QVERIFY2(!message.isNull(), "no std::invalid_argument thrown");
    QVERIFY2(message.contains(token), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("not in the vocabulary")), qPrintable(message));
  }

  void jsonRoundTrip_data()
  {
    QTest::addColumn<bool>("smiles");
    QTest::addColumn<QStringList>("corpus");
    QTest::addColumn<QString>("splitName");

    QTest::newRow("SMILES") << true << QStringList{ "CCO", "c1ccccc1Cl", "N[C@@H](C)C(=O)O" }
                            << "smiles-regex";
    QTest::newRow("bits") << false << QStringList{ "0110" } << "characters";
    QTest::newRow("empty vocabulary") << false << QStringList{} << "characters";
  }

  void jsonRoundTrip()
  {
    QFETCH(bool, smiles);
    QFETCH(QStringList, corpus);
    QFETCH(QString, splitName);
    const auto split = smiles ? kSmiles : kCharacters;
    const auto tokenizer = Tokenizer::fit(split, toStdVector(corpus));

    const auto json = tokenizer.toJson();
    QCOMPARE(QString::fromStdString(json.at("split").get<std::string>()), splitName);
    // The specials are implied, not stored.
    const auto stored = json.at("tokens").get<std::vector<std::string>>();
    QCOMPARE(toStringList(stored), toStringList(tokenizer.tokens()).mid(3));

    // Through text, as a checkpoint stores it.
    const auto restored = Tokenizer::fromJson(nlohmann::json::parse(json.dump()));
    QVERIFY(restored == tokenizer);
    QCOMPARE(restored.kind(), split.kind);
    QCOMPARE(restored.tokens(), tokenizer.tokens());
    for (const auto& text : corpus)
      QCOMPARE(restored.encode(text.toStdString()), tokenizer.encode(text.toStdString()));
  }

  void equality()
  {
    const auto a = make(kCharacters, { "0", "1" });
    QVERIFY(a == make(kCharacters, { "0", "1" }));
    QVERIFY(!(a == make(kCharacters, { "1", "0" })));
    QVERIFY(!(a == make(kSmiles, { "0", "1" })));
    QVERIFY(!(a == make(kCharacters, { "0" })));
  }

  void kmersSplitNonOverlapping_data()
  {
    QTest::addColumn<int>("k");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("pieces");
    QTest::newRow("4-mers") << 4 << "ACGTTTGA" << QStringList{ "ACGT", "TTGA" };
    QTest::newRow("tail as characters") << 4 << "ACGTAC" << QStringList{ "ACGT", "A", "C" };
    QTest::newRow("k = 1") << 1 << "AC" << QStringList{ "A", "C" };
    QTest::newRow("shorter than k") << 3 << "AC" << QStringList{ "A", "C" };
    QTest::newRow("empty") << 4 << "" << QStringList{};
  }

  void kmersSplitNonOverlapping()
  {
    QFETCH(int, k);
    QFETCH(QString, text);
    QFETCH(QStringList, pieces);
    const TokenizerSpec spec{ "kmers", { { "k", k } } };
    const auto tokenizer = make(spec, {});
    QCOMPARE(toStringList(tokenizer.split(text.toStdString())), pieces);
  }

  void kmersRoundTripWithTheirParameter()
  {
    const TokenizerSpec spec{ "kmers", { { "k", 3 } } };
    const auto tokenizer = Tokenizer::fit(spec, { "ACGTTGCA", "GGGCCC" });
    const auto restored = Tokenizer::fromJson(nlohmann::json::parse(tokenizer.toJson().dump()));
    QVERIFY(restored == tokenizer);
    QCOMPARE(restored.splitter().parameters()["k"].get<int>(), 3);
    QCOMPARE(restored.decode(restored.encode("ACGTTGCA")), std::string("ACGTTGCA"));
    // Another k is another tokenizer.
    QVERIFY(!(restored == make({ "kmers", { { "k", 2 } } }, {})));
  }

  void unknownKindsAndBadParametersAreRefused()
  {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeTokenSplitter("bytes"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeTokenSplitter("kmers", { { "k", 0 } }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeTokenSplitter("kmers", { { "k", "4" } }));
    const auto kinds = tokenSplitterKinds();
    for (const char* kind : { "characters", "kmers", "smiles-regex" })
      QVERIFY2(std::find(kinds.begin(), kinds.end(), kind) != kinds.end(), kind);
  }

  void encodePromptLeavesTheEndOpen()
  {
    const auto tokenizer = Tokenizer::fit(kCharacters, { "01:" });
    const auto prompt = tokenizer.encodePrompt("01:");
    QCOMPARE(prompt.front(), Tokenizer::kBos);
    QCOMPARE(prompt.size(), size_t(4)); // BOS and three tokens, no EOS
    QVERIFY(prompt.back() != Tokenizer::kEos);
  }

  void fromJsonRejectsMalformedDescription_data()
  {
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("array") << QByteArray(R"(["0", "1"])");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("string") << QByteArray(R"("characters")");
    QTest::newRow("missing split") << QByteArray(R"({"tokens": ["0"]})");
    QTest::newRow("missing tokens") << QByteArray(R"({"split": "characters"})");
    QTest::newRow("tokens not an array")
      << QByteArray(R"({"split": "characters", "tokens": "01"})");
    QTest::newRow("unknown split rule") << QByteArray(R"({"split": "bytes", "tokens": ["0"]})");
    QTest::newRow("duplicate token")
      << QByteArray(R"({"split": "characters", "tokens": ["0", "1", "0"]})");
    QTest::newRow("reserved token")
      << QByteArray(R"({"split": "characters", "tokens": ["<bos>"]})");
    QTest::newRow("empty token") << QByteArray(R"({"split": "characters", "tokens": [""]})");
    // Wrong JSON types inside an otherwise well-formed description.
    QTest::newRow("split is a number") << QByteArray(R"({"split": 1, "tokens": ["0"]})");
    QTest::newRow("token is a number")
      << QByteArray(R"({"split": "characters", "tokens": ["0", 1]})");
  }

  void fromJsonRejectsMalformedDescription()
  {
    QFETCH(QByteArray, json);
    const auto parsed = nlohmann::json::parse(json.toStdString());
    QString thrown = QStringLiteral("nothing");
    try {
      Tokenizer::fromJson(parsed);
    } catch (const std::invalid_argument&) {
      thrown = QStringLiteral("std::invalid_argument");
    } catch (const std::exception& e) {
      thrown = QStringLiteral("another exception: ") + QString::fromUtf8(e.what());
    }
    QVERIFY2(thrown == QLatin1String("std::invalid_argument"), qPrintable(thrown));
  }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
