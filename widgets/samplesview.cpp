// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplesview.h"

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
  m_pages->addWidget(page);
  m_domainPages.insert(domain, page);
}

void
SamplesView::showDomain(const QString& domain)
{
  m_currentDomain = domain;
  m_pages->setCurrentWidget(m_domainPages.value(domain, m_placeholder));
}

} // namespace paretolab::widgets
