// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsetuppanel.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <numeric>

namespace paretolab::widgets {

namespace {

using Kind = engine::RewardTransform::Kind;

const QList<QPair<Kind, const char*>>&
transformKinds()
{
  static const QList<QPair<Kind, const char*>> kinds{
    { Kind::Identity, QT_TRANSLATE_NOOP("RunSetupPanel", "identity") },
    { Kind::Maximize, QT_TRANSLATE_NOOP("RunSetupPanel", "maximize") },
    { Kind::Minimize, QT_TRANSLATE_NOOP("RunSetupPanel", "minimize") },
    { Kind::Target, QT_TRANSLATE_NOOP("RunSetupPanel", "target ± tolerance") },
    { Kind::Sigmoid, QT_TRANSLATE_NOOP("RunSetupPanel", "sigmoid") },
    { Kind::DoubleSigmoid, QT_TRANSLATE_NOOP("RunSetupPanel", "double sigmoid") },
  };
  return kinds;
}

QString
describe(const engine::RewardTransform& t)
{
  switch (t.kind) {
    case Kind::Identity:
      return RunSetupPanel::tr("the raw value");
    case Kind::Maximize:
      return RunSetupPanel::tr("0 at %1, 1 at %2").arg(t.low).arg(t.high);
    case Kind::Minimize:
      return RunSetupPanel::tr("1 at %1, 0 at %2").arg(t.low).arg(t.high);
    case Kind::Target:
      return RunSetupPanel::tr("1 within %1 ± %2").arg(t.target).arg(t.tolerance);
    case Kind::Sigmoid:
      return RunSetupPanel::tr("0.5 at %1, width %2").arg(t.center).arg(t.scale);
    case Kind::DoubleSigmoid:
      return RunSetupPanel::tr("high between %1 and %2").arg(t.low).arg(t.high);
  }
  return {};
}

} // namespace

RunSetupPanel::RunSetupPanel(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);

  auto* taskBox = new QGroupBox(tr("Task"), this);
  auto* taskForm = new QFormLayout(taskBox);
  m_bundled = new QComboBox(taskBox);
  m_bundled->setToolTip(tr("Tasks that come with ParetoLab; open your own with the … button."));
  connect(m_bundled, &QComboBox::activated, this, [this](int index) {
    Q_EMIT bundledTaskChosen(m_bundled->itemData(index).toString());
  });
  taskForm->addRow(tr("&Bundled task:"), m_bundled);

  auto* fileRow = new QHBoxLayout;
  m_taskFile = new QLineEdit(taskBox);
  m_taskFile->setReadOnly(true);
  m_taskFile->setPlaceholderText(tr("Task file (.json)"));
  auto* browse = new QToolButton(taskBox);
  browse->setText(QStringLiteral("…"));
  browse->setToolTip(tr("Open a task file"));
  connect(browse, &QToolButton::clicked, this, &RunSetupPanel::chooseTaskFile);
  fileRow->addWidget(m_taskFile);
  fileRow->addWidget(browse);
  taskForm->addRow(tr("Task file:"), fileRow);
  m_domain = new QLabel(taskBox);
  taskForm->addRow(tr("Domain:"), m_domain);
  layout->addWidget(taskBox);

  auto* objectivesBox = new QGroupBox(tr("Objectives"), this);
  auto* objectivesLayout = new QVBoxLayout(objectivesBox);
  m_objectives = new QTableWidget(0, 3, objectivesBox);
  m_objectives->setHorizontalHeaderLabels({ tr("Objective"), tr("Weight w"), tr("Transform") });
  m_objectives->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
  m_objectives->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
  m_objectives->verticalHeader()->hide();
  m_objectives->setMinimumHeight(120);
  m_objectives->setToolTip(tr("Each objective has an expert policy. Weights set how the experts "
                              "are merged (λ = w / Σw); transforms map raw values to [0, 1]."));
  objectivesLayout->addWidget(m_objectives);
  layout->addWidget(objectivesBox);

