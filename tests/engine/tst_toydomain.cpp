// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/toy/toydomain.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace paretolab::engine;

using Points = std::vector<std::vector<double>>;

namespace {

std::vector<std::string>
toStdVector(const QStringList& list)
{
  std::vector<std::string> texts;
  for (const auto& text : list)
    texts.push_back(text.toStdString());
  return texts;
}

ToyDomain
toyOfLength(int length)
{
  ToyDomain::Options options;
  options.length = length;
  return ToyDomain(options);
}

// Independent reference for the objectives: counts over the whole target length,
// the pattern written out as the string "0011" repeated.
double
referenceValue(const std::string& objective, const std::string& bits, int length)
{
  std::string pattern;
  while (int(pattern.size()) < length)
    pattern += "0011";
  double count = 0;
  if (objective == "ones") {
    count = double(std::count(bits.begin(), bits.end(), '1'));
    return count / length;
  }
  if (objective == "alternation") {
    for (std::size_t i = 0; i + 1 < bits.size(); ++i)
      count += bits[i] != bits[i + 1] ? 1 : 0;
    return count / (length - 1);
  }
  for (std::size_t i = 0; i < bits.size(); ++i)
    count += bits[i] == pattern[i] ? 1 : 0;
  return count / length;
}

// Brute force: every string of `length` bits, its reference objective vector, deduplicated,
// then the points no other point weakly dominates with one strict improvement. Sorted.
Points
bruteForceFront(int length, const std::vector<std::string>& objectives)
{
  std::set<std::vector<double>> distinct;
  for (int code = 0; code < (1 << length); ++code) {
    std::string bits;
    for (int i = 0; i < length; ++i)
      bits += (code >> (length - 1 - i)) & 1 ? '1' : '0';
    std::vector<double> point;
    for (const auto& objective : objectives)
      point.push_back(referenceValue(objective, bits, length));
    distinct.insert(point);
  }
  Points front;
  for (const auto& p : distinct) {
    bool dominated = false;
    for (const auto& q : distinct) {
      bool atLeast = true;
      bool better = false;
      for (std::size_t k = 0; k < p.size(); ++k) {
        atLeast = atLeast && q[k] >= p[k];
        better = better || q[k] > p[k];
      }
      dominated = dominated || (atLeast && better);
    }
    if (!dominated)
      front.push_back(p);
  }
  return front;
}

} // namespace

