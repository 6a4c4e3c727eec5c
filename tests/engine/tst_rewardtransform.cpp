// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/rewardtransform.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>
#include <stdexcept>
#include <string>

using namespace paretolab::engine;

using Kind = RewardTransform::Kind;

Q_DECLARE_METATYPE(paretolab::engine::RewardTransform)
Q_DECLARE_METATYPE(paretolab::engine::RewardTransform::Kind)

namespace {

double
logistic(double x)
{
  return 1.0 / (1.0 + std::exp(-x));
}

RewardTransform
parse(const QByteArray& text)
{
  return RewardTransform::fromJson(nlohmann::json::parse(text.toStdString()));
}

} // namespace

class TestRewardTransform : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void apply_data()
  {
    QTest::addColumn<RewardTransform>("transform");
    QTest::addColumn<double>("raw");
    QTest::addColumn<double>("expected");

    const RewardTransform identity{};
    QTest::newRow("identity, inside [0, 1]") << identity << 0.37 << 0.37;
    QTest::newRow("identity does not clamp below") << identity << -2.5 << -2.5;
    QTest::newRow("identity does not clamp above") << identity << 7.0 << 7.0;

    const RewardTransform maximize{ .kind = Kind::Maximize, .low = 1.0, .high = 5.0 };
    QTest::newRow("maximize, below low") << maximize << -3.0 << 0.0;
    QTest::newRow("maximize, at low") << maximize << 1.0 << 0.0;
    QTest::newRow("maximize, a quarter in") << maximize << 2.0 << 0.25;
    QTest::newRow("maximize, three quarters in") << maximize << 4.0 << 0.75;
    QTest::newRow("maximize, at high") << maximize << 5.0 << 1.0;
    QTest::newRow("maximize, above high") << maximize << 9.0 << 1.0;
    const RewardTransform negativeRange{ .kind = Kind::Maximize, .low = -4.0, .high = -2.0 };
    QTest::newRow("maximize, negative range") << negativeRange << -3.5 << 0.25;

    const RewardTransform minimize{ .kind = Kind::Minimize, .low = 1.0, .high = 5.0 };
    QTest::newRow("minimize, below low") << minimize << 0.0 << 1.0;
    QTest::newRow("minimize, at low") << minimize << 1.0 << 1.0;
    QTest::newRow("minimize, a quarter in") << minimize << 2.0 << 0.75;
    QTest::newRow("minimize, at high") << minimize << 5.0 << 0.0;
    QTest::newRow("minimize, above high") << minimize << 6.0 << 0.0;

    const RewardTransform target{ .kind = Kind::Target, .target = 3.0, .tolerance = 0.5 };
    QTest::newRow("target, at the target") << target << 3.0 << 1.0;
    QTest::newRow("target, inside the plateau") << target << 2.75 << 1.0;
    QTest::newRow("target, upper plateau edge") << target << 3.5 << 1.0;
    QTest::newRow("target, lower plateau edge") << target << 2.5 << 1.0;
    // One tolerance beyond the plateau: exp(-0.5 * 1^2).
    QTest::newRow("target + 2 tolerance") << target << 4.0 << std::exp(-0.5);
    QTest::newRow("target - 2 tolerance") << target << 2.0 << std::exp(-0.5);
    // Two tolerances beyond the plateau: exp(-0.5 * 2^2).
    QTest::newRow("target + 3 tolerance") << target << 4.5 << std::exp(-2.0);
    // Half a tolerance beyond: exp(-0.5 * 0.5^2).
    QTest::newRow("target - 1.5 tolerance") << target << 2.25 << std::exp(-0.125);

    const RewardTransform sigmoid{ .kind = Kind::Sigmoid, .center = 2.0, .scale = 0.5 };
    QTest::newRow("sigmoid, at the center") << sigmoid << 2.0 << 0.5;
    QTest::newRow("sigmoid, one unit above") << sigmoid << 3.0 << 1.0 / (1.0 + std::exp(-2.0));
    QTest::newRow("sigmoid, one unit below") << sigmoid << 1.0 << 1.0 / (1.0 + std::exp(2.0));
    const RewardTransform falling{ .kind = Kind::Sigmoid, .center = 2.0, .scale = -0.5 };
    QTest::newRow("sigmoid, negative scale, at the center") << falling << 2.0 << 0.5;
    QTest::newRow("sigmoid, negative scale, above")
      << falling << 3.0 << 1.0 / (1.0 + std::exp(2.0));
    QTest::newRow("sigmoid, negative scale, below")
      << falling << 1.0 << 1.0 / (1.0 + std::exp(-2.0));

    const RewardTransform window{
      .kind = Kind::DoubleSigmoid, .low = 1.0, .high = 3.0, .scale = 0.5
    };
    // Middle of the window: (1 / (1 + e^-2))^2.
    QTest::newRow("double-sigmoid, middle")
      << window << 2.0 << 1.0 / ((1.0 + std::exp(-2.0)) * (1.0 + std::exp(-2.0)));
    QTest::newRow("double-sigmoid, at low") << window << 1.0 << 0.5 / (1.0 + std::exp(-4.0));
    QTest::newRow("double-sigmoid, at high") << window << 3.0 << 0.5 / (1.0 + std::exp(-4.0));
    QTest::newRow("double-sigmoid, inside")
      << window << 1.5 << 1.0 / ((1.0 + std::exp(-1.0)) * (1.0 + std::exp(-3.0)));
    QTest::newRow("double-sigmoid, far outside")
      << window << 10.0 << 1.0 / ((1.0 + std::exp(-18.0)) * (1.0 + std::exp(14.0)));
  }

  void apply()
  {
    QFETCH(RewardTransform, transform);
    QFETCH(double, raw);
    QFETCH(double, expected);
    const double actual = transform.apply(raw);
    QVERIFY2(
      std::abs(actual - expected) <= 1e-12,
      qPrintable(QStringLiteral("%1 vs %2").arg(actual, 0, 'g', 17).arg(expected, 0, 'g', 17)));
  }

  void doubleSigmoidIsSymmetric_data()
  {
    QTest::addColumn<double>("offset");
    QTest::newRow("0.1") << 0.1;
    QTest::newRow("0.5") << 0.5;
    QTest::newRow("1 (the edges)") << 1.0;
    QTest::newRow("2.7") << 2.7;
  }

  void doubleSigmoidIsSymmetric()
  {
    QFETCH(double, offset);
    const RewardTransform window{
      .kind = Kind::DoubleSigmoid, .low = 1.0, .high = 3.0, .scale = 0.5
    };
    const double middle = 2.0;
    QVERIFY(std::abs(window.apply(middle - offset) - window.apply(middle + offset)) <= 1e-12);
    // The window peaks in the middle: logistic(2)^2.
    QVERIFY(window.apply(middle + offset) < window.apply(middle));
    QVERIFY(std::abs(window.apply(middle) - logistic(2.0) * logistic(2.0)) <= 1e-12);
  }

  void fromJson_data()
  {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("target");
    QTest::addColumn<double>("tolerance");
    QTest::addColumn<double>("center");
    QTest::addColumn<double>("scale");

    // Unset fields keep their defaults: low 0, high 1, target 0, tolerance 1, center 0, scale 1.
    QTest::newRow("string shorthand, identity")
      << QByteArray(R"("identity")") << Kind::Identity << 0.0 << 1.0 << 0.0 << 1.0 << 0.0 << 1.0;
    QTest::newRow("string shorthand, maximize")
      << QByteArray(R"("maximize")") << Kind::Maximize << 0.0 << 1.0 << 0.0 << 1.0 << 0.0 << 1.0;
    QTest::newRow("string shorthand, minimize")
      << QByteArray(R"("minimize")") << Kind::Minimize << 0.0 << 1.0 << 0.0 << 1.0 << 0.0 << 1.0;
    QTest::newRow("maximize with a range")
      << QByteArray(R"({"kind": "maximize", "low": 0, "high": 5})") << Kind::Maximize << 0.0 << 5.0
      << 0.0 << 1.0 << 0.0 << 1.0;
    QTest::newRow("minimize with negative numbers")
      << QByteArray(R"({"kind": "minimize", "low": -10.5, "high": -2})") << Kind::Minimize << -10.5
      << -2.0 << 0.0 << 1.0 << 0.0 << 1.0;
    QTest::newRow("target") << QByteArray(R"({"kind": "target", "target": 2.5, "tolerance": 0.25})")
                            << Kind::Target << 0.0 << 1.0 << 2.5 << 0.25 << 0.0 << 1.0;
    QTest::newRow("sigmoid, negative scale")
      << QByteArray(R"({"kind": "sigmoid", "center": 300, "scale": -20})") << Kind::Sigmoid << 0.0
      << 1.0 << 0.0 << 1.0 << 300.0 << -20.0;
    QTest::newRow("double-sigmoid")
      << QByteArray(R"({"kind": "double-sigmoid", "low": 1, "high": 3, "scale": 0.5})")
      << Kind::DoubleSigmoid << 1.0 << 3.0 << 0.0 << 1.0 << 0.0 << 0.5;
    QTest::newRow("object with only a kind") << QByteArray(R"({"kind": "target"})") << Kind::Target
                                             << 0.0 << 1.0 << 0.0 << 1.0 << 0.0 << 1.0;
  }

  void fromJson()
  {
    QFETCH(QByteArray, json);
    QFETCH(Kind, kind);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, target);
    QFETCH(double, tolerance);
    QFETCH(double, center);
    QFETCH(double, scale);
    const auto t = parse(json);
    // Compared by name: QCOMPARE would pick up engine::toString(Kind), which returns std::string.
    QCOMPARE(QString::fromStdString(toString(t.kind)), QString::fromStdString(toString(kind)));
    QCOMPARE(t.low, low);
    QCOMPARE(t.high, high);
    QCOMPARE(t.target, target);
    QCOMPARE(t.tolerance, tolerance);
    QCOMPARE(t.center, center);
    QCOMPARE(t.scale, scale);
  }

  void fromJsonRejects_data()
  {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("unknown kind, shorthand") << QByteArray(R"("maximise")") << "\"maximise\"";
    QTest::newRow("unknown kind") << QByteArray(R"({"kind": "log"})") << "unknown kind";
    QTest::newRow("kind not a string") << QByteArray(R"({"kind": 1})") << "\"kind\"";
    QTest::newRow("no kind") << QByteArray(R"({"low": 0, "high": 1})") << "\"kind\"";
    QTest::newRow("a number") << QByteArray("0.5") << "\"kind\"";
    QTest::newRow("an array") << QByteArray(R"(["maximize"])") << "\"kind\"";
    QTest::newRow("null") << QByteArray("null") << "\"kind\"";
    QTest::newRow("unknown key") << QByteArray(R"({"kind": "maximize", "lo": 0, "high": 2})")
                                 << "unknown key \"lo\"";
    QTest::newRow("unknown key on identity")
      << QByteArray(R"({"kind": "identity", "weight": 2})") << "unknown key \"weight\"";
    QTest::newRow("number given as a string")
      << QByteArray(R"({"kind": "maximize", "low": "0", "high": 2})") << "\"low\"";
    QTest::newRow("maximize, high == low")
      << QByteArray(R"({"kind": "maximize", "low": 2, "high": 2})") << "\"high\"";
    QTest::newRow("maximize, high < low")
      << QByteArray(R"({"kind": "maximize", "low": 3, "high": 1})") << "\"high\"";
    QTest::newRow("maximize, low above the default high")
      << QByteArray(R"({"kind": "maximize", "low": 3})") << "\"high\"";
    QTest::newRow("minimize, high < low")
      << QByteArray(R"({"kind": "minimize", "low": 3, "high": 1})") << "\"high\"";
    QTest::newRow("double-sigmoid, high == low")
      << QByteArray(R"({"kind": "double-sigmoid", "low": 1, "high": 1})") << "\"high\"";
    QTest::newRow("target, tolerance 0")
      << QByteArray(R"({"kind": "target", "target": 1, "tolerance": 0})") << "\"tolerance\"";
    QTest::newRow("target, negative tolerance")
      << QByteArray(R"({"kind": "target", "tolerance": -0.1})") << "\"tolerance\"";
    QTest::newRow("sigmoid, scale 0")
      << QByteArray(R"({"kind": "sigmoid", "center": 1, "scale": 0})") << "\"scale\"";
    QTest::newRow("double-sigmoid, scale 0")
      << QByteArray(R"({"kind": "double-sigmoid", "low": 0, "high": 1, "scale": 0.0})")
      << "\"scale\"";
  }

  void fromJsonRejects()
  {
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const auto parsed = nlohmann::json::parse(json.toStdString());
    QString message;
    try {
      RewardTransform::fromJson(parsed);
    } catch (const std::invalid_argument& e) {
      message = QString::fromUtf8(e.what());
    }
    QVERIFY2(!message.isEmpty(), "no std::invalid_argument thrown");
    QVERIFY2(message.contains(mentions), qPrintable(message));
  }

  void jsonRoundTripPreservesApply_data()
  {
    QTest::addColumn<RewardTransform>("transform");
    QTest::addColumn<QString>("kindName");

    QTest::newRow("identity") << RewardTransform{} << "identity";
    QTest::newRow("maximize") << RewardTransform{
      .kind = Kind::Maximize, .low = -1.25, .high = 4.5
    } << "maximize";
    QTest::newRow("minimize") << RewardTransform{ .kind = Kind::Minimize, .low = 0.1, .high = 0.3 }
                              << "minimize";
    QTest::newRow("target") << RewardTransform{
      .kind = Kind::Target, .target = -7.0 / 3.0, .tolerance = 0.2
    } << "target";
    QTest::newRow("sigmoid") << RewardTransform{
      .kind = Kind::Sigmoid, .center = 1.0 / 3.0, .scale = -0.7
    } << "sigmoid";
    QTest::newRow("double-sigmoid")
      << RewardTransform{ .kind = Kind::DoubleSigmoid, .low = 2.0, .high = 6.5, .scale = 0.3 }
      << "double-sigmoid";
  }

  void jsonRoundTripPreservesApply()
  {
    QFETCH(RewardTransform, transform);
    QFETCH(QString, kindName);
    const auto json = transform.toJson();
    QCOMPARE(QString::fromStdString(json.at("kind").get<std::string>()), kindName);
    QCOMPARE(QString::fromStdString(toString(transform.kind)), kindName);

    // Through text, as a task file or checkpoint stores it.
    const auto restored = RewardTransform::fromJson(nlohmann::json::parse(json.dump()));
    QCOMPARE(QString::fromStdString(toString(restored.kind)), kindName);
    for (double raw : { -10.0, -2.5, -1.0, 0.0, 1.0 / 3.0, 0.2, 1.0, 2.0, 3.7, 6.5, 100.0 })
      QCOMPARE(restored.apply(raw), transform.apply(raw));
    // And once more: toJson of the restored transform is the same document.
    QCOMPARE(QString::fromStdString(restored.toJson().dump()), QString::fromStdString(json.dump()));
  }

  void toJsonStoresOnlyTheKindsFields_data()
  {
    QTest::addColumn<RewardTransform>("transform");
    QTest::addColumn<QStringList>("keys");

    QTest::newRow("identity") << RewardTransform{} << QStringList{ "kind" };
    QTest::newRow("maximize") << RewardTransform{ .kind = Kind::Maximize }
                              << QStringList{ "high", "kind", "low" };
    QTest::newRow("minimize") << RewardTransform{ .kind = Kind::Minimize }
                              << QStringList{ "high", "kind", "low" };
    QTest::newRow("target") << RewardTransform{ .kind = Kind::Target }
                            << QStringList{ "kind", "target", "tolerance" };
    QTest::newRow("sigmoid") << RewardTransform{ .kind = Kind::Sigmoid }
                             << QStringList{ "center", "kind", "scale" };
    QTest::newRow("double-sigmoid") << RewardTransform{ .kind = Kind::DoubleSigmoid }
                                    << QStringList{ "high", "kind", "low", "scale" };
  }

  void toJsonStoresOnlyTheKindsFields()
  {
    QFETCH(RewardTransform, transform);
    QFETCH(QStringList, keys);
    QStringList actual;
    const auto json = transform.toJson();
    for (const auto& [key, value] : json.items())
      actual << QString::fromStdString(key);
    actual.sort();
    QCOMPARE(actual, keys);
  }
};

QTEST_GUILESS_MAIN(TestRewardTransform)
#include "tst_rewardtransform.moc"
