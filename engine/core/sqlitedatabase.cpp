// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sqlitedatabase.h"

#include <sqlite3.h>

#include <cmath>
#include <filesystem>
#include <limits>

namespace paretolab::engine {

namespace {

bool
isLockError(sqlite3* db)
{
  const int code = sqlite3_errcode(db);
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

std::string
errorText(sqlite3* db)
{
  return std::string(sqlite3_errmsg(db)) +
         (isLockError(db) ? " (another process is writing to it)" : "");
}

} // namespace

SqliteStatement::SqliteStatement(sqlite3* db, const std::string& sql, const std::string& label)
  : m_label(label)
{
  if (sqlite3_prepare_v2(db, sql.c_str(), int(sql.size()), &m_statement, nullptr) != SQLITE_OK)
    throw SqliteError(m_label + ": " + errorText(db));
}

SqliteStatement::~SqliteStatement()
{
  sqlite3_finalize(m_statement);
}

SqliteStatement&
SqliteStatement::bind(int index, int64_t value)
{
  sqlite3_bind_int64(m_statement, index, value);
  return *this;
}

SqliteStatement&
SqliteStatement::bind(int index, double value)
{
  if (std::isfinite(value))
    sqlite3_bind_double(m_statement, index, value);
  else
    sqlite3_bind_null(m_statement, index);
  return *this;
}

SqliteStatement&
SqliteStatement::bind(int index, const std::string& value)
{
  sqlite3_bind_text(m_statement, index, value.c_str(), int(value.size()), SQLITE_TRANSIENT);
  return *this;
}

SqliteStatement&
SqliteStatement::bindNull(int index)
{
  sqlite3_bind_null(m_statement, index);
  return *this;
}

bool
SqliteStatement::step()
{
  const int rc = sqlite3_step(m_statement);
  if (rc == SQLITE_ROW)
    return true;
  if (rc == SQLITE_DONE)
    return false;
  throw SqliteError(m_label + ": " + errorText(sqlite3_db_handle(m_statement)));
}

void
SqliteStatement::reset()
{
  sqlite3_reset(m_statement);
  sqlite3_clear_bindings(m_statement);
}

bool
SqliteStatement::isNull(int column) const
{
  return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

int64_t
SqliteStatement::integer(int column) const
{
  return sqlite3_column_int64(m_statement, column);
}

double
SqliteStatement::real(int column) const
{
  return isNull(column) ? std::numeric_limits<double>::quiet_NaN()
                        : sqlite3_column_double(m_statement, column);
}

std::string
SqliteStatement::text(int column) const
{
  const auto* value = sqlite3_column_text(m_statement, column);
  return value ? std::string(reinterpret_cast<const char*>(value),
                             size_t(sqlite3_column_bytes(m_statement, column)))
               : std::string{};
}

SqliteDatabase::SqliteDatabase(const std::string& path,
                               std::string label,
                               int busyMilliseconds,
                               bool createFolder)
  : m_path(path)
  , m_label(std::move(label))
{
  const std::filesystem::path file(path);
  std::error_code ignored;
  if (createFolder && file.has_parent_path())
    std::filesystem::create_directories(file.parent_path(), ignored);
  const int opened =
    sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (opened != SQLITE_OK) {
    const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(opened);
    sqlite3_close(m_db);
    m_db = nullptr;
    throw SqliteError(describe() + ": cannot open: " + message);
  }
  // Fail after a bounded wait instead of forever on another process's write lock.
  sqlite3_busy_timeout(m_db, busyMilliseconds);
}

SqliteDatabase::~SqliteDatabase()
{
  sqlite3_close(m_db);
}

void
SqliteDatabase::execute(const std::string& sql) const
{
  char* error = nullptr;
  if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(m_db);
    sqlite3_free(error);
    if (isLockError(m_db))
      message += " (another process is writing to it)";
    throw SqliteError(describe() + ": " + message);
  }
}

SqliteStatement
SqliteDatabase::prepare(const std::string& sql) const
{
  return SqliteStatement(m_db, sql, describe());
}

int
SqliteDatabase::userVersion() const
{
  auto version = prepare("PRAGMA user_version");
  return version.step() ? int(version.integer(0)) : 0;
}

void
SqliteDatabase::requireIntact() const
{
  auto check = prepare("PRAGMA quick_check");
  if (!check.step() || check.text(0) != "ok")
    throw SqliteError(describe() + " is damaged (" + check.text(0) + "); it is left untouched");
}

bool
SqliteDatabase::isReadOnly() const
{
  return sqlite3_db_readonly(m_db, "main") == 1;
}

int64_t
SqliteDatabase::lastInsertId() const
{
  return sqlite3_last_insert_rowid(m_db);
}

void
SqliteDatabase::rollback() const noexcept
{
  sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace paretolab::engine
