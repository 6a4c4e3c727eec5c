// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace paretolab::widgets {

/// Shows the samples of the selected policy. Each domain brings its own page
/// (molecule grid, coloured DNA, summary beside source); until a run produces
/// samples the view explains where they will come from. GUI thread only.
class SamplesView : public QWidget
{
  Q_OBJECT

public:
  explicit SamplesView(QWidget* parent = nullptr);

  /// Adds the page that renders samples of `domain`; the view takes ownership.
  /// A page added earlier for the same domain is replaced and deleted.
  void addDomainPage(const QString& domain, QWidget* page);
  /// Shows `domain`'s page, or the placeholder when it has none.
  void showDomain(const QString& domain);
  QString currentDomain() const { return m_currentDomain; }

  /// Shows `samples` of `domain` with their raw scores (`rawScores[i][j]` is
  /// objective j of sample i). The first call for a domain creates its page:
  /// a MoleculeGrid for "molecules", a SamplesTable for any other domain.
  /// A page of another type, added with addDomainPage, is shown but not fed.
  void setSamples(const QString& domain,
                  const QStringList& objectiveNames,
                  const QStringList& samples,
                  const QVector<QVector<double>>& rawScores);

  /// The page of `domain`, or null.
  QWidget* domainPage(const QString& domain) const { return m_domainPages.value(domain); }
  /// The page on show: a domain page or the placeholder.
  QWidget* currentPage() const;

private:
  QStackedWidget* m_pages = nullptr;
  QLabel* m_placeholder = nullptr;
  QHash<QString, QWidget*> m_domainPages;
  QString m_currentDomain;
};

} // namespace paretolab::widgets
