// SPDX-License-Identifier: GPL-3.0-or-later
// A domain defined only in this file, as a contributor adding one would:
// it registers itself, and then trains, scores, exports and shows its samples
// through the app with no change to app/ or widgets/.

#include "annotatedsamplespage.h"
#include "annotatedsampleview.h"
#include "core/domainregistry.h"
#include "exportactions.h"
#include "mainwindow.h"
#include "paretoplot.h"
#include "runsetuppanel.h"
#include "samplestable.h"
#include "samplesview.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace paretolab;
using engine::SampleContext;

namespace {

/// Words over {a, b}: one objective likes a's, the other b's.
class WordsDomain : public engine::Domain
{
public:
  std::string name() const override { return "test-words"; }
  std::vector<engine::ObjectiveInfo> objectives() const override
  {
    return { { "a_share", "share of a's", {} }, { "b_share", "share of b's", {} } };
  }
  std::vector<std::string> corpus() const override
  {
    std::mt19937 rng(5);
    std::vector<std::string> words(600);
    for (auto& word : words)
      for (int i = 0; i < 6; ++i)
        word += rng() % 2 ? 'a' : 'b';
    return words;
  }
  engine::TokenizerSpec tokenizer() const override { return { "characters" }; }
  bool isValid(const std::string& sample) const override
  {
    return !sample.empty() && sample.find_first_not_of("ab") == std::string::npos;
  }
  std::map<std::string, double> metrics(const std::vector<std::string>& samples) const override
  {
    double valid = 0;
    for (const auto& sample : samples)
      valid += isValid(sample);
    return { { "validity", samples.empty() ? 0.0 : valid / double(samples.size()) } };
  }
  engine::SampleDescription describe(const std::string& sample,
                                     const SampleContext& = {}) const override
  {
    engine::SampleDescription description;
    description.valid = isValid(sample);
    engine::AnnotatedText text{ .heading = "Word", .text = sample };
    for (size_t i = 0; i < sample.size(); ++i)
      if (sample[i] == 'a')
        text.spans.push_back({ .begin = i, .end = i + 1, .label = "an a", .kind = "a" });
    description.blocks.push_back(text);
    description.kindColours["a"] = "#c0ffc0";
    return description;
  }

protected:
  std::vector<std::vector<double>> computeScores(const std::vector<std::string>& samples,
                                                 const std::vector<SampleContext>&,
                                                 const std::vector<std::string>& objectives,
                                                 const engine::TextLikelihood*) const override
  {
    std::vector<std::vector<double>> values;
    for (const auto& sample : samples) {
      std::vector<double> row;
      for (const auto& objective : objectives) {
        if (!isValid(sample)) {
          row.push_back(std::nan(""));
          continue;
        }
        const char letter = objective == "a_share" ? 'a' : 'b';
        row.push_back(double(std::count(sample.begin(), sample.end(), letter)) / 6.0);
      }
      values.push_back(row);
    }
    return values;
  }
};

const bool kRegistered =
  engine::registerDomain({ "test-words", "Test words", [](const nlohmann::json&) {
                            return std::make_shared<WordsDomain>();
                          } });

const char* const kTask = R"({
  "name": "Words",
  "domain": "test-words",
  "objectives": [ { "name": "a_share" }, { "name": "b_share" } ],
  "model": { "embed_dim": 32, "layers": 1, "heads": 2, "context_length": 10 },
  "pretrain": { "epochs": 2 },
  "training": { "total_steps": 4, "merge_period": 2, "evaluation_batch": 32,
                "ppo": { "batch_size": 16, "learning_rate": 0.003 } }
})";

} // namespace

