// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/merge.h"

#include <QtTest>

using namespace paretolab::engine;

namespace {

ParameterSet
single(std::vector<float> values)
{
  return { torch::tensor(values) };
}

std::vector<float>
values(const ParameterSet& set)
{
  auto t = set.front().contiguous();
  return std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
}

} // namespace

Q_DECLARE_METATYPE(std::vector<float>)
Q_DECLARE_METATYPE(std::vector<double>)

class TestMerge : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void mergesHandComputedCases_data()
  {
    QTest::addColumn<int>("strategy");
    QTest::addColumn<double>("scale");
    QTest::addColumn<double>("density");
    QTest::addColumn<std::vector<float>>("base");
    QTest::addColumn<std::vector<float>>("first");
    QTest::addColumn<std::vector<float>>("second");
    QTest::addColumn<std::vector<double>>("lambda");
    QTest::addColumn<std::vector<float>>("expected");

    QTest::newRow("linear") << int(MergeStrategy::Linear) << 1.0 << 1.0
                            << std::vector<float>{ 9, 9 } << std::vector<float>{ 1, 2 }
                            << std::vector<float>{ 3, 6 } << std::vector<double>{ 0.25, 0.75 }
                            << std::vector<float>{ 2.5, 5 };
    QTest::newRow("task arithmetic, scale 1 is linear")
      << int(MergeStrategy::TaskArithmetic) << 1.0 << 1.0 << std::vector<float>{ 1, 1 }
      << std::vector<float>{ 1, 2 } << std::vector<float>{ 3, 6 }
      << std::vector<double>{ 0.25, 0.75 } << std::vector<float>{ 2.5, 5 };
    QTest::newRow("task arithmetic, scale 2 extrapolates")
      << int(MergeStrategy::TaskArithmetic) << 2.0 << 1.0 << std::vector<float>{ 1, 1 }
      << std::vector<float>{ 1, 2 } << std::vector<float>{ 3, 6 }
      << std::vector<double>{ 0.25, 0.75 } << std::vector<float>{ 4, 9 };
    // Task vectors (3, -1, 0.5, 2) and (-2, -4, 1, 0.1); density 0.5 keeps
    // (3, 0, 0, 2) and (-2, -4, 0, 0); the elected signs are (+, -, 0, +);
    // the disjoint means are 3, -4, 0 and 2.
    QTest::newRow("ties: trim, elect, disjoint mean")
      << int(MergeStrategy::Ties) << 1.0 << 0.5 << std::vector<float>{ 0, 0, 0, 0 }
      << std::vector<float>{ 3, -1, 0.5, 2 } << std::vector<float>{ -2, -4, 1, 0.1f }
      << std::vector<double>{ 0.5, 0.5 } << std::vector<float>{ 3, -4, 0, 2 };
    QTest::newRow("ties: agreeing entries average by lambda")
      << int(MergeStrategy::Ties) << 1.0 << 1.0 << std::vector<float>{ 1, 1 }
      << std::vector<float>{ 3, 1 } << std::vector<float>{ 5, 1 }
      << std::vector<double>{ 0.75, 0.25 } << std::vector<float>{ 3.5, 1 };
  }

  void mergesHandComputedCases()
  {
    QFETCH(int, strategy);
    QFETCH(double, scale);
    QFETCH(double, density);
    QFETCH(std::vector<float>, base);
    QFETCH(std::vector<float>, first);
    QFETCH(std::vector<float>, second);
    QFETCH(std::vector<double>, lambda);
    QFETCH(std::vector<float>, expected);
    const auto a = single(first);
    const auto b = single(second);
    const MergeOptions options{ .strategy = MergeStrategy(strategy),
                                .scale = scale,
                                .density = density };
    const auto merged = values(mergeParameters({ &a, &b }, lambda, single(base), options));
    QCOMPARE(merged.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
      QVERIFY2(
        std::abs(merged[i] - expected[i]) < 1e-6,
        qPrintable(QStringLiteral("entry %1: %2 != %3").arg(i).arg(merged[i]).arg(expected[i])));
  }

  void normalisesWeights()
  {
    QCOMPARE(normalizedWeights({ 2, 1, 1 }), (std::vector<double>{ 0.5, 0.25, 0.25 }));
    QCOMPARE(normalizedWeights({ 0, 5 }), (std::vector<double>{ 0, 1 }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, normalizedWeights({ 1, -1 }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, normalizedWeights({ 0, 0 }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, normalizedWeights({ 1, std::nan("") }));
  }

  void measuresRelativeDistance()
  {
    QCOMPARE(relativeDistance(single({ 3, 4 }), single({ 0, 0 })), 5.0);
    QCOMPARE(relativeDistance(single({ 6, 8 }), single({ 3, 4 })), 1.0);
    QCOMPARE(relativeDistance(single({ 3, 4 }), single({ 3, 4 })), 0.0);
  }

  // The one-pass linear merge gives, to the bit, what summing lambda_i * theta_i
  // tensor by tensor gives, across block and thread boundaries (large tensors),
  // and writes into the previous merge's memory when it can.
  void linearMergeEqualsTensorArithmeticAndReusesMemory()
  {
    torch::manual_seed(5);
    std::vector<ParameterSet> experts(3);
    for (auto& expert : experts)
      expert = { torch::randn({ 300007 }), torch::randn({ 7, 5 }), -torch::zeros({ 3 }) };
    const std::vector<double> lambda{ 0.2, 0.3, 0.5 };
    ParameterSet merged;
    mergeParametersInto(merged, { &experts[0], &experts[1], &experts[2] }, lambda, experts[0], {});
    const void* memory = merged.front().data_ptr();
    for (size_t p = 0; p < merged.size(); ++p) {
      auto expected = torch::zeros_like(experts[0][p]);
      for (size_t i = 0; i < experts.size(); ++i)
        expected += lambda[i] * experts[i][p];
      QVERIFY(torch::equal(merged[p], expected));
    }
    mergeParametersInto(merged, { &experts[2], &experts[1] }, { 0.5, 0.5 }, experts[0], {});
    QCOMPARE(merged.front().data_ptr(), memory);
    QVERIFY(torch::equal(merged.front(), 0.5 * experts[2].front() + 0.5 * experts[1].front()));
  }

  void rejectsMismatchedWeights()
  {
    const auto a = single({ 1 });
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             mergeParameters({ &a }, { 0.5, 0.5 }, a, MergeOptions{}));
  }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "tst_merge.moc"
