// SPDX-License-Identifier: GPL-3.0-or-later
#include "simplex.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace paretolab::widgets;

using Weights = QVector<double>;
using Locks = QVector<bool>;

namespace {

constexpr double kTolerance = 1e-12;

double
sum(const Weights& w)
{
  double total = 0.0;
  for (double x : w)
    total += x;
  return total;
}

QByteArray
describe(const Weights& w)
{
  QByteArray text = "{";
  for (int i = 0; i < w.size(); ++i)
    text += (i ? ", " : " ") + QByteArray::number(w[i], 'g', 17);
  return text + " }";
}

bool
near(const Weights& a, const Weights& b)
{
  if (a.size() != b.size())
    return false;
  for (int i = 0; i < a.size(); ++i)
    if (std::abs(a[i] - b[i]) > kTolerance)
      return false;
  return true;
}

} // namespace

class TestSimplex : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void moveOnSimplex_data();
  void moveOnSimplex();
  void randomMovesStayOnSimplex();
  void normalizedOnSimplex_data();
  void normalizedOnSimplex();
};

void
TestSimplex::moveOnSimplex_data()
{
  QTest::addColumn<Weights>("weights");
  QTest::addColumn<int>("index");
  QTest::addColumn<double>("value");
  QTest::addColumn<Locks>("locked");
  QTest::addColumn<Weights>("expected");

  const double third = 1.0 / 3.0;
  QTest::newRow("plain move, equal others")
    << Weights{ third, third, third } << 0 << 0.5 << Locks{} << Weights{ 0.5, 0.25, 0.25 };
  QTest::newRow("others keep their proportions")
    << Weights{ 0.2, 0.2, 0.6 } << 0 << 0.6 << Locks{} << Weights{ 0.6, 0.1, 0.3 };
  QTest::newRow("two objectives") << Weights{ 0.3, 0.7 } << 1 << 0.2 << Locks{}
                                  << Weights{ 0.8, 0.2 };
  QTest::newRow("clamped above 1")
    << Weights{ 0.5, 0.5 } << 0 << 1.5 << Locks{} << Weights{ 1.0, 0.0 };
  QTest::newRow("clamped below 0")
    << Weights{ 0.5, 0.5 } << 1 << -0.3 << Locks{} << Weights{ 1.0, 0.0 };
  QTest::newRow("clamped by a lock") << Weights{ 0.2, 0.5, 0.3 } << 0 << 0.9
                                     << Locks{ false, true, false } << Weights{ 0.5, 0.5, 0.0 };
  QTest::newRow("lock keeps its weight") << Weights{ 0.25, 0.25, 0.5 } << 0 << 0.1
                                         << Locks{ false, false, true } << Weights{ 0.1, 0.4, 0.5 };
  QTest::newRow("two locks") << Weights{ 0.1, 0.2, 0.3, 0.4 } << 0 << 0.3
                             << Locks{ false, true, true, false } << Weights{ 0.3, 0.2, 0.3, 0.2 };
  QTest::newRow("all-zero others share equally")
    << Weights{ 1.0, 0.0, 0.0 } << 0 << 0.4 << Locks{} << Weights{ 0.4, 0.3, 0.3 };
  QTest::newRow("all-zero others, one locked")
    << Weights{ 1.0, 0.0, 0.0, 0.0 } << 0 << 0.4 << Locks{ false, false, false, true }
    << Weights{ 0.4, 0.3, 0.3, 0.0 };
  QTest::newRow("moving to 1 empties the others")
    << Weights{ 0.2, 0.3, 0.5 } << 2 << 1.0 << Locks{} << Weights{ 0.0, 0.0, 1.0 };
  QTest::newRow("locked index is unchanged")
    << Weights{ 0.2, 0.3, 0.5 } << 1 << 0.9 << Locks{ false, true, false }
    << Weights{ 0.2, 0.3, 0.5 };
  QTest::newRow("no other unlocked weight")
    << Weights{ 0.2, 0.3, 0.5 } << 0 << 0.9 << Locks{ false, true, true }
    << Weights{ 0.2, 0.3, 0.5 };
  QTest::newRow("single weight") << Weights{ 1.0 } << 0 << 0.4 << Locks{} << Weights{ 1.0 };
  QTest::newRow("index out of range")
    << Weights{ 0.5, 0.5 } << 2 << 0.9 << Locks{} << Weights{ 0.5, 0.5 };
  QTest::newRow("NaN value") << Weights{ 0.5, 0.5 } << 0 << std::nan("") << Locks{}
                             << Weights{ 0.5, 0.5 };
}

void
TestSimplex::moveOnSimplex()
{
  QFETCH(Weights, weights);
  QFETCH(int, index);
  QFETCH(double, value);
  QFETCH(Locks, locked);
  QFETCH(Weights, expected);

  const Weights result = paretolab::widgets::moveOnSimplex(weights, index, value, locked);
  QVERIFY2(near(result, expected), describe(result) + " != " + describe(expected));
  QVERIFY(std::abs(sum(result) - 1.0) <= kTolerance);
  for (int i = 0; i < locked.size(); ++i)
    if (locked[i])
      QCOMPARE(result[i], weights[i]);
}

void
TestSimplex::randomMovesStayOnSimplex()
{
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> uniform(-0.2, 1.2);
  std::bernoulli_distribution lockCoin(0.25);
  Weights w{ 0.1, 0.2, 0.3, 0.15, 0.25 };
  for (int step = 0; step < 5000; ++step) {
    Locks locked(w.size());
    for (int i = 0; i < w.size(); ++i)
      locked[i] = lockCoin(rng);
    const int index = int(rng() % unsigned(w.size()));
    const Weights next = paretolab::widgets::moveOnSimplex(w, index, uniform(rng), locked);
    QVERIFY2(std::abs(sum(next) - 1.0) <= kTolerance, describe(next));
    for (int i = 0; i < w.size(); ++i) {
      QVERIFY(next[i] >= 0.0);
      if (locked[i])
        QCOMPARE(next[i], w[i]);
    }
    w = next;
  }
}

void
TestSimplex::normalizedOnSimplex_data()
{
  QTest::addColumn<Weights>("weights");
  QTest::addColumn<Weights>("expected");
  QTest::newRow("scaled") << Weights{ 2.0, 2.0 } << Weights{ 0.5, 0.5 };
  QTest::newRow("already normal") << Weights{ 0.25, 0.75 } << Weights{ 0.25, 0.75 };
  QTest::newRow("all zeros, uniform")
    << Weights{ 0.0, 0.0, 0.0, 0.0 } << Weights{ 0.25, 0.25, 0.25, 0.25 };
  QTest::newRow("negative clipped") << Weights{ -1.0, 3.0 } << Weights{ 0.0, 1.0 };
  QTest::newRow("NaN clipped") << Weights{ std::nan(""), 1.0 } << Weights{ 0.0, 1.0 };
  QTest::newRow("empty") << Weights{} << Weights{};
}

void
TestSimplex::normalizedOnSimplex()
{
  QFETCH(Weights, weights);
  QFETCH(Weights, expected);
  const Weights result = paretolab::widgets::normalizedOnSimplex(weights);
  QVERIFY2(near(result, expected), describe(result) + " != " + describe(expected));
  if (!result.isEmpty())
    QVERIFY(std::abs(sum(result) - 1.0) <= kTolerance);
}

QTEST_MAIN(TestSimplex)
#include "tst_simplex.moc"