class TestToyDomain : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void describesItself()
  {
    const ToyDomain toy;
    QCOMPARE(QString::fromStdString(toy.name()), QStringLiteral("toy"));
    QCOMPARE(toy.tokenizer().kind, std::string("characters"));
    QCOMPARE(toy.options().length, 16);
    QCOMPARE(toy.options().corpusSize, 2000);
    const auto objectives = toy.objectives();
    QCOMPARE(objectives.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(objectives[0].name), QStringLiteral("ones"));
    QCOMPARE(QString::fromStdString(objectives[1].name), QStringLiteral("alternation"));
    QCOMPARE(QString::fromStdString(objectives[2].name), QStringLiteral("pattern"));
    for (const auto& objective : objectives) {
      QVERIFY(!objective.description.empty());
      // Every toy objective already lies in [0, 1].
      QVERIFY(objective.defaultTransform.kind == RewardTransform::Kind::Identity);
    }
    QCOMPARE(QString::fromStdString(toy.render("0101")), QStringLiteral("0101"));
  }

  void rejectsBadOptions_data()
  {
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("corpusSize");
    QTest::newRow("length 1") << 1 << 10;
    QTest::newRow("length 0") << 0 << 10;
    QTest::newRow("negative length") << -4 << 10;
    QTest::newRow("empty corpus") << 16 << 0;
    QTest::newRow("negative corpus") << 16 << -1;
  }

  void rejectsBadOptions()
  {
    QFETCH(int, length);
    QFETCH(int, corpusSize);
    ToyDomain::Options options;
    options.length = length;
    options.corpusSize = corpusSize;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, ToyDomain{ options });
  }

  void objectiveValues_data()
  {
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("bits");
    QTest::addColumn<double>("ones");
    QTest::addColumn<double>("alternation");
    QTest::addColumn<double>("pattern");

    // Pattern 0011 0011 0011 0011; alternation counts the 15 neighbouring pairs.
    QTest::newRow("all ones") << 16 << "1111111111111111" << 1.0 << 0.0 << 0.5;
    QTest::newRow("all zeros") << 16 << "0000000000000000" << 0.0 << 0.0 << 0.5;
    QTest::newRow("0101...") << 16 << "0101010101010101" << 0.5 << 1.0 << 0.5;
    QTest::newRow("1010...") << 16 << "1010101010101010" << 0.5 << 1.0 << 0.5;
    // Pairs 01, 10, 01, ... differ at positions 2, 4, ..., 14: 7 of 15.
    QTest::newRow("the pattern itself") << 16 << "0011001100110011" << 0.5 << 7.0 / 15.0 << 1.0;
    QTest::newRow("the inverted pattern") << 16 << "1100110011001100" << 0.5 << 7.0 / 15.0 << 0.0;
    // Only bit 0 differs from all zeros: it breaks the pattern at a '0' position.
    QTest::newRow("a single leading one")
      << 16 << "1000000000000000" << 1.0 / 16.0 << 1.0 / 15.0 << 7.0 / 16.0;
    QTest::newRow("a single trailing one")
      << 16 << "0000000000000001" << 1.0 / 16.0 << 1.0 / 15.0 << 9.0 / 16.0;
    // Short strings are normalised by the target length 16, not by their own length.
    QTest::newRow("short: 11") << 16 << "11" << 2.0 / 16.0 << 0.0 << 0.0;
    QTest::newRow("short: 0011") << 16 << "0011" << 2.0 / 16.0 << 1.0 / 15.0 << 4.0 / 16.0;
    QTest::newRow("short: 01010101") << 16 << "01010101" << 4.0 / 16.0 << 7.0 / 15.0 << 4.0 / 16.0;
    QTest::newRow("empty") << 16 << "" << 0.0 << 0.0 << 0.0;
    QTest::newRow("length 4: 0110") << 4 << "0110" << 0.5 << 2.0 / 3.0 << 0.5;
    // The pattern of length 5 is 00110 itself.
    QTest::newRow("length 5: 00110") << 5 << "00110" << 0.4 << 0.5 << 1.0;
    QTest::newRow("length 5: 11001") << 5 << "11001" << 0.6 << 0.5 << 0.0;
    QTest::newRow("length 2: 10") << 2 << "10" << 0.5 << 1.0 << 0.5;
  }

  void objectiveValues()
  {
    QFETCH(int, length);
    QFETCH(QString, bits);
    QFETCH(double, ones);
    QFETCH(double, alternation);
    QFETCH(double, pattern);
    const auto toy = toyOfLength(length);
    const auto values = toy.score({ bits.toStdString() }, { "ones", "alternation", "pattern" });
    QCOMPARE(values.size(), std::size_t(1));
    QCOMPARE(values[0].size(), std::size_t(3));
    QCOMPARE(values[0][0], ones);
    QCOMPARE(values[0][1], alternation);
    QCOMPARE(values[0][2], pattern);

    // The reference implementation of this test agrees.
    QCOMPARE(referenceValue("ones", bits.toStdString(), length), ones);
    QCOMPARE(referenceValue("alternation", bits.toStdString(), length), alternation);
    QCOMPARE(referenceValue("pattern", bits.toStdString(), length), pattern);
  }

  void scoreFollowsTheRequestedOrder()
  {
    const ToyDomain toy;
    const auto values =
      toy.score({ "0011001100110011", "1111111111111111" }, { "pattern", "ones", "pattern" });
    QCOMPARE(values.size(), std::size_t(2));
    QCOMPARE(values[0], (std::vector<double>{ 1.0, 0.5, 1.0 }));
    QCOMPARE(values[1], (std::vector<double>{ 0.5, 1.0, 0.5 }));
    QCOMPARE(toy.score({ "0101" }, {}), (Points{ {} }));
    QCOMPARE(toy.score({}, { "ones" }), Points{});
  }

  void invalidSamplesScoreNaN_data()
  {
    QTest::addColumn<QString>("sample");
    QTest::newRow("a 2") << "0120101010101010";
    QTest::newRow("a letter") << "01a";
    QTest::newRow("a space") << "0101 0101";
    QTest::newRow("one bit too long") << "01010101010101010";
    QTest::newRow("far too long") << QString(40, QLatin1Char('1'));
  }

  void invalidSamplesScoreNaN()
  {
    QFETCH(QString, sample);
    const ToyDomain toy;
    const auto values =
      toy.score({ "0101010101010101", sample.toStdString() }, { "ones", "alternation", "pattern" });
    QCOMPARE(values.size(), std::size_t(2));
    QCOMPARE(values[0], (std::vector<double>{ 0.5, 1.0, 0.5 }));
    QCOMPARE(values[1].size(), std::size_t(3));
    for (double value : values[1])
      QVERIFY(std::isnan(value));
  }

  void unknownObjectiveThrows_data()
  {
    QTest::addColumn<QStringList>("objectives");
    QTest::addColumn<QStringList>("samples");
    QTest::newRow("alone") << QStringList{ "zeros" } << QStringList{ "0101" };
    QTest::newRow("after a known one") << QStringList{ "ones", "zeros" } << QStringList{ "0101" };
    QTest::newRow("case matters") << QStringList{ "Ones" } << QStringList{ "0101" };
    QTest::newRow("even without samples") << QStringList{ "zeros" } << QStringList{};
    QTest::newRow("even for invalid samples") << QStringList{ "zeros" } << QStringList{ "2" };
  }

  void unknownObjectiveThrows()
  {
    QFETCH(QStringList, objectives);
    QFETCH(QStringList, samples);
    const ToyDomain toy;
    QString message;
    try {
      toy.score(toStdVector(samples), toStdVector(objectives));
    } catch (const std::invalid_argument& e) {
      message = QString::fromUtf8(e.what());
    }
    QVERIFY2(!message.isEmpty(), "no std::invalid_argument thrown");
    QVERIFY2(message.contains(QStringLiteral("'") + objectives.last() + QStringLiteral("'")),
             qPrintable(message));
    // The message lists what the domain does have.
    QVERIFY2(message.contains(QLatin1String("ones, alternation, pattern")), qPrintable(message));
  }

  void metrics_data()
  {
    QTest::addColumn<QStringList>("samples");
    QTest::addColumn<double>("validity");
    QTest::addColumn<double>("uniqueness");

    const QString a = "0101010101010101";
    const QString b = "1111111111111111";
    QTest::newRow("all valid, all distinct") << QStringList{ a, b } << 1.0 << 1.0;
    QTest::newRow("all valid, one repeat") << QStringList{ a, a, b, b } << 1.0 << 0.5;
    // Valid: a, a, b. Distinct among the valid: a, b.
    QTest::newRow("mixed") << QStringList{ a, "0101", a, "0121010101010101", b } << 3.0 / 5.0
                           << 2.0 / 3.0;
    // A short string scores, but is not a valid sample of this domain.
    QTest::newRow("short and too long") << QStringList{ "0101", a + "0", a } << 1.0 / 3.0 << 1.0;
    QTest::newRow("none valid") << QStringList{ "2", "" } << 0.0 << 0.0;
    QTest::newRow("one sample") << QStringList{ b } << 1.0 << 1.0;
    QTest::newRow("empty batch") << QStringList{} << 0.0 << 0.0;
  }

  void metrics()
  {
    QFETCH(QStringList, samples);
    QFETCH(double, validity);
    QFETCH(double, uniqueness);
    const ToyDomain toy;
    const auto metrics = toy.metrics(toStdVector(samples));
    QCOMPARE(metrics.size(), std::size_t(2));
    QVERIFY(metrics.count("validity"));
    QVERIFY(metrics.count("uniqueness"));
    QCOMPARE(metrics.at("validity"), validity);
    QCOMPARE(metrics.at("uniqueness"), uniqueness);
  }

  void corpus_data()
  {
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("corpusSize");
    QTest::addColumn<int>("seed");
    QTest::newRow("defaults") << 16 << 2000 << 1;
    QTest::newRow("short strings") << 4 << 50 << 7;
    QTest::newRow("one string") << 20 << 1 << 3;
    QTest::newRow("long strings") << 64 << 300 << 12345;
  }

  void corpus()
  {
    QFETCH(int, length);
    QFETCH(int, corpusSize);
    QFETCH(int, seed);
    ToyDomain::Options options;
    options.length = length;
    options.corpusSize = corpusSize;
    options.seed = uint64_t(seed);
    const ToyDomain toy(options);

    const auto texts = toy.corpus();
    QCOMPARE(int(texts.size()), corpusSize);
    long ones = 0;
    for (const auto& text : texts) {
      QCOMPARE(int(text.size()), length);
      QVERIFY(text.find_first_not_of("01") == std::string::npos);
      ones += std::count(text.begin(), text.end(), '1');
    }
    // Every corpus string is a valid sample.
    QCOMPARE(toy.metrics(texts).at("validity"), 1.0);

    // Deterministic for a seed: the same again, and from a second instance.
    QCOMPARE(toy.corpus(), texts);
    QCOMPARE(ToyDomain(options).corpus(), texts);

    // Another seed gives another corpus.
    auto other = options;
    other.seed = options.seed + 1;
    QVERIFY(ToyDomain(other).corpus() != texts);

    // Uniform bits: with at least 3000 of them the share of ones is near 1/2.
    const long bits = long(length) * corpusSize;
    if (bits >= 3000) {
      const double share = double(ones) / double(bits);
      QVERIFY2(share > 0.45 && share < 0.55, qPrintable(QString::number(share)));
      // And the strings are not all the same.
      QVERIFY(std::set<std::string>(texts.begin(), texts.end()).size() > texts.size() / 2);
    }
  }

  void exactFrontMatchesBruteForce_data()
  {
    QTest::addColumn<int>("length");
    QTest::addColumn<QStringList>("objectives");
    QTest::addColumn<int>("expectedSize");

    // Best alternation for k ones among 6 bits: (1, 0), (5/6, 2/5), (4/6, 4/5), (1/2, 1).
    QTest::newRow("length 6, ones + alternation") << 6 << QStringList{ "ones", "alternation" } << 4;
    // Each pattern '0' turned to '1' trades 1/8 of pattern for 1/8 of ones: 5 points.
    QTest::newRow("length 8, ones + pattern") << 8 << QStringList{ "ones", "pattern" } << 5;
    QTest::newRow("length 5, alternation + pattern")
      << 5 << QStringList{ "alternation", "pattern" } << -1;
    QTest::newRow("length 6, all three")
      << 6 << QStringList{ "ones", "alternation", "pattern" } << -1;
    QTest::newRow("length 9, pattern + ones + alternation")
      << 9 << QStringList{ "pattern", "ones", "alternation" } << -1;
    QTest::newRow("length 2, ones + alternation") << 2 << QStringList{ "ones", "alternation" } << 2;
    QTest::newRow("length 7, ones alone") << 7 << QStringList{ "ones" } << 1;
  }

  void exactFrontMatchesBruteForce()
  {
    QFETCH(int, length);
    QFETCH(QStringList, objectives);
    QFETCH(int, expectedSize);
    const auto names = toStdVector(objectives);
    auto front = toyOfLength(length).exactFront(names);
    auto expected = bruteForceFront(length, names);
    QVERIFY(!expected.empty());
    std::sort(front.begin(), front.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(front, expected);
    if (expectedSize >= 0)
      QCOMPARE(int(front.size()), expectedSize);
    for (const auto& point : front)
      QCOMPARE(point.size(), std::size_t(objectives.size()));
  }

  void exactFrontKnownMembers()
  {
    const auto front = toyOfLength(6).exactFront({ "ones", "alternation" });
    const Points expected{ { 0.5, 1.0 }, { 4.0 / 6.0, 0.8 }, { 5.0 / 6.0, 0.4 }, { 1.0, 0.0 } };
    QCOMPARE(front.size(), expected.size());
    for (const auto& point : expected)
      QVERIFY2(std::find(front.begin(), front.end(), point) != front.end(),
               qPrintable(QStringLiteral("(%1, %2) missing").arg(point[0]).arg(point[1])));
    // The all-zeros point (0, 0) and the dominated (1/2, 0) are not on it.
    QVERIFY(std::find(front.begin(), front.end(), std::vector<double>{ 0.0, 0.0 }) == front.end());
    QVERIFY(std::find(front.begin(), front.end(), std::vector<double>{ 0.5, 0.0 }) == front.end());

    // With three objectives the pattern string (1/3, 2/5, 1) joins: no other string matches it.
    const auto three = toyOfLength(6).exactFront({ "ones", "alternation", "pattern" });
    const auto patternString =
      toyOfLength(6).score({ "001100" }, { "ones", "alternation", "pattern" })[0];
    QCOMPARE(patternString, (std::vector<double>{ 2.0 / 6.0, 2.0 / 5.0, 1.0 }));
    QVERIFY(std::find(three.begin(), three.end(), patternString) != three.end());
  }

  void exactFrontLimits()
  {
    QVERIFY_THROWS_EXCEPTION(std::length_error, toyOfLength(21).exactFront({ "ones" }));
    QVERIFY_THROWS_EXCEPTION(std::length_error,
                             toyOfLength(64).exactFront({ "ones", "alternation" }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, toyOfLength(4).exactFront({ "ones", "zeros" }));
  }
};

QTEST_GUILESS_MAIN(TestToyDomain)
#include "tst_toydomain.moc"