  auto* trainingBox = new QGroupBox(tr("IterativeRS"), this);
  auto* form = new QFormLayout(trainingBox);
  auto addSpin = [&](QSpinBox*& spin, int low, int high, const QString& label, const QString& tip) {
    spin = new QSpinBox(trainingBox);
    spin->setRange(low, high);
    spin->setToolTip(tip);
    form->addRow(label, spin);
    connect(spin, &QSpinBox::valueChanged, this, &RunSetupPanel::revalidate);
  };
  addSpin(m_mergePeriod,
          0,
          1000000,
          tr("Merge period &m:"),
          tr("The experts are merged every m steps and all restart from the merge. "
             "m = 1 is MORLHF (one combined reward); T merges once at the end "
             "(Rewarded Soups); the paper finds an intermediate m best."));
  m_mergePeriod->setSpecialValueText(tr("T (once, at the end)"));
  addSpin(m_subsetSize,
          0,
          64,
          tr("Experts per round &M:"),
          tr("M of the N experts, drawn at random after each merge, train in the next round."));
  m_subsetSize->setSpecialValueText(tr("all"));
  addSpin(m_totalSteps,
          1,
          1000000,
          tr("Steps &T:"),
          tr("Total training steps; one step is one rollout batch and one policy update "
             "for each training expert."));
  m_learningRate = new QDoubleSpinBox(trainingBox);
  m_learningRate->setDecimals(6);
  m_learningRate->setRange(1e-6, 1.0);
  m_learningRate->setSingleStep(1e-5);
  form->addRow(tr("&Learning rate:"), m_learningRate);
  addSpin(m_batchSize, 2, 4096, tr("&Batch size:"), tr("Sequences per rollout batch."));
  m_klBeta = new QDoubleSpinBox(trainingBox);
  m_klBeta->setDecimals(3);
  m_klBeta->setRange(0.0, 10.0);
  m_klBeta->setSingleStep(0.01);
  m_klBeta->setToolTip(tr("β: weight of the per-token KL penalty that keeps each expert close "
                          "to the prior. Larger keeps more diversity, smaller chases reward."));
  form->addRow(tr("KL &β:"), m_klBeta);
  addSpin(m_seed, 0, 1 << 30, tr("&Seed:"), tr("The same seed gives the same run."));
  layout->addWidget(trainingBox);

  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_message->hide();
  layout->addWidget(m_message);

  layout->addStretch(1);
  setRunning(false);
}

void
RunSetupPanel::setBundledTasks(const QVector<QPair<QString, QString>>& tasks)
{
  const QSignalBlocker blocker(m_bundled);
  m_bundled->clear();
  for (const auto& [name, title] : tasks)
    m_bundled->addItem(title, name);
}

void
RunSetupPanel::setTask(const engine::TaskConfig& task, const QString& source)
{
  m_task = task;
  m_hasTask = true;
  m_taskFile->setText(source);
  m_domain->setText(QString::fromStdString(task.domain));
  const int bundled = m_bundled->findData(source);
  if (bundled >= 0)
    m_bundled->setCurrentIndex(bundled);
  fillObjectives(task);
  const QSignalBlocker blockers[] = { QSignalBlocker(m_mergePeriod),
                                      QSignalBlocker(m_subsetSize),
                                      QSignalBlocker(m_totalSteps),
                                      QSignalBlocker(m_batchSize),
                                      QSignalBlocker(m_seed) };
  m_mergePeriod->setValue(int(task.training.mergePeriod));
  m_subsetSize->setMaximum(int(task.objectives.size()));
  m_subsetSize->setValue(int(task.training.subsetSize));
  m_totalSteps->setValue(int(task.training.totalSteps));
  m_learningRate->setValue(task.training.ppo.learningRate);
  m_batchSize->setValue(int(task.training.ppo.batchSize));
  m_klBeta->setValue(task.training.ppo.klBeta);
  m_seed->setValue(int(task.training.seed));
  revalidate();
}

void
RunSetupPanel::fillObjectives(const engine::TaskConfig& task)
{
  m_objectives->setRowCount(0);
  for (const auto& objective : task.objectives) {
    const int row = m_objectives->rowCount();
    m_objectives->insertRow(row);
    auto* name = new QTableWidgetItem(QString::fromStdString(objective.name));
    name->setFlags(Qt::ItemIsEnabled);
    name->setToolTip(describe(objective.transform));
    m_objectives->setItem(row, 0, name);
    auto* weight = new QDoubleSpinBox(m_objectives);
    weight->setRange(0.0, 1000.0);
    weight->setDecimals(3);
    weight->setSingleStep(0.1);
    weight->setValue(objective.weight);
    connect(weight, &QDoubleSpinBox::valueChanged, this, &RunSetupPanel::revalidate);
    m_objectives->setCellWidget(row, 1, weight);
    auto* transform = new QComboBox(m_objectives);
    for (const auto& [kind, label] : transformKinds())
      transform->addItem(QCoreApplication::translate("RunSetupPanel", label), int(kind));
    transform->setCurrentIndex(transform->findData(int(objective.transform.kind)));
    transform->setToolTip(describe(objective.transform));
    m_objectives->setCellWidget(row, 2, transform);
  }
}

