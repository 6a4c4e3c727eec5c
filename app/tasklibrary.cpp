// SPDX-License-Identifier: GPL-3.0-or-later
#include "tasklibrary.h"

#include "train/priorcache.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace paretolab::app {

namespace {

constexpr int kRecentTasks = 8;

QString
bundledPath(const QString& name)
{
  return QStringLiteral(":/tasks/%1.json").arg(name);
}

} // namespace

TaskLibrary::TaskLibrary(QString language)
{
  QFile index(QStringLiteral(":/tasks/index.json"));
  if (!index.open(QIODevice::ReadOnly))
    return;
  const auto json = QJsonDocument::fromJson(index.readAll()).object();
  m_default = json.value(QStringLiteral("default")).toString();
  for (const auto& entry : json.value(QStringLiteral("tasks")).toArray()) {
    const auto task = entry.toObject();
    const auto titles = task.value(QStringLiteral("title")).toObject();
    BundledTask bundled;
    bundled.name = task.value(QStringLiteral("name")).toString();
    bundled.title = titles.value(language).toString(titles.value(QStringLiteral("en")).toString());
    if (!bundled.name.isEmpty() && QFile::exists(bundledPath(bundled.name)))
      m_bundled.push_back(bundled);
  }
  if (m_default.isEmpty() && !m_bundled.isEmpty())
    m_default = m_bundled.front().name;
}

bool
TaskLibrary::isBundled(const QString& nameOrPath) const
{
  return std::any_of(m_bundled.begin(), m_bundled.end(), [&](const BundledTask& task) {
    return task.name == nameOrPath;
  });
}

engine::TaskConfig
TaskLibrary::load(const QString& nameOrPath) const
{
  if (isBundled(nameOrPath)) {
    QFile bundled(bundledPath(nameOrPath));
    if (!bundled.open(QIODevice::ReadOnly))
      throw engine::TaskError(nameOrPath.toStdString() + ": the bundled task cannot be read");
    return engine::parseTaskText(bundled.readAll().toStdString(),
                                 nameOrPath.toStdString() + ".json");
  }
  return engine::loadTaskConfig(nameOrPath.toStdString());
}

bool
TaskLibrary::priorIsCached(const engine::TaskConfig& task,
                           const engine::Domain& domain,
                           const QString& cacheDirectory)
{
  if (!task.priorPath.empty())
    return QFile::exists(QString::fromStdString(task.priorPath));
  return QFile::exists(
    QString::fromStdString(engine::priorCachePath(task, domain, cacheDirectory.toStdString())));
}

QStringList
TaskLibrary::recent() const
{
  return QSettings().value(QStringLiteral("recentTasks")).toStringList();
}

void
TaskLibrary::remember(const QString& nameOrPath) const
{
  QSettings settings;
  settings.setValue(QStringLiteral("lastTask"), nameOrPath);
  auto list = recent();
  list.removeAll(nameOrPath);
  list.prepend(nameOrPath);
  settings.setValue(QStringLiteral("recentTasks"), QStringList(list.mid(0, kRecentTasks)));
}

} // namespace paretolab::app
