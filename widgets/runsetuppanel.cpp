// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsetuppanel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace paretolab::widgets {

RunSetupPanel::RunSetupPanel(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);

  auto* taskBox = new QGroupBox(tr("Task"), this);
  auto* taskForm = new QFormLayout(taskBox);
  m_domain = new QComboBox(taskBox);
  m_domain->addItem(tr("Molecules (SMILES)"), QStringLiteral("molecules"));
  m_domain->addItem(tr("DNA enhancers"), QStringLiteral("dna"));
  m_domain->addItem(tr("Summaries"), QStringLiteral("summaries"));
  m_domain->addItem(tr("Toy bit strings"), QStringLiteral("toy"));
  taskForm->addRow(tr("&Domain:"), m_domain);

  auto* fileRow = new QHBoxLayout;
  m_taskFile = new QLineEdit(taskBox);
  m_taskFile->setPlaceholderText(tr("Task file (.json)"));
  auto* browse = new QToolButton(taskBox);
  browse->setText(QStringLiteral("…"));
  browse->setToolTip(tr("Choose a task file"));
  connect(browse, &QToolButton::clicked, this, &RunSetupPanel::chooseTaskFile);
  fileRow->addWidget(m_taskFile);
  fileRow->addWidget(browse);
  taskForm->addRow(tr("Task file:"), fileRow);
  layout->addWidget(taskBox);

  auto* objectivesBox = new QGroupBox(tr("Objectives"), this);
  auto* objectivesLayout = new QVBoxLayout(objectivesBox);
  m_objectives = new QTableWidget(0, 3, objectivesBox);
  m_objectives->setHorizontalHeaderLabels({ tr("Objective"), tr("Weight"), tr("Transform") });
  m_objectives->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_objectives->verticalHeader()->hide();
  m_objectives->setMinimumHeight(110);
  objectivesLayout->addWidget(m_objectives);
  layout->addWidget(objectivesBox);

  auto* trainingBox = new QGroupBox(tr("IterativeRS"), this);
  auto* form = new QFormLayout(trainingBox);
  m_mergePeriod = new QSpinBox(trainingBox);
  m_mergePeriod->setRange(0, 100000);
  m_mergePeriod->setSpecialValueText(tr("T (merge once at the end)"));
  m_mergePeriod->setValue(4);
  m_mergePeriod->setToolTip(tr("Merge period m: the experts are merged every m steps. "
                               "m = 1 is MORLHF, m = T is Rewarded Soups."));
  form->addRow(tr("Merge period &m:"), m_mergePeriod);

  m_subsetSize = new QSpinBox(trainingBox);
  m_subsetSize->setRange(1, 16);
  m_subsetSize->setValue(3);
  m_subsetSize->setToolTip(tr("M: how many experts, drawn at random after each merge, "
                              "train in the next round."));
  form->addRow(tr("Experts per round &M:"), m_subsetSize);

  m_totalSteps = new QSpinBox(trainingBox);
  m_totalSteps->setRange(1, 1000000);
  m_totalSteps->setValue(200);
  m_totalSteps->setToolTip(tr("T: total training steps; one step is one rollout batch "
                              "and one policy update."));
  form->addRow(tr("Steps &T:"), m_totalSteps);

  m_learningRate = new QDoubleSpinBox(trainingBox);
  m_learningRate->setDecimals(6);
  m_learningRate->setRange(1e-6, 1.0);
  m_learningRate->setSingleStep(1e-5);
  m_learningRate->setValue(1e-4);
  form->addRow(tr("&Learning rate:"), m_learningRate);

  m_batchSize = new QSpinBox(trainingBox);
  m_batchSize->setRange(2, 4096);
  m_batchSize->setValue(64);
  form->addRow(tr("&Batch size:"), m_batchSize);

  m_klBeta = new QDoubleSpinBox(trainingBox);
  m_klBeta->setDecimals(3);
  m_klBeta->setRange(0.0, 10.0);
  m_klBeta->setSingleStep(0.01);
  m_klBeta->setValue(0.05);
  m_klBeta->setToolTip(tr("β: weight of the per-token KL penalty that keeps each expert "
                          "close to the prior."));
  form->addRow(tr("KL &β:"), m_klBeta);

  m_seed = new QSpinBox(trainingBox);
  m_seed->setRange(0, 1 << 30);
  m_seed->setValue(1);
  form->addRow(tr("&Seed:"), m_seed);
  layout->addWidget(trainingBox);

  auto* buttons = new QHBoxLayout;
  m_start = new QPushButton(tr("&Start"), this);
  m_pause = new QPushButton(tr("&Pause"), this);
  m_stop = new QPushButton(tr("S&top"), this);
  m_pause->setEnabled(false);
  m_stop->setEnabled(false);
  connect(m_start, &QPushButton::clicked, this, &RunSetupPanel::startRequested);
  connect(m_pause, &QPushButton::clicked, this, &RunSetupPanel::pauseRequested);
  connect(m_stop, &QPushButton::clicked, this, &RunSetupPanel::stopRequested);
  buttons->addWidget(m_start);
  buttons->addWidget(m_pause);
  buttons->addWidget(m_stop);
  layout->addLayout(buttons);
  layout->addStretch(1);
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
RunSetupPanel::chooseTaskFile()
{
  const QString path = QFileDialog::getOpenFileName(
    this, tr("Open task"), m_taskFile->text(), tr("Task files (*.json)"));
  if (path.isEmpty())
    return;
  m_taskFile->setText(path);
  Q_EMIT taskFileChosen(path);
}

} // namespace paretolab::widgets
