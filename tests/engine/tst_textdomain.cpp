// SPDX-License-Identifier: GPL-3.0-or-later
// The text (summaries) domain: ROUGE as rouge-score computes it, the
// SentencePiece tokenizer, the package-description parser, faithfulness,
// length, fluency through a prior, rendering and JSON Lines.
#include "core/base64.h"
#include "core/domainregistry.h"
#include "core/tokenizer.h"
#include "domains/text/rouge.h"
#include "domains/text/textdomain.h"
#include "domains/text/textsources.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <fstream>
#include <sstream>

using namespace paretolab::engine;
using namespace paretolab::engine::text;

namespace {

const std::string kPairs = PARETOLAB_SOURCE_DIR "/tests/data/text/pairs.jsonl";

std::shared_ptr<const TextDomain>
sampleDomain(nlohmann::json options = nlohmann::json::object())
{
  options["pairs"] = kPairs;
  return std::dynamic_pointer_cast<const TextDomain>(makeDomain("text", options));
}

double
rouge(const std::string& candidate, const std::string& reference, const std::string& kind)
{
  const auto a = rougeTokens(candidate), b = rougeTokens(reference);
  return kind == "L" ? rougeL(a, b) : rougeN(a, b, std::stoi(kind));
}

/// A judge that finds every continuation equally likely, with one exception.
class FixedLikelihood : public TextLikelihood
{
public:
  std::vector<double> meanLogProbability(const std::vector<std::string>& continuations,
                                         const std::vector<std::string>& prompts) const override
  {
    std::vector<double> values;
    for (std::size_t i = 0; i < continuations.size(); ++i)
      values.push_back(prompts.at(i).empty() ? -100.0 : (continuations[i] == "odd" ? -9.0 : -3.0));
    return values;
  }
};

} // namespace

