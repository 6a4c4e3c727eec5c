// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/runstore.h"
#include "train/taskconfig.h"

#include <QMessageBox>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVector>

#include <functional>
#include <optional>

class QWidget;

namespace paretolab::widgets {
class RunBrowser;
}

namespace paretolab::app {

/// A stored run read back: its task and everything it recorded.
struct StoredRun
{
  engine::RunRecord record;
  engine::TaskConfig task;
  std::vector<engine::StepRow> steps;
  std::vector<engine::MergeRow> merges;
  std::vector<engine::SampleRow> lastSamples; ///< the samples of its last merge round
  std::vector<engine::FrontPointRow> frontPoints;
  bool hasCheckpoint = false; ///< its experts can be loaded for re-merging
};

/// The run database as the GUI uses it (KDE Kate's session manager shape):
/// listing, renaming, deleting, reading runs back, comparing them, and
/// offering to resume an interrupted one. The run browser, the comparison
/// window and the resume question are its views. Each call opens the store on
/// the GUI thread and turns every error into failed(), so that no exception
/// reaches the event loop. GUI thread only.
class RunLibrary : public QObject
{
  Q_OBJECT

public:
  /// `databasePath` is asked for the current database each time.
  RunLibrary(QWidget* window, std::function<QString()> databasePath);

  void showBrowser();
  /// Re-reads the runs into the browser, if it is open.
  void refresh();
  void rename(qint64 id, const QString& name);
  /// Deletes the run, its rows and its checkpoint folder.
  void remove(qint64 id);
  std::optional<StoredRun> load(qint64 id);
  /// The run's record alone, quietly: nothing when it cannot be read now
  /// (a run another process is writing is polled with it).
  std::optional<engine::RunRecord> record(qint64 id);
  void compare(const QVector<qint64>& ids);
  /// Asks whether to resume the newest interrupted run, if there is one with a checkpoint.
  void offerToResume();
  void recordFrontPoint(qint64 run, const engine::FrontPointRow& point);
  /// The merge rounds of `run` whose checkpoint is still on disk: (round, file).
  QVector<QPair<qint64, QString>> storedRounds(qint64 run);

  widgets::RunBrowser* browser() const { return m_browser; }
  QWidget* comparison() const { return m_comparison; }
  QMessageBox* resumeOffer() const { return m_resumeOffer; }
  /// Closes the comparison windows (with the main window).
  void closeWindows();

Q_SIGNALS:
  void openRequested(qint64 id);
  void resumeRequested(qint64 id);
  void failed(const QString& message);

private:
  /// Runs `work` on a freshly opened store; reports what it throws.
  bool withStore(const std::function<void(engine::RunStore&)>& work);

  QWidget* m_window;
  std::function<QString()> m_databasePath;
  widgets::RunBrowser* m_browser = nullptr;
  QPointer<QWidget> m_comparison;
  QPointer<QMessageBox> m_resumeOffer;
};

} // namespace paretolab::app
