// SPDX-License-Identifier: GPL-3.0-or-later
#include "runbrowser.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace paretolab::widgets {

RunBrowser::RunBrowser(QWidget* parent)
  : QDialog(parent)
{
  setWindowTitle(tr("Runs"));
  resize(720, 420);
  auto* layout = new QVBoxLayout(this);
  m_table = new QTableWidget(0, 6, this);
  m_table->setHorizontalHeaderLabels(
    { tr("Run"), tr("Name"), tr("Status"), tr("Started"), tr("Steps"), tr("Merges") });
  m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  m_table->verticalHeader()->hide();
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_table->setSortingEnabled(true);
  layout->addWidget(m_table);

  auto* buttons = new QHBoxLayout;
  m_open = new QPushButton(tr("&Open"), this);
  m_rename = new QPushButton(tr("Re&name…"), this);
  m_delete = new QPushButton(tr("&Delete…"), this);
  m_compare = new QPushButton(tr("&Compare"), this);
  m_compare->setToolTip(tr("Overlay the curves and fronts of the selected runs (two or more)."));
  for (auto* button : { m_open, m_rename, m_delete, m_compare })
    buttons->addWidget(button);
  buttons->addStretch(1);
  auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
  buttons->addWidget(close);
  layout->addLayout(buttons);

  connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunBrowser::updateButtons);
  connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] {
    if (selectedRuns().size() == 1)
      Q_EMIT openRequested(selectedRuns().front());
  });
  connect(
    m_open, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(selectedRuns().front()); });
  connect(m_rename, &QPushButton::clicked, this, [this] {
    const qint64 id = selectedRuns().front();
    QString current;
    for (const auto& run : m_runs)
      if (run.id == id)
        current = run.name;
    bool ok = false;
    const QString name =
      QInputDialog::getText(this, tr("Rename run"), tr("Name:"), QLineEdit::Normal, current, &ok);
    if (ok && !name.trimmed().isEmpty())
      Q_EMIT renameRequested(id, name.trimmed());
  });
  connect(m_delete, &QPushButton::clicked, this, [this] {
    const auto ids = selectedRuns();
    const auto answer = QMessageBox::question(
      this,
      tr("Delete runs"),
      tr("Delete %n run(s) with their metrics and samples? This cannot be undone.",
         nullptr,
         int(ids.size())));
    if (answer == QMessageBox::Yes)
      for (qint64 id : ids)
        Q_EMIT deleteRequested(id);
  });
  connect(
    m_compare, &QPushButton::clicked, this, [this] { Q_EMIT compareRequested(selectedRuns()); });
  updateButtons();
}

void
RunBrowser::setRuns(const QVector<RunRow>& runs)
{
  m_runs = runs;
  m_table->setSortingEnabled(false);
  m_table->setRowCount(int(runs.size()));
  for (int row = 0; row < runs.size(); ++row) {
    const auto& run = runs[row];
    auto* id = new QTableWidgetItem;
    id->setData(Qt::DisplayRole, run.id);
    m_table->setItem(row, 0, id);
    m_table->setItem(row, 1, new QTableWidgetItem(run.name));
    m_table->setItem(row, 2, new QTableWidgetItem(run.status));
    m_table->setItem(row, 3, new QTableWidgetItem(run.started));
    auto* steps = new QTableWidgetItem;
    steps->setData(Qt::DisplayRole, run.steps);
    m_table->setItem(row, 4, steps);
    auto* merges = new QTableWidgetItem;
    merges->setData(Qt::DisplayRole, run.merges);
    m_table->setItem(row, 5, merges);
  }
  m_table->setSortingEnabled(true);
  updateButtons();
}

QVector<qint64>
RunBrowser::selectedRuns() const
{
  QVector<qint64> ids;
  for (const auto& range : m_table->selectedRanges())
    for (int row = range.topRow(); row <= range.bottomRow(); ++row)
      ids << m_table->item(row, 0)->data(Qt::DisplayRole).toLongLong();
  return ids;
}

int
RunBrowser::rowCount() const
{
  return m_table->rowCount();
}

void
RunBrowser::updateButtons()
{
  const auto selected = selectedRuns().size();
  m_open->setEnabled(selected == 1);
  m_rename->setEnabled(selected == 1);
  m_delete->setEnabled(selected >= 1);
  m_compare->setEnabled(selected >= 2);
}

} // namespace paretolab::widgets
