// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace paretolab::engine {

/// An SQLite file that cannot be used: not a database, damaged, locked, or
/// with an unexpected layout. The message names the file and what it holds.
class SqliteError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

/// One prepared statement that finalises itself. Bind, then step() until it
/// returns false. Reset with reset() to run it again.
class SqliteStatement
{
public:
  SqliteStatement(sqlite3* db, const std::string& sql, const std::string& label);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  SqliteStatement& bind(int index, int64_t value);
  /// NaN and infinities are bound as NULL, which is what SQLite would store anyway.
  SqliteStatement& bind(int index, double value);
  SqliteStatement& bind(int index, const std::string& value);
  SqliteStatement& bindNull(int index);

  /// True while there is a row. Throws SqliteError.
  bool step();
  void reset();

  bool isNull(int column) const;
  int64_t integer(int column) const;
  /// NaN for NULL.
  double real(int column) const;
  std::string text(int column) const;

private:
  sqlite3_stmt* m_statement = nullptr;
  std::string m_label;
};

/// A connection to one SQLite file, for the run store and the xTB cache.
/// Errors are SqliteError with messages that start with `label` and the path
/// ("run database /x/runs.sqlite: ..."). Not thread-safe: one connection per
/// thread, or a lock around it.
class SqliteDatabase
{
public:
  /// Opens or creates `path`, and its folder when `createFolder`. `busyMilliseconds`
  /// is how long a write waits for another process's lock before failing.
  SqliteDatabase(const std::string& path,
                 std::string label,
                 int busyMilliseconds = 2000,
                 bool createFolder = true);
  ~SqliteDatabase();
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  /// Runs one or more statements. Says so when another process holds the lock.
  void execute(const std::string& sql) const;
  SqliteStatement prepare(const std::string& sql) const;
  /// PRAGMA user_version.
  int userVersion() const;
  /// PRAGMA quick_check; throws SqliteError saying the file is damaged.
  void requireIntact() const;
  bool isReadOnly() const;
  int64_t lastInsertId() const;

  /// Runs `body` inside BEGIN IMMEDIATE ... COMMIT, rolling back on any exception.
  template<typename Body>
  void transaction(Body&& body) const
  {
    execute("BEGIN IMMEDIATE");
    try {
      body();
      execute("COMMIT");
    } catch (...) {
      rollback();
      throw;
    }
  }

  const std::string& path() const { return m_path; }
  /// "run database /x/runs.sqlite": the start of every message.
  std::string describe() const { return m_label + " " + m_path; }
  sqlite3* handle() const { return m_db; }

private:
  void rollback() const noexcept;

  std::string m_path;
  std::string m_label;
  sqlite3* m_db = nullptr;
};

} // namespace paretolab::engine
