// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace paretolab::widgets {

/// Shows the samples of the selected policy. Each domain brings its own page
/// (molecule grid, coloured DNA, summary beside source); until a run produces
/// samples the view explains where they will come from.
class SamplesView : public QWidget
{
  Q_OBJECT

public:
  explicit SamplesView(QWidget* parent = nullptr);

  /// Adds the page that renders samples of `domain`; the view takes ownership.
  void addDomainPage(const QString& domain, QWidget* page);
  /// Shows `domain`'s page, or the placeholder when it has none.
  void showDomain(const QString& domain);
  QString currentDomain() const { return m_currentDomain; }

private:
  QStackedWidget* m_pages = nullptr;
  QLabel* m_placeholder = nullptr;
  QHash<QString, QWidget*> m_domainPages;
  QString m_currentDomain;
};

} // namespace paretolab::widgets