class TextDomainTest : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void tokensAreRougeScores()
  {
    QCOMPARE(rougeTokens("The C++17 HTTP/2 parser, v3.1!"),
             (std::vector<std::string>{ "the", "c", "17", "http", "2", "parser", "v3", "1" }));
    QCOMPARE(rougeTokens("  ...  "), std::vector<std::string>{});
    QCOMPARE(rougeTokens("naïve café"), (std::vector<std::string>{ "na", "ve", "caf" }));
  }

  void rougeOnHandMadePairs_data()
  {
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("expected");
    // Empty on either side: 0, not NaN, as rouge-score.
    QTest::newRow("empty candidate") << ""
                                     << "a fast parser"
                                     << "1" << 0.0;
    QTest::newRow("empty reference") << "a fast parser"
                                     << ""
                                     << "L" << 0.0;
    QTest::newRow("both empty") << ""
                                << ""
                                << "2" << 0.0;
    QTest::newRow("identical 1") << "fast JSON parser"
                                 << "fast JSON parser"
                                 << "1" << 1.0;
    QTest::newRow("identical 2") << "fast JSON parser"
                                 << "fast JSON parser"
                                 << "2" << 1.0;
    QTest::newRow("identical L") << "fast JSON parser"
                                 << "fast JSON parser"
                                 << "L" << 1.0;
    QTest::newRow("disjoint") << "retro puzzle game"
                              << "fast JSON parser"
                              << "1" << 0.0;
    // Case and punctuation do not matter: "JSON," is "json".
    QTest::newRow("case, punctuation") << "Fast json-parser!"
                                       << "fast JSON parser"
                                       << "L" << 1.0;
    // Clipped counts: "the the the" vs "the cat": overlap 1; P 1/3, R 1/2 -> F 0.4.
    QTest::newRow("repeated words") << "the the the"
                                    << "the cat"
                                    << "1" << 0.4;
    // Bigrams: "a b c d" vs "a b d c": {ab} shared of 3 each -> 1/3.
    QTest::newRow("bigrams") << "a b c d"
                             << "a b d c"
                             << "2" << 1.0 / 3.0;
    // LCS of "a b c d" and "a c b d" is 3: P = R = 3/4.
    QTest::newRow("lcs") << "a b c d"
                         << "a c b d"
                         << "L" << 0.75;
    // Digits are words; "3.1" is "3" and "1".
    QTest::newRow("digits") << "version 3.1"
                            << "version 3 1 tools"
                            << "1" << 2 * 1.0 * 0.75 / 1.75;
    // A one-word candidate has no bigram: 0.
    QTest::newRow("too short for bigrams") << "parser"
                                           << "parser"
                                           << "2" << 0.0;
  }

  void rougeOnHandMadePairs()
  {
    QFETCH(QString, candidate);
    QFETCH(QString, reference);
    QFETCH(QString, kind);
    QFETCH(double, expected);
    QVERIFY2(std::abs(rouge(candidate.toStdString(), reference.toStdString(), kind.toStdString()) -
                      expected) < 1e-12,
             qPrintable(QString::number(
               rouge(candidate.toStdString(), reference.toStdString(), kind.toStdString()))));
  }

  void base64RoundTrips()
  {
    for (const std::string& bytes : { std::string{},
                                      std::string("a"),
                                      std::string("ab"),
                                      std::string("abc"),
                                      std::string("\0\xff\x10zz", 5) })
      QCOMPARE(decodeBase64(encodeBase64(bytes)), bytes);
    QCOMPARE(encodeBase64("Man"), std::string("TWFu"));
    QCOMPARE(encodeBase64("Ma"), std::string("TWE="));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, decodeBase64("TW=u"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, decodeBase64("TWF"));
  }

  void parsesTranslationIndex()
  {
    std::istringstream index("Package: quill\n"
                             "Description-md5: 0123\n"
                             "Description-en: note taking tool\n"
                             " Quill keeps notes in plain\n"
                             " text files.\n"
                             " .\n"
                             " It syncs them.\n"
                             "\n"
                             "Package: nolong\n"
                             "Description-en: only a synopsis\n"
                             "\n"
                             "Package: quill\n"
                             "Description-en: again\n"
                             " a repeat of a package seen before\n");
    const auto pairs = readTranslationIndex(index);
    QCOMPARE(pairs.size(), std::size_t(1));
    QCOMPARE(pairs[0].package, std::string("quill"));
    QCOMPARE(pairs[0].summary, std::string("note taking tool"));
    QCOMPARE(pairs[0].source, std::string("Quill keeps notes in plain text files. It syncs them."));
  }

  void splitsAreFixedByPackageName()
  {
    const auto domain = sampleDomain();
    const auto train = domain->contexts(DataSplit::Train);
    const auto validation = domain->contexts(DataSplit::Validation);
    const auto test = domain->contexts(DataSplit::Test);
    QCOMPARE(train.size() + validation.size() + test.size(), domain->pairs().size());
    QVERIFY(train.size() > validation.size());
    for (const auto& context : validation)
      QCOMPARE(splitOfPackage(context.id), DataSplit::Validation);
    // The prompt is the source's first words and the separator; scoring reads the fields.
    const auto& first = train.front();
    QVERIFY(first.prompt.ends_with(" <sep>"));
    QVERIFY(first.prompt.starts_with(first.field("source")));
    QVERIFY(!first.field("reference").empty());
  }

  void brownTagsAreStripped()
  {
    const auto sentences = brownSentences(
      "\n\n\tThe/at jury/nn said/vbd ``/`` no/at evidence/nn ''/'' ,/, 1/2/cd of/in it/ppo ./.\n");
    QCOMPARE(sentences.size(), std::size_t(1));
    QCOMPARE(sentences[0], std::string("The jury said \" no evidence \", 1/2 of it."));
  }

  void sentencePieceRoundTripsAndKeepsPromptsWhole()
  {
    const auto domain = sampleDomain({ { "vocabulary_size", 600 } });
    const auto corpus = domain->corpus();
    const auto tokenizer = Tokenizer::fit(domain->tokenizer(), corpus);
    QVERIFY(tokenizer.vocabSize() >= 300);
    for (const std::string& text : { corpus.front(),
                                     std::string("naïve Zürich café: 100% ✓"),
                                     std::string("C++17 & HTTP/2 <sep> fast parser") }) {
      const auto ids = tokenizer.encode(text);
      QCOMPARE(tokenizer.decode(ids), text);
    }
    // Generation continues the prompt's tokens: the corpus text must split
    // into the prompt's pieces and then the summary's.
    const auto context = domain->contexts(DataSplit::Train).front();
    const auto prompt = tokenizer.encodePrompt(context.prompt);
    const auto whole = tokenizer.encode(context.prompt + " " + context.field("reference"));
    QVERIFY(whole.size() > prompt.size() + 1);
    QVERIFY(std::equal(prompt.begin(), prompt.end(), whole.begin()));
    const std::vector<int64_t> summary(whole.begin() + long(prompt.size()), whole.end());
    QCOMPARE(tokenizer.decode(summary), context.field("reference"));

    // The trained model travels in the tokenizer's JSON and comes back the same.
    const auto restored = Tokenizer::fromJson(tokenizer.toJson());
    QVERIFY(restored == tokenizer);
    QCOMPARE(restored.encode(corpus.front()), tokenizer.encode(corpus.front()));

    // A damaged model in a checkpoint's header is refused, not used.
    auto damaged = tokenizer.toJson();
    auto& model = damaged["parameters"]["model"];
    auto text = model.get<std::string>();
    text[text.size() / 2] = text[text.size() / 2] == 'A' ? 'B' : 'A';
    model = text;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Tokenizer::fromJson(damaged));
  }

  void scoresFaithfulnessLengthAndRouge()
  {
    const auto domain = sampleDomain();
    const SampleContext context{ "p",
                                 "x <sep>",
                                 { { "source", "A fast parser for JSON documents." },
                                   { "reference", "fast JSON parser" } } };
    const std::vector<std::string> objectives{ "rouge1", "rougeL", "faithful", "length" };
    const auto rows = domain->score({ "fast JSON parser", "the parser for cats", "", "JSON" },
                                    std::vector<SampleContext>(4, context),
                                    objectives);
    // Three words, 6 +- 2 wanted: one word short of the band, of a target of 6.
    QCOMPARE(rows[0], (std::vector<double>{ 1.0, 1.0, 1.0, 5.0 / 6.0 }));
    // "the" and "for" are stop words: content words "parser", "cats"; one is in the source.
    QCOMPARE(rows[1][2], 0.5);
    // The empty summary is invalid: NaN everywhere.
    for (double value : rows[2])
      QVERIFY(std::isnan(value));
    // One word: three short of the band.
    QCOMPARE(rows[3][3], 0.5);
    QCOMPARE(domain->lengthReward(6), 1.0);
    QCOMPARE(domain->lengthReward(8), 1.0);
    QCOMPARE(domain->lengthReward(20), 0.0);
    // Without a context there is no reference and no source to judge against.
    QVERIFY(std::isnan(domain->score({ "fast" }, { "rouge1" })[0][0]));
  }

  void fluencyIsThePriorsJudgement()
  {
    const auto domain = sampleDomain();
    const std::vector<SampleContext> contexts(2, SampleContext{ "p", "a source <sep>", {} });
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             domain->score({ "even" }, { contexts[0] }, { "fluency" }));
    FixedLikelihood prior;
    const auto rows = domain->score({ "even", "odd" }, contexts, { "fluency" }, &prior);
    // The default squash is a logistic centred on -3 per token.
    QCOMPARE(rows[0][0], 0.5);
    QVERIFY(std::abs(rows[1][0] - 1.0 / (1.0 + std::exp(6.0))) < 1e-12);
  }

  void metricsCountWordsAndCopies()
  {
    const auto domain = sampleDomain();
    const SampleContext context{ "p", "", { { "source", "a fast parser for JSON" } } };
    const auto metrics = domain->metrics({ "fast parser", "slow parser", "slow parser", "" },
                                         std::vector<SampleContext>(4, context));
    QCOMPARE(metrics.at("validity"), 0.75);
    QCOMPARE(metrics.at("uniqueness"), 2.0 / 3.0);
    QCOMPARE(metrics.at("mean_words"), 2.0);
    QCOMPARE(metrics.at("distinct_1"), 3.0 / 6.0);
    QCOMPARE(metrics.at("distinct_2"), 2.0 / 3.0);
    QCOMPARE(metrics.at("copy_rate"), 1.0 / 3.0);
  }

  void describeMarksUnsupportedWords()
  {
    const auto domain = sampleDomain();
    const SampleContext context{
      "p", "", { { "source", "A fast parser for JSON." }, { "reference", "JSON parser" } }
    };
    const auto description = domain->describe("fast YAML parser", context);
    QCOMPARE(description.blocks.size(), std::size_t(3));
    QCOMPARE(description.blocks[0].heading, std::string("Summary"));
    QCOMPARE(description.blocks[0].spans.size(), std::size_t(1));
    const auto& unsupported = description.blocks[0].spans[0];
    QCOMPARE(
      description.blocks[0].text.substr(unsupported.begin, unsupported.end - unsupported.begin),
      std::string("YAML"));
    QCOMPARE(unsupported.kind, std::string("unsupported"));
    QCOMPARE(description.blocks[2].heading, std::string("Source"));
    QCOMPARE(description.blocks[2].spans.size(), std::size_t(2)); // "fast", "parser"
  }

  void readsJsonLinesWithProblemsByLine()
  {
    const auto domain = sampleDomain();
    std::istringstream in(
      R"({"source": "A fast parser.", "summary": "fast parser", "reference": "JSON parser"})"
      "\n"
      "not json\n"
      "\n"
      R"({"source": "A game.", "summary": "a game"})"
      "\n"
      R"({"source": "A game.", "summary": "retro game", "reference": "puzzle game"})"
      "\n");
    const auto reading = domain->sampleFormat("jsonl")->read(in, domain->sampleLimits());
    QCOMPARE(reading.records.size(), std::size_t(2));
    QCOMPARE(reading.records[0].id, std::string("0"));
    QCOMPARE(reading.records[1].id, std::string("4"));
    QCOMPARE(reading.records[1].context.field("reference"), std::string("puzzle game"));
    QCOMPARE(reading.problems.size(), std::size_t(2));
    QCOMPARE(reading.problems[0].line, std::size_t(2));
    QCOMPARE(reading.problems[1].line, std::size_t(4));
    QVERIFY(reading.problems[1].reason.find("\"reference\"") != std::string::npos);

    SampleTable table;
    table.objectiveNames = { "rouge1" };
    table.samples = { "fast parser" };
    table.raw = { { std::nan("") } };
    table.contexts = { reading.records[0].context };
    const auto written = domain->sampleFormat("jsonl")->write(table);
    const auto row = nlohmann::json::parse(written.bytes);
    QCOMPARE(row["summary"].get<std::string>(), std::string("fast parser"));
    QCOMPARE(row["source"].get<std::string>(), std::string("A fast parser."));
    QVERIFY(row["rouge1"].is_null());
  }
};

QTEST_GUILESS_MAIN(TextDomainTest)
#include "tst_textdomain.moc"
