// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/pareto.h"
#include "metrics/simplexgrid.h"

#include <QtTest>

#include <set>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

using namespace paretolab::engine;

using Points = std::vector<ObjectivePoint>;
using Indices = std::vector<std::size_t>;

namespace QTest {

// Lets QCOMPARE print both index lists when they differ.
template<>
char*
toString(const Indices& indices)
{
  QByteArray text = "{";
  for (std::size_t i = 0; i < indices.size(); ++i)
    text += (i ? ", " : " ") + QByteArray::number(qulonglong(indices[i]));
  text += " }";
  return qstrdup(text.constData());
}

} // namespace QTest

namespace {

// Independent reference: the union of boxes [r, p_i] by inclusion-exclusion. The
// intersection of a subset's boxes is the box up to their componentwise minimum, empty as
// soon as that minimum does not exceed the reference. Exponential, so only for n <= ~10.
double
inclusionExclusionVolume(const Points& points, const ObjectivePoint& reference)
{
  const std::size_t n = points.size();
  double total = 0.0;
  for (unsigned mask = 1; mask < (1u << n); ++mask) {
    ObjectivePoint corner(reference.size(), std::numeric_limits<double>::infinity());
    int members = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!(mask & (1u << i)))
        continue;
      ++members;
      for (std::size_t k = 0; k < reference.size(); ++k)
        corner[k] = std::min(corner[k], points[i][k]);
    }
    double box = 1.0;
    for (std::size_t k = 0; k < reference.size(); ++k)
      box *= std::max(corner[k] - reference[k], 0.0);
    total += (members % 2 == 1 ? box : -box);
  }
  return total;
}

} // namespace

