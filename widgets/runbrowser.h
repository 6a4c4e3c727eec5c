// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QVector>

class QPushButton;
class QTableWidget;

namespace paretolab::widgets {

/// One stored run as the browser lists it.
struct RunRow
{
  qint64 id = 0;
  QString name;
  QString status;
  QString started;
  qint64 steps = 0;
  qint64 merges = 0;
};

/// Lists the runs of the run database: open, rename, delete (after
/// confirmation) and compare two or more. A view: it asks through signals and
/// shows what setRuns() gives it.
class RunBrowser : public QDialog
{
  Q_OBJECT

public:
  explicit RunBrowser(QWidget* parent = nullptr);
  void setRuns(const QVector<RunRow>& runs);
  QVector<qint64> selectedRuns() const;
  int rowCount() const;

Q_SIGNALS:
  void openRequested(qint64 run);
  void renameRequested(qint64 run, const QString& name);
  void deleteRequested(qint64 run);
  void compareRequested(const QVector<qint64>& runs);

private:
  void updateButtons();

  QTableWidget* m_table = nullptr;
  QPushButton* m_open = nullptr;
  QPushButton* m_rename = nullptr;
  QPushButton* m_delete = nullptr;
  QPushButton* m_compare = nullptr;
  QVector<RunRow> m_runs;
};

} // namespace paretolab::widgets
