// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotatedsamplespage.h"

#include "annotatedsampleview.h"
#include "samplestable.h"

#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace paretolab::widgets {

AnnotatedSamplesPage::AnnotatedSamplesPage(QWidget* parent)
  : SamplesPage(parent)
{
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  m_table = new SamplesTable(splitter);
  m_view = new AnnotatedSampleView(splitter);
  splitter->addWidget(m_table);
  splitter->addWidget(m_view);
  splitter->setStretchFactor(0, 1);
  splitter->setStretchFactor(1, 1);
  layout->addWidget(splitter);
  m_table->tableView()->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->tableView()->setSelectionMode(QAbstractItemView::SingleSelection);
  connect(m_table->tableView()->selectionModel(),
          &QItemSelectionModel::currentRowChanged,
          this,
          [this](const QModelIndex& current) {
            if (current.isValid())
              showSample(m_table->sampleIndexAt(current.row()));
          });
}

void
AnnotatedSamplesPage::setSamples(const SampleSet& set)
{
  m_set = set;
  if (m_table->objectiveNames() != set.objectiveNames)
    m_table->setObjectiveNames(set.objectiveNames);
  m_table->setSamples(set.samples, set.rawScores);
  m_shown = -1;
  showSample(set.samples.isEmpty() ? -1 : 0);
}

QVector<int>
AnnotatedSamplesPage::displayOrder() const
{
  QVector<int> order;
  for (int row = 0; row < m_table->tableView()->model()->rowCount(); ++row)
    order << m_table->sampleIndexAt(row);
  return order;
}

void
AnnotatedSamplesPage::showSample(int index)
{
  if (index < 0 || index >= m_set.samples.size() || !m_set.domain) {
    m_view->setDescription({});
    return;
  }
  m_shown = index;
  const engine::SampleContext context =
    size_t(index) < m_set.contexts.size() ? m_set.contexts[size_t(index)] : engine::SampleContext{};
  try {
    m_view->setDescription(m_set.domain->describeMatching(
      m_set.samples[index].toStdString(), context, m_set.query.toStdString()));
  } catch (const std::exception&) {
    m_view->setDescription(m_set.domain->describe(m_set.samples[index].toStdString(), context));
  }
}

} // namespace paretolab::widgets
