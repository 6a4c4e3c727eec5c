// SPDX-License-Identifier: GPL-3.0-or-later
// The run-setup form never changes what a user typed: bad values are marked
// and explained, good ones reach the task (and the source a run stores).

#include "objectiveseditor.h"
#include "runsetuppanel.h"
#include "transformpreview.h"

#include "core/domainregistry.h"
#include "train/taskconfig.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTest>

using namespace paretolab;
using widgets::RunSetupPanel;

namespace {

engine::TaskConfig
toyTask()
{
  return engine::loadTaskConfig(PARETOLAB_SOURCE_DIR "/resources/tasks/toy.json");
}

void
type(QLineEdit* edit, const QString& text)
{
  edit->setText(text);
  Q_EMIT edit->textEdited(text);
}

std::vector<engine::ObjectiveInfo>
toyObjectives()
{
  return engine::makeDomain("toy")->objectives();
}

} // namespace

class TestRunSetupPanel : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void showsTheTaskAsGiven()
  {
    RunSetupPanel panel;
    panel.setTask(toyTask(), "toy", toyObjectives());
    QCOMPARE(panel.field("m")->text(), QString("4"));
    QCOMPARE(panel.field("T")->text(), QString("40"));
    QCOMPARE(panel.field("learning_rate")->text(), QString("0.001"));
    QCOMPARE(panel.objectivesEditor()->rowCount(), 3);
    QVERIFY(panel.validationMessage().isEmpty());
  }

  // Each bad value used to be changed without a word; now each is named.
  void badValuesAreExplainedNotChanged_data()
  {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("negative learning rate") << "learning_rate"
                                            << "-0.001"
                                            << "learning rate";
    QTest::newRow("zero learning rate") << "learning_rate"
                                        << "0"
                                        << "above 0";
    QTest::newRow("m = 0") << "m"
                           << "0"
                           << "merge period";
    QTest::newRow("m is words") << "m"
                                << "often"
                                << "“often”";
    QTest::newRow("T empty") << "T"
                             << ""
                             << "Steps T";
    QTest::newRow("batch of 1") << "batch"
                                << "1"
                                << "at least 2";
    QTest::newRow("M above N") << "M"
                               << "4"
                               << "from 1 to 3";
    QTest::newRow("negative beta") << "beta"
                                   << "-1"
                                   << "KL β";
    QTest::newRow("seed fraction") << "seed"
                                   << "1.5"
                                   << "seed";
  }

  void badValuesAreExplainedNotChanged()
  {
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    RunSetupPanel panel;
    panel.setTask(toyTask(), "toy", toyObjectives());
    type(panel.field(field), text);
    QVERIFY2(panel.validationMessage().contains(mentions), qPrintable(panel.validationMessage()));
    QCOMPARE(panel.field(field)->text(), text);           // left as typed
    QVERIFY(!panel.field(field)->styleSheet().isEmpty()); // and marked
  }

  void goodValuesReachTheTaskAndItsSource()
  {
    RunSetupPanel panel;
    panel.setTask(toyTask(), "toy", toyObjectives());
    type(panel.field("m"), "T");
    type(panel.field("learning_rate"), "2,5e-4"); // a German decimal comma is fine
    type(panel.field("M"), "2");
    QVERIFY2(panel.validationMessage().isEmpty(), qPrintable(panel.validationMessage()));
    const auto task = panel.task();
    QCOMPARE(task.training.mergePeriod, int64_t(0));
    QCOMPARE(task.training.ppo.learningRate, 2.5e-4);
    QCOMPARE(task.training.subsetSize, int64_t(2));
    QCOMPARE(task.source["training"]["merge_period"].get<std::string>(), std::string("T"));
    // The stored source reads back as the same task.
    const auto reread = engine::parseTaskConfig(task.source);
    QCOMPARE(reread.training.ppo.learningRate, 2.5e-4);
  }

  void anEmptyWeightIsNamed()
  {
    RunSetupPanel panel;
    panel.setTask(toyTask(), "toy", toyObjectives());
    type(panel.objectivesEditor()->field(1, "weight"), "");
    QVERIFY2(panel.validationMessage().contains("weight of alternation is empty"),
             qPrintable(panel.validationMessage()));
    type(panel.objectivesEditor()->field(1, "weight"), "0");
    type(panel.objectivesEditor()->field(0, "weight"), "0");
    type(panel.objectivesEditor()->field(2, "weight"), "0");
    QVERIFY(panel.validationMessage().contains("weight above 0"));
  }

  void objectivesAreAddedRemovedAndTheirTransformsEdited()
  {
    RunSetupPanel panel;
    panel.setTask(toyTask(), "toy", toyObjectives());
    auto* editor = panel.objectivesEditor();
    editor->removeObjective(1);
    QCOMPARE(editor->rowCount(), 2);
    QVERIFY(editor->addObjective());  // alternation again, the only one left
    QVERIFY(!editor->addObjective()); // none left
    QCOMPARE(editor->rowCount(), 3);

    // pattern: maximize from 0.2 to 0.6
    auto* kind = editor->transformBox(1);
    kind->setCurrentIndex(kind->findData(int(engine::RewardTransform::Kind::Maximize)));
    QVERIFY(editor->field(1, "low")->isVisibleTo(editor));
    QVERIFY(!editor->field(1, "target")->isVisibleTo(editor));
    type(editor->field(1, "low"), "0.2");
    type(editor->field(1, "high"), "0.6");
    QVERIFY2(panel.validationMessage().isEmpty(), qPrintable(panel.validationMessage()));
    const auto task = panel.task();
    QCOMPARE(task.objectives.size(), size_t(3));
    QCOMPARE(task.objectives[1].name, std::string("pattern"));
    QCOMPARE(task.objectives[1].transform.apply(0.4), 0.5);
    QCOMPARE(task.source["objectives"][1]["transform"]["low"].get<double>(), 0.2);
    QCOMPARE(task.objectives[2].name, std::string("alternation"));

    type(editor->field(1, "high"), "0.1");
    QVERIFY(panel.validationMessage().contains("low below high"));
  }

  void thePreviewDrawsTheSelectedTransform()
  {
    widgets::TransformPreview preview;
    engine::RewardTransform target{ .kind = engine::RewardTransform::Kind::Target,
                                    .target = 2.5,
                                    .tolerance = 1.0 };
    preview.setTransform(target, "logp");
    QVERIFY(preview.pointCount() > 100);
    const auto [low, high] = widgets::TransformPreview::rawRange(target);
    QVERIFY(low < -0.5 && high > 5.5); // the tails show
    QCOMPARE(preview.xAxis->label(), QString("raw logp"));
  }
};

QTEST_MAIN(TestRunSetupPanel)
#include "tst_runsetuppanel.moc"
