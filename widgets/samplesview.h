// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "samplespage.h"

#include <QHash>
#include <QString>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QToolButton;

namespace paretolab::widgets {

/// Shows the samples of the selected policy on a page chosen by the domain
/// (Domain::samplesPage()): the app registers a page for each kind ("pictures",
/// "annotated"), and a domain whose kind has no page gets the "annotated" one.
/// A caption says whose samples are shown. Until a run produces samples the
/// view explains where they will come from. GUI thread only.
class SamplesView : public QWidget
{
  Q_OBJECT

public:
  using PageFactory = std::function<SamplesPage*()>;
  /// The page kind every domain can fall back to.
  static inline const QString kFallbackKind = QStringLiteral("annotated");

  explicit SamplesView(QWidget* parent = nullptr);

  /// Makes pages of `kind` with `factory`, created on first use.
  void registerPage(const QString& kind, PageFactory factory);

  /// Shows `set` on its domain's page (created on first use and then reused),
  /// through the filters: valid, unique and novel only, and the search.
  void setSamples(const SampleSet& set);
  /// The samples the filters let through, as last shown.
  const SampleSet& shown() const { return m_shown; }
  /// shown() in the order its page displays them, as exports write them.
  SampleSet shownInDisplayOrder() const;

  /// The filters, as the filter bar sets them.
  void setFilters(bool validOnly, bool uniqueOnly, bool novelOnly, const QString& query);
  /// Back to the placeholder.
  void clear();
  /// Whether the samples shown stay put while new results arrive; a pinned
  /// view offers "Follow the latest" beside its caption.
  void setPinned(bool pinned);
  bool isPinned() const { return m_pinned; }

  /// The page made for `kind`, or null.
  SamplesPage* page(const QString& kind) const { return m_pages.value(kind); }
  /// The page on show: a samples page or the placeholder.
  QWidget* currentPage() const;
  QString caption() const;

Q_SIGNALS:
  /// The user asked to see the newest result again.
  void followLatestRequested();

private:
  void apply();
  SampleSet filtered(QString* problem) const;

  SampleSet m_set;
  SampleSet m_shown;
  bool m_hasSet = false;
  QCheckBox* m_valid = nullptr;
  QCheckBox* m_unique = nullptr;
  QCheckBox* m_novel = nullptr;
  QLineEdit* m_search = nullptr;
  QLabel* m_filterNote = nullptr;
  QLabel* m_caption = nullptr;
  QToolButton* m_follow = nullptr;
  bool m_pinned = false;
  QStackedWidget* m_stack = nullptr;
  QLabel* m_placeholder = nullptr;
  QHash<QString, PageFactory> m_factories;
  QHash<QString, SamplesPage*> m_pages;
};

} // namespace paretolab::widgets
