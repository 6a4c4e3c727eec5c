// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplestable.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace paretolab::widgets {

namespace {

// What the model sorts by: numbers as numbers, so that 9 < 10 < 100.
constexpr int kSortRole = Qt::UserRole + 1;

QStandardItem*
scoreItem(double value)
{
  auto* item = new QStandardItem;
  item->setEditable(false);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  if (std::isnan(value))
    return item; // no sort value: QStandardItemModel sorts it after every number
  item->setText(QString::number(value, 'g', 4));
  item->setData(value, kSortRole);
  item->setToolTip(QString::number(value, 'g', 10));
  return item;
}

} // namespace

SamplesTable::SamplesTable(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);

  m_model = new QStandardItemModel(this);
  m_model->setSortRole(kSortRole);

  m_view = new QTableView(this);
  m_view->setModel(m_model);
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_view->setAlternatingRowColors(true);
  m_view->setWordWrap(false);
  m_view->setTextElideMode(Qt::ElideMiddle);
  m_view->verticalHeader()->hide();
  m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
  m_view->horizontalHeader()->setSortIndicator(kIndexColumn, Qt::AscendingOrder);
  m_view->horizontalHeader()->setHighlightSections(false);
  m_view->setSortingEnabled(true);
  layout->addWidget(m_view);

  setObjectiveNames({});
}

void
SamplesTable::setObjectiveNames(const QStringList& names)
{
  m_objectiveNames = names;
  // Samples carry raw values (the front shows rewards): say which.
  QStringList headers{ tr("#"), tr("Sample") };
  for (const auto& name : names)
    headers += tr("%1 (raw)").arg(name);
  m_model->setColumnCount(static_cast<int>(headers.size()));
  m_model->setHorizontalHeaderLabels(headers);

  QHeaderView* header = m_view->horizontalHeader();
  header->setSectionResizeMode(QHeaderView::ResizeToContents);
  header->setSectionResizeMode(kSampleColumn, QHeaderView::Stretch);
  if (header->sortIndicatorSection() >= headers.size())
    header->setSortIndicator(kIndexColumn, Qt::AscendingOrder);
  populate();
}

void
SamplesTable::setSamples(const QStringList& samples, const QVector<QVector<double>>& rawScores)
{
  m_samples = samples;
  m_scores = rawScores;
  populate();
}

int
SamplesTable::rowCount() const
{
  return m_model->rowCount();
}

QString
SamplesTable::sampleAt(int row) const
{
  const QStandardItem* item = m_model->item(row, kSampleColumn);
  return item ? item->data(kSortRole).toString() : QString();
}

int
SamplesTable::sampleIndexAt(int row) const
{
  const QStandardItem* item = m_model->item(row, kIndexColumn);
  return item ? item->data(kSortRole).toInt() : -1;
}

void
SamplesTable::populate()
{
  m_model->setRowCount(0);
  const auto objectives = static_cast<int>(m_objectiveNames.size());
  QStandardItem* root = m_model->invisibleRootItem();
  for (int i = 0; i < m_samples.size(); ++i) {
    QList<QStandardItem*> row;
    row.reserve(kFirstObjectiveColumn + objectives);

    auto* index = new QStandardItem(QString::number(i + 1));
    index->setEditable(false);
    index->setData(i, kSortRole);
    index->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    row.append(index);

    auto* sample = new QStandardItem(m_samples[i]);
    sample->setEditable(false);
    sample->setData(m_samples[i], kSortRole);
    sample->setToolTip(m_samples[i]);
    row.append(sample);

    const QVector<double> scores = i < m_scores.size() ? m_scores[i] : QVector<double>();
    for (int j = 0; j < objectives; ++j)
      row.append(scoreItem(j < scores.size() ? scores[j] : std::nan("")));
    root->appendRow(row);
  }
  // A QStandardItemModel does not re-sort by itself; keep the user's order.
  const QHeaderView* header = m_view->horizontalHeader();
  m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
}

} // namespace paretolab::widgets
