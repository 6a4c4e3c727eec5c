// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QStandardItemModel;
class QTableView;

namespace paretolab::widgets {

/// A sortable table of samples, one row per sample and one column per
/// objective holding its raw score (4 significant digits, empty when NaN or
/// missing). Numbers sort numerically; a "#" column keeps the generation
/// order so it can be restored. New samples keep the user's sort. Works for
/// any domain; the fallback page of SamplesView. GUI thread only.
class SamplesTable : public QWidget
{
  Q_OBJECT

public:
  static constexpr int kIndexColumn = 0;
  static constexpr int kSampleColumn = 1;
  static constexpr int kFirstObjectiveColumn = 2;

  explicit SamplesTable(QWidget* parent = nullptr);

  /// Names the objective columns; the current samples are shown again under them.
  void setObjectiveNames(const QStringList& names);
  QStringList objectiveNames() const { return m_objectiveNames; }

  /// Replaces the samples. `rawScores[i][j]` is objective j of sample i; short
  /// or missing rows leave cells empty.
  void setSamples(const QStringList& samples, const QVector<QVector<double>>& rawScores);

  int rowCount() const;
  /// The sample shown in row `row`, in the displayed (sorted) order.
  QString sampleAt(int row) const;
  /// The generation-order index of the sample in row `row`, or -1.
  int sampleIndexAt(int row) const;
  QTableView* tableView() const { return m_view; }

private:
  void populate();

  QStringList m_objectiveNames;
  QStringList m_samples;
  QVector<QVector<double>> m_scores;
  QStandardItemModel* m_model = nullptr;
  QTableView* m_view = nullptr;
};

} // namespace paretolab::widgets
