// SPDX-License-Identifier: GPL-3.0-or-later
#include "domains/molecules/xtbcache.h"

#include <cmath>

namespace paretolab::engine {

XtbCache::XtbCache(const std::string& path)
  : m_db(path, "quantum cache", 5000, /*createFolder=*/false)
{
  try {
    m_db.execute("PRAGMA journal_mode=WAL");
    m_db.execute("PRAGMA synchronous=NORMAL");
    m_db.execute("CREATE TABLE IF NOT EXISTS xtb_properties ("
                 " molecule TEXT PRIMARY KEY," // RDKit canonical isomeric SMILES
                 " ok INTEGER NOT NULL,"
                 " gap_ev REAL,"
                 " energy_per_heavy_atom REAL,"
                 " alpha REAL,"
                 " failure TEXT NOT NULL DEFAULT '',"
                 " xtb_version TEXT NOT NULL,"
                 " computed_at TEXT NOT NULL DEFAULT (datetime('now')))");
    if (m_db.isReadOnly())
      throw SqliteError(m_db.describe() + ": the file is read-only");
    // Take the write lock once now, so that an unwritable file or folder fails
    // here and not silently on the first store.
    m_db.execute("BEGIN IMMEDIATE");
    m_db.execute("COMMIT");
    // A table of another shape fails here rather than on the first lookup.
    m_db.prepare("SELECT ok, gap_ev, energy_per_heavy_atom, alpha, failure, xtb_version "
                 "FROM xtb_properties LIMIT 0");
  } catch (const SqliteError& error) {
    throw SqliteError(std::string(error.what()) +
                      " (not a ParetoLab xTB cache, or it cannot be written)");
  }
}

std::optional<XtbCache::Row>
XtbCache::find(const std::string& molecule)
{
  std::lock_guard lock(m_mutex);
  try {
    auto query = m_db.prepare("SELECT ok, gap_ev, energy_per_heavy_atom, alpha, failure "
                              "FROM xtb_properties WHERE molecule = ?1");
    query.bind(1, molecule);
    if (!query.step())
      return std::nullopt;
    Row row;
    row.result.ok = query.integer(0) != 0;
    row.result.gapEv = query.real(1);
    row.result.energyPerHeavyAtom = query.real(2);
    row.result.alpha = query.real(3);
    row.result.failure = query.text(4);
    row.hasAlpha = std::isfinite(row.result.alpha);
    return row;
  } catch (const SqliteError&) {
    return std::nullopt; // a locked cache is a miss, not a failure
  }
}

void
XtbCache::store(const std::string& molecule,
                const QuantumResult& result,
                const std::string& version)
{
  std::lock_guard lock(m_mutex);
  try {
    auto insert =
      m_db.prepare("INSERT OR REPLACE INTO xtb_properties"
                   " (molecule, ok, gap_ev, energy_per_heavy_atom, alpha, failure, xtb_version)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    insert.bind(1, molecule)
      .bind(2, int64_t(result.ok ? 1 : 0))
      .bind(3, result.gapEv)
      .bind(4, result.energyPerHeavyAtom)
      .bind(5, result.alpha)
      .bind(6, result.failure)
      .bind(7, version);
    insert.step();
  } catch (const SqliteError&) {
  }
}

} // namespace paretolab::engine
