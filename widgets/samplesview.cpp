// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplesview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace paretolab::widgets {

SamplesView::SamplesView(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* header = new QHBoxLayout;
  m_caption = new QLabel(this);
  m_caption->setObjectName(QStringLiteral("samplesCaption"));
  m_caption->hide();
  header->addWidget(m_caption, 1);
  m_follow = new QToolButton(this);
  m_follow->setText(tr("Follow the latest"));
  m_follow->setToolTip(tr("Show the samples of each new merge round as it comes"));
  m_follow->hide();
  connect(m_follow, &QToolButton::clicked, this, &SamplesView::followLatestRequested);
  header->addWidget(m_follow);
  layout->addLayout(header);
  m_stack = new QStackedWidget(this);
  m_placeholder = new QLabel(tr("No samples yet. Start a run, or click a point on the "
                                "Pareto front to see what that policy generates."),
                             m_stack);
  m_placeholder->setAlignment(Qt::AlignCenter);
  m_placeholder->setWordWrap(true);
  m_placeholder->setEnabled(false);
  m_stack->addWidget(m_placeholder);
  layout->addWidget(m_stack, 1);
}

void
SamplesView::registerPage(const QString& kind, PageFactory factory)
{
  m_factories.insert(kind, std::move(factory));
}

void
SamplesView::setSamples(const SampleSet& set)
{
  QString kind = set.domain ? QString::fromStdString(set.domain->samplesPage()) : kFallbackKind;
  if (!m_factories.contains(kind))
    kind = kFallbackKind;
  SamplesPage* page = m_pages.value(kind);
  if (!page && m_factories.contains(kind)) {
    page = m_factories.value(kind)();
    m_stack->addWidget(page);
    m_pages.insert(kind, page);
  }
  if (!page)
    return; // no page registered at all: keep the placeholder
  page->setSamples(set);
  m_stack->setCurrentWidget(page);
  m_caption->setText(set.caption);
  m_caption->setVisible(!set.caption.isEmpty());
}

void
SamplesView::setPinned(bool pinned)
{
  m_pinned = pinned;
  m_follow->setVisible(pinned);
}

void
SamplesView::clear()
{
  m_stack->setCurrentWidget(m_placeholder);
  m_caption->clear();
  m_caption->hide();
}

QWidget*
SamplesView::currentPage() const
{
  return m_stack->currentWidget();
}

QString
SamplesView::caption() const
{
  return m_caption->text();
}

} // namespace paretolab::widgets
