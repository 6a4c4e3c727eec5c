// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplesview.h"

#include "moleculegrid.h"
#include "samplestable.h"

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace paretolab::widgets {

SamplesView::SamplesView(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_pages = new QStackedWidget(this);
  m_placeholder = new QLabel(tr("No samples yet. Start a run, or click a point on the "
                                "Pareto front to see what that policy generates."),
                             m_pages);
  m_placeholder->setAlignment(Qt::AlignCenter);
  m_placeholder->setWordWrap(true);
  m_placeholder->setEnabled(false);
  m_pages->addWidget(m_placeholder);
  layout->addWidget(m_pages);
}

void
SamplesView::addDomainPage(const QString& domain, QWidget* page)
{
  QWidget* previous = m_domainPages.value(domain);
  if (previous == page)
    return;
  m_pages->addWidget(page);
  m_domainPages.insert(domain, page);
  if (previous) {
    m_pages->removeWidget(previous);
    previous->deleteLater();
  }
  if (domain == m_currentDomain)
    m_pages->setCurrentWidget(page);
}

void
SamplesView::showDomain(const QString& domain)
{
  m_currentDomain = domain;
  m_pages->setCurrentWidget(m_domainPages.value(domain, m_placeholder));
}

void
SamplesView::setSamples(const QString& domain,
                        const QStringList& objectiveNames,
                        const QStringList& samples,
                        const QVector<QVector<double>>& rawScores)
{
  QWidget* page = m_domainPages.value(domain);
  if (!page) {
    if (domain == QLatin1String("molecules"))
      page = new MoleculeGrid;
    else
      page = new SamplesTable;
    addDomainPage(domain, page);
  }
  if (auto* grid = qobject_cast<MoleculeGrid*>(page)) {
    if (grid->objectiveNames() != objectiveNames)
      grid->setObjectiveNames(objectiveNames);
    grid->setSamples(samples, rawScores);
  } else if (auto* table = qobject_cast<SamplesTable*>(page)) {
    if (table->objectiveNames() != objectiveNames)
      table->setObjectiveNames(objectiveNames);
    table->setSamples(samples, rawScores);
  }
  showDomain(domain);
}

QWidget*
SamplesView::currentPage() const
{
  return m_pages->currentWidget();
}

} // namespace paretolab::widgets
