// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "train/taskconfig.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace paretolab::app {

/// A task that comes with ParetoLab.
struct BundledTask
{
  QString name;  ///< what --task and the recent list use, e.g. the file's stem
  QString title; ///< in the interface language
};

/// The tasks a user can open: those bundled in the resources (listed, titled
/// and ordered by :/tasks/index.json, which also names the default) and task
/// files, plus the recently opened ones (QSettings). Knows no domain.
/// GUI thread only.
class TaskLibrary
{
public:
  /// `language`: "en", "de"; the titles follow it where the index has them.
  explicit TaskLibrary(QString language = QStringLiteral("en"));

  const QVector<BundledTask>& bundled() const { return m_bundled; }
  /// The task a first start opens.
  QString defaultTask() const { return m_default; }
  bool isBundled(const QString& nameOrPath) const;

  /// A bundled task by name, or a task file by path. Throws engine::TaskError.
  engine::TaskConfig load(const QString& nameOrPath) const;

  /// Whether `task` would start at once: its prior file exists, or its
  /// cached prior does in `cacheDirectory`. Cheap enough for the GUI thread.
  static bool priorIsCached(const engine::TaskConfig& task,
                            const engine::Domain& domain,
                            const QString& cacheDirectory);

  /// Most recent first, at most 8.
  QStringList recent() const;
  void remember(const QString& nameOrPath) const;

private:
  QVector<BundledTask> m_bundled;
  QString m_default;
};

} // namespace paretolab::app
