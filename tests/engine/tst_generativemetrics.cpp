// SPDX-License-Identifier: GPL-3.0-or-later
// The MOSES metrics against RDKit's Python, randomized SMILES, and pretraining
// with them (the shipped prior's recipe).
#include "domains/molecules/moleculedomain.h"
#include "domains/molecules/smiles.h"
#include "train/priorcache.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <stop_token>

using namespace paretolab::engine;

namespace {

MoleculeDomain&
domain()
{
  static MoleculeDomain shared;
  return shared;
}

std::vector<std::string>
readLines(const std::string& name)
{
  std::ifstream in(PARETOLAB_SOURCE_DIR "/tests/data/moses/" + name);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty())
      lines.push_back(line);
  return lines;
}

} // namespace

class TestGenerativeMetrics : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  // scripts/make-moses-reference.py computed these with RDKit's Python.
  void equalRdkitPythonReference()
  {
    const auto samples = readLines("samples.smi");
    QCOMPARE(samples.size(), size_t(922));
    const auto metrics =
      domain().generativeMetrics(samples, readLines("test.smi"), readLines("train.smi"));
    std::ifstream in(PARETOLAB_SOURCE_DIR "/tests/data/moses/expected.json");
    const auto expected = nlohmann::json::parse(in);
    QCOMPARE(metrics.size(), expected.size());
    for (const auto& [name, value] : expected.items()) {
      QVERIFY2(metrics.count(name), name.c_str());
      qInfo(
        "%-10s %.9f (RDKit's Python %.9f)", name.c_str(), metrics.at(name), value.get<double>());
      QVERIFY2(std::abs(metrics.at(name) - value.get<double>()) < 1e-6, name.c_str());
    }
  }

  void leaveOutWhatHasNoInput()
  {
    const auto metrics = domain().generativeMetrics({ "CCO", "CCO", "c1ccccc1", "C1CC" }, {}, {});
    QCOMPARE(metrics.at("validity"), 0.75);
    QCOMPARE(metrics.at("unique@1k"), 2.0 / 3.0);
    QVERIFY(metrics.count("IntDiv1"));
    QVERIFY(!metrics.count("novelty"));
    QVERIFY(!metrics.count("SNN"));
    QVERIFY(!metrics.count("Frag"));
  }

  // `train --summary` stops them when the user presses Ctrl+C (a ChEMBL-size
  // corpus takes minutes); the same inputs give every metric without a stop.
  void stopWhenAsked()
  {
    const auto samples = readLines("samples.smi");
    const auto test = readLines("test.smi");
    const auto train = readLines("train.smi");
    std::stop_source stop;
    stop.request_stop();
    QVERIFY(domain().generativeMetrics(samples, test, train, stop.get_token()).empty());
    QVERIFY(domain().generativeMetrics(samples, test, train).count("novelty"));
  }

  void randomizedSmilesSpellTheSameMolecule()
  {
    const std::string smiles = "CC(=O)Oc1ccccc1C(=O)O"; // aspirin
    std::set<std::string> spellings;
    for (uint64_t seed = 1; seed <= 20; ++seed) {
      const auto spelling = randomizedSmiles(smiles, seed);
      QCOMPARE(canonicalSmiles(spelling), canonicalSmiles(smiles));
      QCOMPARE(randomizedSmiles(smiles, seed), spelling); // the seed decides
      spellings.insert(spelling);
    }
    QVERIFY2(spellings.size() >= 10, "twenty seeds should give many spellings");
    QCOMPARE(domain().respell("not a smiles", 3), std::string("not a smiles"));
  }

  // The point of the augmentation (Arús-Pous et al. 2019): a prior that saw
  // many spellings has learnt molecules rather than one writing of them. It
  // gives randomized spellings of molecules it never saw a far lower NLL than
  // a prior trained on canonical SMILES alone, and still writes valid SMILES.
  void augmentedPretrainingLearnsMoleculesNotSpellings()
  {
    const auto all = domain().corpus();
    const std::vector<std::string> corpus(all.begin(), all.begin() + 600);
    const std::vector<std::string> unseen(all.begin() + 600, all.begin() + 800);
    std::vector<std::string> respelled;
    for (size_t i = 0; i < unseen.size(); ++i)
      respelled.push_back(domain().respell(unseen[i], 1000 + i));

    const GptOptions model{ .contextLength = 104, .embedDim = 48, .layers = 1, .heads = 4 };
    PretrainOptions plain{
      .epochs = 3, .batchSize = 32, .learningRate = 3e-3, .validitySamples = 64
    };
    auto augmented = plain;
    augmented.augmentations = 2;
    std::vector<double> validities;
    const auto withSpellings =
      pretrainPrior(domain(), corpus, model, augmented, [&](const PretrainProgress& p) {
        if (p.epochFinished)
          validities.push_back(p.validity);
      });
    const auto canonicalOnly = pretrainPrior(domain(), corpus, model, plain);

    const double nllAugmented = meanNegativeLogLikelihood(withSpellings.policy, respelled);
    const double nllCanonical = meanNegativeLogLikelihood(canonicalOnly.policy, respelled);
    qInfo("NLL of unseen randomized SMILES: %.3f augmented, %.3f canonical only",
          nllAugmented,
          nllCanonical);
    QVERIFY(nllAugmented < nllCanonical - 0.1);
    QCOMPARE(validities.size(), size_t(3));
    for (double validity : validities)
      QVERIFY(validity >= 0.0 && validity <= 1.0);
    QVERIFY(std::count(validities.begin(),
                       validities.end(),
                       withSpellings.pretraining.validity)); // the best epoch's
    QCOMPARE(withSpellings.pretraining.heldOut.size(),
             size_t(withSpellings.pretraining.validationTexts));
  }
};

QTEST_GUILESS_MAIN(TestGenerativeMetrics)
#include "tst_generativemetrics.moc"
