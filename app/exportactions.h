// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sampleformat.h"
#include "train/reports.h"
#include "train/taskconfig.h"

#include <QObject>
#include <QString>

class QCustomPlot;
class QMenu;
class QWidget;

namespace paretolab::app {

class FrontModel;
class RunPresenter;

/// The File menu's export actions (KDE Kate's file actions shape): the samples
/// on show, in any format their domain writes, and the plots as PNG, SVG or
/// PDF. The folder last exported to is remembered. GUI thread only.
class ExportActions : public QObject
{
  Q_OBJECT

public:
  ExportActions(QWidget* window, const RunPresenter* presenter, const FrontModel* front);

  /// Adds "Export samples…" and one "Export <name>…" per plot to `menu`.
  void addTo(QMenu* menu, QCustomPlot* paretoPlot, QCustomPlot* rewardPlot);

  void exportSamples();
  /// Every evaluated point of the front, as FrontModel::csv writes it.
  void exportFrontPoints();
  /// Writes the samples on show to `path` in `format`, as the user sees them
  /// (filtered, in the page's order), with the run id and the policy's λ as
  /// columns; returns the message for the status bar. Throws std::exception
  /// on failure.
  QString writeSamples(const QString& path, const engine::SampleFormat& format) const;
  void exportPlot(QCustomPlot* plot, const QString& suggestedName);

  /// The table written for `evaluation`: raw values, transformed rewards (the
  /// run's transforms, the penalty where a value is missing) and contexts.
  static engine::SampleTable sampleTable(const engine::PolicyEvaluation& evaluation,
                                         const engine::TaskConfig& task);

Q_SIGNALS:
  void message(const QString& text);

private:
  QString askForFile(const QString& title, const QString& name, const QString& filter);

  QWidget* m_window;
  const RunPresenter* m_presenter;
  const FrontModel* m_front;
};

} // namespace paretolab::app
