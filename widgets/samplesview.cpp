// SPDX-License-Identifier: GPL-3.0-or-later
#include "samplesview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

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

  auto* filters = new QHBoxLayout;
  m_valid = new QCheckBox(tr("&Valid"), this);
  m_unique = new QCheckBox(tr("&Unique"), this);
  m_novel = new QCheckBox(tr("&Novel"), this);
  m_valid->setToolTip(tr("Only samples the domain accepts (a SMILES RDKit parses, …)"));
  m_unique->setToolTip(tr("Only the first of samples that are the same (canonical SMILES, …)"));
  m_novel->setToolTip(tr("Only samples not in the prior's corpus"));
  m_search = new QLineEdit(this);
  m_search->setClearButtonEnabled(true);
  m_search->setPlaceholderText(tr("Search"));
  m_filterNote = new QLabel(this);
  filters->addWidget(new QLabel(tr("Show:"), this));
  filters->addWidget(m_valid);
  filters->addWidget(m_unique);
  filters->addWidget(m_novel);
  filters->addWidget(m_search, 1);
  filters->addWidget(m_filterNote);
  layout->addLayout(filters);
  for (auto* box : { m_valid, m_unique, m_novel })
    connect(box, &QCheckBox::toggled, this, &SamplesView::apply);
  connect(m_search, &QLineEdit::textChanged, this, &SamplesView::apply);
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
SamplesView::setFilters(bool validOnly, bool uniqueOnly, bool novelOnly, const QString& query)
{
  for (auto* box : { m_valid, m_unique, m_novel })
    box->blockSignals(true);
  m_search->blockSignals(true);
  m_valid->setChecked(validOnly);
  m_unique->setChecked(uniqueOnly);
  m_novel->setChecked(novelOnly);
  m_search->setText(query);
  for (auto* box : { m_valid, m_unique, m_novel })
    box->blockSignals(false);
  m_search->blockSignals(false);
  apply();
}

SampleSet
SamplesView::shownInDisplayOrder() const
{
  const auto* page = qobject_cast<SamplesPage*>(currentPage());
  const QVector<int> order = page ? page->displayOrder() : QVector<int>{};
  if (order.size() != m_shown.samples.size())
    return m_shown; // no sort, or a page that has not caught up: the filters' order
  SampleSet out = m_shown;
  out.samples.clear();
  out.rawScores.clear();
  out.contexts.clear();
  for (int index : order) {
    out.samples << m_shown.samples.value(index);
    out.rawScores << m_shown.rawScores.value(index);
    if (size_t(index) < m_shown.contexts.size())
      out.contexts.push_back(m_shown.contexts[size_t(index)]);
  }
  return out;
}

SampleSet
SamplesView::filtered(QString* problem) const
{
  if (!m_set.domain)
    return m_set;
  SampleSet out = m_set;
  out.samples.clear();
  out.rawScores.clear();
  out.contexts.clear();
  out.query = m_search->text().trimmed();
  if (!out.query.isEmpty()) {
    try {
      m_set.domain->matches(std::string(),
                            out.query.toStdString()); // a query that does not parse throws
    } catch (const std::exception& e) {
      *problem = QString::fromUtf8(e.what());
      out.query.clear();
    }
  }
  std::set<std::string> seen;
  for (int i = 0; i < m_set.samples.size(); ++i) {
    const auto sample = m_set.samples[i].toStdString();
    if (m_valid->isChecked() && !m_set.domain->isValid(sample))
      continue;
    if (m_unique->isChecked() && !seen.insert(m_set.domain->canonical(sample)).second)
      continue;
    if (m_novel->isChecked() && !m_set.domain->isNovel(sample))
      continue;
    if (!out.query.isEmpty() && !m_set.domain->matches(sample, out.query.toStdString()))
      continue;
    out.samples << m_set.samples[i];
    out.rawScores << m_set.rawScores.value(i);
    if (size_t(i) < m_set.contexts.size())
      out.contexts.push_back(m_set.contexts[size_t(i)]);
  }
  return out;
}

void
SamplesView::apply()
{
  if (!m_hasSet)
    return;
  QString problem;
  m_shown = filtered(&problem);
  m_filterNote->setText(problem.isEmpty()
                          ? tr("%1 of %2").arg(m_shown.samples.size()).arg(m_set.samples.size())
                          : problem);
  m_filterNote->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("color: #b00020;"));
  const auto& set = m_set;
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
  page->setSamples(m_shown);
  m_stack->setCurrentWidget(page);
  m_caption->setText(m_set.caption);
  m_caption->setVisible(!m_set.caption.isEmpty());
}

void
SamplesView::setSamples(const SampleSet& set)
{
  const bool newDomain = !m_hasSet || set.domain != m_set.domain;
  m_set = set;
  m_hasSet = true;
  if (newDomain && set.domain)
    m_search->setPlaceholderText(
      tr("Search: %1").arg(QString::fromStdString(set.domain->searchHint())));
  apply();
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
  m_hasSet = false;
  m_filterNote->clear();
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