class TestPareto : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void dominance_data()
  {
    QTest::addColumn<ObjectivePoint>("a");
    QTest::addColumn<ObjectivePoint>("b");
    QTest::addColumn<bool>("aDominatesB");
    QTest::addColumn<bool>("bDominatesA");

    QTest::newRow("strictly better everywhere")
      << ObjectivePoint{ 2, 3 } << ObjectivePoint{ 1, 2 } << true << false;
    QTest::newRow("better in one, equal in the other")
      << ObjectivePoint{ 2, 2 } << ObjectivePoint{ 1, 2 } << true << false;
    QTest::newRow("equal") << ObjectivePoint{ 1, 2 } << ObjectivePoint{ 1, 2 } << false << false;
    QTest::newRow("incomparable") << ObjectivePoint{ 1, 3 } << ObjectivePoint{ 3, 1 } << false
                                  << false;
    QTest::newRow("3-D, one coordinate better")
      << ObjectivePoint{ 1, 2, 3 } << ObjectivePoint{ 1, 2, 2.5 } << true << false;
    QTest::newRow("3-D incomparable")
      << ObjectivePoint{ 1, 2, 3 } << ObjectivePoint{ 0, 5, 3 } << false << false;
    QTest::newRow("negative values")
      << ObjectivePoint{ -1, -1 } << ObjectivePoint{ -2, -1 } << true << false;
    QTest::newRow("single objective")
      << ObjectivePoint{ 4 } << ObjectivePoint{ 5 } << false << true;
  }

  void dominance()
  {
    QFETCH(ObjectivePoint, a);
    QFETCH(ObjectivePoint, b);
    QFETCH(bool, aDominatesB);
    QFETCH(bool, bDominatesA);
    QCOMPARE(dominates(a, b), aDominatesB);
    QCOMPARE(dominates(b, a), bDominatesA);
    QCOMPARE(dominates(a, a), false);
  }

  void dominanceRejectsMismatchedSizes()
  {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             dominates(ObjectivePoint{ 1, 2 }, ObjectivePoint{ 1, 2, 3 }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             dominates(ObjectivePoint{}, ObjectivePoint{ 1 }));
  }

  void nonDominated_data()
  {
    QTest::addColumn<Points>("points");
    QTest::addColumn<Indices>("expected");

    QTest::newRow("empty") << Points{} << Indices{};
    QTest::newRow("single point") << Points{ { 1, 1 } } << Indices{ 0 };
    QTest::newRow("2-D with dominated points and a duplicate")
      << Points{ { 1, 3 }, { 2, 2 }, { 1, 1 }, { 3, 1 }, { 2, 2 }, { 0, 3 } }
      << Indices{ 0, 1, 3, 4 };
    QTest::newRow("2-D, weakly dominated on an axis")
      << Points{ { 1, 2 }, { 1, 3 }, { 0, 3 } } << Indices{ 1 };
    QTest::newRow("2-D, all identical")
      << Points{ { 5, 5 }, { 5, 5 }, { 5, 5 } } << Indices{ 0, 1, 2 };
    QTest::newRow("2-D, mutually non-dominated")
      << Points{ { 4, 0 }, { 0, 4 }, { 2, 2 }, { 3, 1 } } << Indices{ 0, 1, 2, 3 };
    QTest::newRow("3-D with duplicates")
      << Points{ { 3, 1, 1 }, { 1, 3, 1 }, { 1, 1, 3 }, { 1, 1, 1 },
                 { 3, 1, 1 }, { 2, 2, 0 }, { 2, 2, 2 } }
      << Indices{ 0, 1, 2, 4, 6 };
    QTest::newRow("3-D, one point dominates the rest")
      << Points{ { 1, 0, 0 }, { 1, 1, 1 }, { 0, 1, 0 }, { 0.5, 0.5, 0.5 }, { 1, 1, 1 } }
      << Indices{ 1, 4 };
  }

  void nonDominated()
  {
    QFETCH(Points, points);
    QFETCH(Indices, expected);
    QCOMPARE(nonDominatedIndices(points), expected);
  }

  void nonDominatedRejectsMismatchedSizes()
  {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             nonDominatedIndices(Points{ { 1, 2 }, { 1, 2, 3 } }));
  }

  void hypervolumeOfHandComputedSets_data()
  {
    QTest::addColumn<Points>("points");
    QTest::addColumn<ObjectivePoint>("reference");
    QTest::addColumn<double>("expected");

    QTest::newRow("empty set") << Points{} << ObjectivePoint{ 0, 0 } << 0.0;
    QTest::newRow("1-D") << Points{ { 3 }, { 5 }, { -1 } } << ObjectivePoint{ 1 } << 4.0;
    QTest::newRow("1-D, below the reference") << Points{ { 0 } } << ObjectivePoint{ 1 } << 0.0;

    QTest::newRow("2-D single box") << Points{ { 2, 3 } } << ObjectivePoint{ 0.5, 1 } << 3.0;
    QTest::newRow("2-D staircase")
      << Points{ { 1, 3 }, { 2, 2 }, { 3, 1 } } << ObjectivePoint{ 0, 0 } << 6.0;
    QTest::newRow("2-D staircase, dominated point and duplicate")
      << Points{ { 2, 2 }, { 1, 1 }, { 3, 1 }, { 1, 3 }, { 2, 2 } } << ObjectivePoint{ 0, 0 }
      << 6.0;
    // (1,3) and (3,1) touch the reference in one coordinate and so add nothing.
    QTest::newRow("2-D staircase, raised reference")
      << Points{ { 1, 3 }, { 2, 2 }, { 3, 1 } } << ObjectivePoint{ 1, 1 } << 1.0;
    QTest::newRow("2-D points on the reference axes")
      << Points{ { 0, 5 }, { 5, 0 } } << ObjectivePoint{ 0, 0 } << 0.0;
    QTest::newRow("2-D points below the reference")
      << Points{ { -1, 5 }, { -2, -2 } } << ObjectivePoint{ 0, 0 } << 0.0;
    QTest::newRow("2-D negative coordinates")
      << Points{ { -1, -2 }, { -2, -1 } } << ObjectivePoint{ -3, -3 } << 3.0;
    QTest::newRow("2-D equal x") << Points{ { 2, 1 }, { 2, 3 } } << ObjectivePoint{ 0, 0 } << 6.0;

    QTest::newRow("3-D single box") << Points{ { 1, 2, 3 } } << ObjectivePoint{ 0, 0, 0 } << 6.0;
    QTest::newRow("3-D unit cube corner")
      << Points{ { 1, 1, 1 } } << ObjectivePoint{ 0, 0, 0 } << 1.0;
    QTest::newRow("3-D axis corners on the reference")
      << Points{ { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } } << ObjectivePoint{ 0, 0, 0 } << 0.0;
    // Three 2x1x1 boxes from (-1,-1,-1), pairwise and triply overlapping in the unit cube
    // [-1,0]^3: 3*2 - 3*1 + 1.
    QTest::newRow("3-D axis corners, lowered reference")
      << Points{ { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } } << ObjectivePoint{ -1, -1, -1 } << 4.0;
    QTest::newRow("3-D all eight cube corners")
      << Points{ { 0, 0, 0 }, { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 },
                 { 1, 1, 0 }, { 1, 0, 1 }, { 0, 1, 1 }, { 1, 1, 1 } }
      << ObjectivePoint{ -1, -1, -1 } << 8.0;
    // 3 * 6 - (2 + 2 + 2) + 1.
    QTest::newRow("3-D rotated staircase")
      << Points{ { 1, 2, 3 }, { 2, 3, 1 }, { 3, 1, 2 } } << ObjectivePoint{ 0, 0, 0 } << 13.0;
    // Layers of areas 9, 4 and 1 stacked at heights 1, 2 and 3: 9 + 4 + 1.
    QTest::newRow("3-D nested staircase")
      << Points{ { 1, 1, 3 }, { 2, 2, 2 }, { 3, 3, 1 } } << ObjectivePoint{ 0, 0, 0 } << 14.0;
    QTest::newRow("3-D tie in the third objective")
      << Points{ { 2, 1, 1 }, { 1, 2, 1 } } << ObjectivePoint{ 0, 0, 0 } << 3.0;
    QTest::newRow("3-D point below the reference in one objective")
      << Points{ { 2, 2, 2 }, { 5, 5, 0.5 } } << ObjectivePoint{ 1, 1, 1 } << 1.0;

    // The unit hypercube plus four unit extensions, one along each axis.
    QTest::newRow("4-D cross") << Points{ { 2, 1, 1, 1 },
                                          { 1, 2, 1, 1 },
                                          { 1, 1, 2, 1 },
                                          { 1, 1, 1, 2 } }
                               << ObjectivePoint{ 0, 0, 0, 0 } << 5.0;
    // 24 + 24 - 1*2*2*1.
    QTest::newRow("4-D two boxes")
      << Points{ { 1, 2, 3, 4 }, { 4, 3, 2, 1 } } << ObjectivePoint{ 0, 0, 0, 0 } << 44.0;
    QTest::newRow("4-D with dominated, duplicate and clipped points")
      << Points{ { 1, 2, 3, 4 }, { 4, 3, 2, 1 }, { 1, 1, 1, 1 }, { 4, 3, 2, 1 }, { 9, 9, 9, 0 } }
      << ObjectivePoint{ 0, 0, 0, 0 } << 44.0;
    // 32 + 3 - 2.
    QTest::newRow("5-D two boxes")
      << Points{ { 2, 2, 2, 2, 2 }, { 3, 1, 1, 1, 1 } } << ObjectivePoint{ 0, 0, 0, 0, 0 } << 33.0;
  }

  void hypervolumeOfHandComputedSets()
  {
    QFETCH(Points, points);
    QFETCH(ObjectivePoint, reference);
    QFETCH(double, expected);
    QCOMPARE(hypervolume(points, reference), expected);
  }

  void hypervolumeMatchesInclusionExclusion_data()
  {
    QTest::addColumn<int>("dims");
    QTest::newRow("2-D") << 2;
    QTest::newRow("3-D") << 3;
    QTest::newRow("4-D") << 4;
  }

  void hypervolumeMatchesInclusionExclusion()
  {
    QFETCH(int, dims);
    std::mt19937 rng(20200712u + unsigned(dims));
    std::uniform_int_distribution<int> sizes(2, 8);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    // Coarse grid values make ties between points and points on the reference common,
    // which continuous draws almost never produce.
    std::uniform_int_distribution<int> grid(0, 4);

    int positive = 0;
    for (int trial = 0; trial < 50; ++trial) {
      const bool onGrid = trial % 2 == 1;
      const ObjectivePoint reference(std::size_t(dims), onGrid ? 0.0 : 0.1);
      Points points(std::size_t(sizes(rng)), ObjectivePoint(std::size_t(dims)));
      for (auto& p : points)
        for (auto& x : p)
          x = onGrid ? 0.25 * grid(rng) : uniform(rng);

      const double expected = inclusionExclusionVolume(points, reference);
      const double actual = hypervolume(points, reference);
      QVERIFY2(std::abs(actual - expected) <= 1e-12 * std::abs(expected),
               qPrintable(QStringLiteral("trial %1: %2 vs %3")
                            .arg(trial)
                            .arg(actual, 0, 'g', 17)
                            .arg(expected, 0, 'g', 17)));

      // The volume is a property of the set, not of the order the points come in.
      std::shuffle(points.begin(), points.end(), rng);
      QVERIFY(std::abs(hypervolume(points, reference) - expected) <= 1e-12 * std::abs(expected));
      if (expected > 0.0)
        ++positive;
    }
    // Guards against a generator that only ever produces trivially empty volumes.
    QVERIFY(positive >= 40);
  }

  // Two staircase points and a dominated one, reference 0: by hand.
  void hypervolumeContributionsAreExclusiveVolumes()
  {
    const std::vector<ObjectivePoint> points{
      { 1.0, 2.0 }, { 2.0, 1.0 }, { 0.5, 0.5 }, { 1.0, 2.0 }
    };
    const auto contributions = hypervolumeContributions(points, { 0.0, 0.0 });
    // HV = 3; without (2,1) it is 2, so (2,1) adds 1; (1,2) has a twin, so adds 0 alone.
    QCOMPARE(contributions, (std::vector<double>{ 0.0, 1.0, 0.0, 0.0 }));
    const auto single = hypervolumeContributions({ { 1.0, 2.0 }, { 2.0, 1.0 } }, { 0.0, 0.0 });
    QCOMPARE(single, (std::vector<double>{ 1.0, 1.0 }));
    QVERIFY(hypervolumeContributions({}, { 0.0, 0.0 }).empty());
  }

  void hypervolumeRejectsInconsistentDimensions()
  {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             hypervolume(Points{ { 1, 2 }, { 1, 2, 3 } }, ObjectivePoint{ 0, 0 }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             hypervolume(Points{ { 1, 2, 3 } }, ObjectivePoint{ 0, 0 }));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, hypervolume(Points{}, ObjectivePoint{}));
  }

  void sparsityOfHandComputedFronts_data()
  {
    QTest::addColumn<Points>("front");
    QTest::addColumn<double>("expected");

    QTest::newRow("empty") << Points{} << 0.0;
    QTest::newRow("single point") << Points{ { 1, 2 } } << 0.0;
    // Objective 0 sorted: 1, 2, 4 -> 1 + 4; objective 1 sorted: 0, 2, 3 -> 4 + 1; / (3 - 1).
    QTest::newRow("2-D three points") << Points{ { 1, 3 }, { 2, 2 }, { 4, 0 } } << 5.0;
    QTest::newRow("2-D three points, shuffled") << Points{ { 4, 0 }, { 1, 3 }, { 2, 2 } } << 5.0;
    // (3 - 1)^2 + (1 - 3)^2 over one gap.
    QTest::newRow("2-D two points") << Points{ { 1, 3 }, { 3, 1 } } << 8.0;
    // Each objective sorted is 0, 0, 1 -> 1; three objectives / (3 - 1).
    QTest::newRow("3-D axis corners") << Points{ { 0, 0, 1 }, { 0, 1, 0 }, { 1, 0, 0 } } << 1.5;
    QTest::newRow("identical points") << Points{ { 2, 2 }, { 2, 2 } } << 0.0;
  }

  void sparsityOfHandComputedFronts()
  {
    QFETCH(Points, front);
    QFETCH(double, expected);
    QCOMPARE(sparsity(front), expected);
  }

  void sparsityRejectsMismatchedSizes()
  {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sparsity(Points{ { 1, 2 }, { 1 } }));
  }

  void icvOfHandComputedValues_data()
  {
    QTest::addColumn<ObjectivePoint>("means");
    QTest::addColumn<double>("expected");

    const double infinity = std::numeric_limits<double>::infinity();
    // Mean 2, population stddev sqrt(2/3).
    QTest::newRow("1, 2, 3") << ObjectivePoint{ 1, 2, 3 } << 2.0 / std::sqrt(2.0 / 3.0);
    QTest::newRow("2, 4") << ObjectivePoint{ 2, 4 } << 3.0;
    // Mean -1, stddev 2.
    QTest::newRow("negative mean") << ObjectivePoint{ 1, -3 } << -0.5;
    QTest::newRow("zero mean, nonzero spread") << ObjectivePoint{ -1, 1 } << 0.0;
    QTest::newRow("equal values") << ObjectivePoint{ 0.1, 0.1, 0.1 } << infinity;
    QTest::newRow("single objective") << ObjectivePoint{ 5 } << infinity;
    QTest::newRow("equal negative values") << ObjectivePoint{ -2, -2 } << -infinity;
    QTest::newRow("all zero") << ObjectivePoint{ 0, 0 } << 0.0;
  }

  void icvOfHandComputedValues()
  {
    QFETCH(ObjectivePoint, means);
    QFETCH(double, expected);
    QCOMPARE(inverseCoefficientOfVariation(means), expected);
  }

  void simplexGridCoversTheSimplex()
  {
    const auto grid = simplexGrid(3, 3);
    QCOMPARE(grid.size(), size_t(10)); // C(3 + 2, 2)
    QCOMPARE(grid.front(), (std::vector<double>{ 1.0, 0.0, 0.0 }));
    QCOMPARE(grid.back(), (std::vector<double>{ 0.0, 0.0, 1.0 }));
    std::set<std::vector<double>> distinct(grid.begin(), grid.end());
    QCOMPARE(distinct.size(), grid.size());
    for (const auto& weights : grid)
      QVERIFY(std::abs(weights[0] + weights[1] + weights[2] - 1.0) < 1e-12);
    QCOMPARE(simplexGrid(2, 10).size(), size_t(11));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, simplexGrid(0, 3));
  }

  void icvRejectsEmpty()
  {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, inverseCoefficientOfVariation({}));
  }
};

QTEST_GUILESS_MAIN(TestPareto)
#include "tst_pareto.moc"