class TestPluginDomain : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void initTestCase()
  {
    QVERIFY(kRegistered);
    QVERIFY(m_dir.isValid());
    QCoreApplication::setOrganizationName(QStringLiteral("ParetoLabPluginTest"));
  }

  void registersAndScores()
  {
    const auto domains = engine::availableDomains();
    QVERIFY(std::find(domains.begin(), domains.end(), "test-words") != domains.end());
    const auto domain = engine::makeDomain("test-words");
    const auto values = domain->score({ "aab", "xyz" }, { "a_share", "b_share" });
    QCOMPARE(values[0][0], 2.0 / 6.0);
    QVERIFY(std::isnan(values[1][1]));
    // It gets the formats every domain has without writing any.
    QVERIFY(domain->sampleFormat("csv")->canWrite());
    QVERIFY(domain->sampleFormat("words.txt")->canRead());
  }

  void trainsExportsAndShowsItsSamplesInTheGui()
  {
    const QString task = m_dir.filePath(QStringLiteral("words.json"));
    QFile file(task);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kTask);
    file.close();

    app::MainWindow window;
    window.setCacheDirectory(m_dir.filePath(QStringLiteral("cache")));
    window.controller()->setDatabasePath(m_dir.filePath(QStringLiteral("runs.sqlite")));
    window.show();
    QVERIFY(window.loadTask(task));
    QSignalSpy finished(window.controller(), &app::TrainingController::runFinished);
    window.startTraining();
    QVERIFY(finished.wait(120000));
    QCOMPARE(window.paretoPlot()->pointCount(), 3); // the prior and two merges

    // The generic page shows the samples and draws describe()'s marks.
    auto* page = qobject_cast<widgets::AnnotatedSamplesPage*>(window.samplesView()->currentPage());
    QVERIFY(page);
    QCOMPARE(page->table()->rowCount(), 32);
    QCOMPARE(page->table()->objectiveNames(), (QStringList{ "a_share", "b_share" }));
    const QString shown = page->table()->sampleAt(0);
    if (shown.contains(QLatin1Char('a')))
      QVERIFY2(page->view()->html().contains(QStringLiteral("#c0ffc0")),
               qPrintable(page->view()->html()));

    // Exports take the domain's own formats.
    const QString csv = m_dir.filePath(QStringLiteral("words.csv"));
    const auto domain = engine::makeDomain("test-words");
    const QString message = window.exportActions()->writeSamples(csv, *domain->sampleFormat("csv"));
    QVERIFY2(message.contains(QStringLiteral("32 of 32")), qPrintable(message));
    QFile written(csv);
    QVERIFY(written.open(QIODevice::ReadOnly));
    // The run and the policy's λ travel with the samples.
    QVERIFY2(written.readLine().trimmed().startsWith(
               "sample,a_share,b_share,a_share_reward,b_share_reward,run_id,lambda_a_share,"
               "lambda_b_share"),
             "unexpected header");
    written.close();

    // The export is what the user sees: sorted by a_share, highest first, and only the
    // samples the search lets through.
    page->table()->tableView()->sortByColumn(widgets::SamplesTable::kFirstObjectiveColumn,
                                             Qt::DescendingOrder);
    const QString sorted = m_dir.filePath(QStringLiteral("sorted.csv"));
    window.exportActions()->writeSamples(sorted, *domain->sampleFormat("csv"));
    QFile sortedFile(sorted);
    QVERIFY(sortedFile.open(QIODevice::ReadOnly));
    sortedFile.readLine();
    double previous = 1e9;
    int rows = 0;
    double lambdaSum = 0.0;
    while (!sortedFile.atEnd()) {
      const auto fields = sortedFile.readLine().trimmed().split(',');
      QCOMPARE(fields.size(), 8);
      if (!fields[1].isEmpty()) { // no value (an invalid sample) sorts apart
        const double share = fields[1].toDouble();
        QVERIFY2(
          share <= previous,
          qPrintable(
            QStringLiteral("%1 after %2: not in the on-screen order").arg(share).arg(previous)));
        previous = share;
      }
      lambdaSum = fields[6].toDouble() + fields[7].toDouble();
      ++rows;
    }
    QCOMPARE(rows, 32);
    QVERIFY(std::abs(lambdaSum - 1.0) < 1e-9);

    window.samplesView()->setFilters(false, false, false, QStringLiteral("aaa"));
    const int matching = page->table()->rowCount();
    QVERIFY(matching > 0 && matching < 32);
    const QString filtered = m_dir.filePath(QStringLiteral("filtered.csv"));
    const QString filteredMessage =
      window.exportActions()->writeSamples(filtered, *domain->sampleFormat("csv"));
    QVERIFY2(filteredMessage.contains(QStringLiteral("%1 of %1").arg(matching)),
             qPrintable(filteredMessage));
  }

private:
  QTemporaryDir m_dir;
};

QTEST_MAIN(TestPluginDomain)
#include "tst_plugindomain.moc"
