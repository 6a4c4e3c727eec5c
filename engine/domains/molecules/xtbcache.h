// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the molecule domain: GFN2-xTB results kept in SQLite by molecule.

#include "core/sqlitedatabase.h"
#include "domains/molecules/quantumproperties.h"

#include <mutex>
#include <optional>
#include <string>

namespace paretolab::engine {

/// The xTB results cache: one row per canonical SMILES. WAL and
/// synchronous=NORMAL keep each insert cheap; losing the last few rows in a
/// power cut only means recomputing them. Thread-safe (one connection, locked).
class XtbCache
{
public:
  struct Row
  {
    QuantumResult result;
    bool hasAlpha = false;
  };

  /// Opens or creates `path`; throws SqliteError naming it when it is not an
  /// SQLite database of this shape or cannot be written.
  explicit XtbCache(const std::string& path);

  std::optional<Row> find(const std::string& molecule);
  /// Best effort: a full disk or a lost lock costs a recomputation later, not a result now.
  void store(const std::string& molecule, const QuantumResult& result, const std::string& version);

private:
  std::mutex m_mutex;
  SqliteDatabase m_db;
};

} // namespace paretolab::engine
