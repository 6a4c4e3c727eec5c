// SPDX-License-Identifier: GPL-3.0-or-later
#include "runwatcher.h"

namespace paretolab::app {

RunWatcher::RunWatcher(ReadRecord readRecord, QObject* parent)
  : QObject(parent)
  , m_readRecord(std::move(readRecord))
{
  m_timer.setInterval(1000);
  connect(&m_timer, &QTimer::timeout, this, &RunWatcher::poll);
}

void
RunWatcher::watch(const engine::RunRecord& record)
{
  m_last = record;
  if (record.status == "running")
    m_timer.start();
  else
    m_timer.stop();
}

void
RunWatcher::stop()
{
  m_timer.stop();
}

void
RunWatcher::poll()
{
  const auto record = m_readRecord(m_last.id);
  if (!record) // deleted, or the store cannot be read just now: try again later
    return;
  const bool grew = record->steps != m_last.steps || record->merges != m_last.merges;
  const bool ended = record->status != "running";
  m_last = *record;
  if (ended)
    stop();
  if (grew || ended)
    Q_EMIT changed(record->id);
}

} // namespace paretolab::app