engine::TaskConfig
RunSetupPanel::task() const
{
  auto task = m_task;
  for (int row = 0; row < m_objectives->rowCount() && row < int(task.objectives.size()); ++row) {
    auto& objective = task.objectives[size_t(row)];
    objective.weight = static_cast<QDoubleSpinBox*>(m_objectives->cellWidget(row, 1))->value();
    const auto* transform = static_cast<QComboBox*>(m_objectives->cellWidget(row, 2));
    objective.transform.kind = Kind(transform->currentData().toInt());
  }
  task.training.mergePeriod = m_mergePeriod->value();
  task.training.subsetSize = m_subsetSize->value();
  task.training.totalSteps = m_totalSteps->value();
  task.training.ppo.learningRate = m_learningRate->value();
  task.training.ppo.batchSize = m_batchSize->value();
  task.training.ppo.minibatches =
    std::min<int64_t>(task.training.ppo.minibatches, task.training.ppo.batchSize);
  task.training.ppo.klBeta = m_klBeta->value();
  task.training.seed = uint64_t(m_seed->value());
  // The source is what a run database stores and a resume reads back: it must
  // say what runs, edits included.
  auto& source = task.source;
  for (size_t i = 0; i < task.objectives.size() && i < source["objectives"].size(); ++i) {
    source["objectives"][i]["weight"] = task.objectives[i].weight;
    source["objectives"][i]["transform"] = task.objectives[i].transform.toJson();
  }
  auto& training = source["training"];
  if (task.training.mergePeriod == 0)
    training["merge_period"] = "T";
  else
    training["merge_period"] = task.training.mergePeriod;
  training["subset_size"] = task.training.subsetSize;
  training["total_steps"] = task.training.totalSteps;
  training["seed"] = task.training.seed;
  training["ppo"]["learning_rate"] = task.training.ppo.learningRate;
  training["ppo"]["batch_size"] = task.training.ppo.batchSize;
  training["ppo"]["minibatches"] = task.training.ppo.minibatches;
  training["ppo"]["kl_beta"] = task.training.ppo.klBeta;
  return task;
}

QString
RunSetupPanel::validationMessage() const
{
  if (!m_hasTask)
    return tr("Choose a task.");
  double total = 0.0;
  for (int row = 0; row < m_objectives->rowCount(); ++row)
    total += static_cast<QDoubleSpinBox*>(m_objectives->cellWidget(row, 1))->value();
  if (total <= 0.0)
    return tr("At least one objective needs a weight above 0.");
  if (m_mergePeriod->value() > m_totalSteps->value())
    return tr("The merge period m (%1) is longer than the run (T = %2): choose T for one merge "
              "at the end.")
      .arg(m_mergePeriod->value())
      .arg(m_totalSteps->value());
  return {};
}

void
RunSetupPanel::revalidate()
{
  const QString message = validationMessage();
  m_message->setText(message);
  m_message->setVisible(!message.isEmpty() && m_hasTask);
  Q_EMIT edited();
}

int
RunSetupPanel::mergePeriod() const
{
  return m_mergePeriod->value();
}

int
RunSetupPanel::totalSteps() const
{
  return m_totalSteps->value();
}

void
RunSetupPanel::setTotalSteps(int steps)
{
  m_totalSteps->setValue(steps);
}

void
RunSetupPanel::setRunning(bool running)
{
  for (auto* editor : std::initializer_list<QWidget*>{ m_objectives,
                                                       m_mergePeriod,
                                                       m_subsetSize,
                                                       m_totalSteps,
                                                       m_learningRate,
                                                       m_batchSize,
                                                       m_klBeta,
                                                       m_seed,
                                                       m_bundled })
    editor->setEnabled(!running);
}

void
RunSetupPanel::chooseTaskFile()
{
  const QString path = QFileDialog::getOpenFileName(
    this, tr("Open task"), m_taskFile->text(), tr("Task files (*.json)"));
  if (!path.isEmpty())
    Q_EMIT taskFileChosen(path);
}

} // namespace paretolab::widgets
