// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal engine header: typed reads of a task file's JSON objects, whose
// errors name the file, the line and the key ("task.json:12: training.m: ...").

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace paretolab::engine {

/// Where a task came from, to say where a value in it is wrong.
struct TaskSource
{
  std::string origin;
  std::map<std::string, int> lines; ///< from jsonValueLines; empty when there is no text

  /// The line of `path`, or of the nearest enclosing object in the file (a
  /// missing key is best shown where it belongs); 0 for a missing top-level key.
  int lineOf(std::string path) const;

  /// Throws TaskError: "origin:line: path: message".
  [[noreturn]] void fail(const std::string& path, const std::string& message) const;
};

/// The value as the user wrote it, shortened: numbers as %g ("1e+12", not
/// "1000000000000.0"), long text cut with "...".
std::string
describeValue(const nlohmann::json& value);

/// One JSON object of the task file: typed reads that name the key on error,
/// and a final check that no key was misspelt. A read leaves `out` as it was
/// when the key is absent.
class TaskSection
{
public:
  TaskSection(const nlohmann::json& json, std::string path, const TaskSource& source);

  std::string path(const std::string& key) const
  {
    return m_path.empty() ? key : m_path + "." + key;
  }
  bool has(const std::string& key) const { return m_json.contains(key); }

  /// The value of `key` (null when absent), marked as read.
  const nlohmann::json& child(const std::string& key);

  void integer(const std::string& key, int64_t& out, int64_t minimum);
  void seed(const std::string& key, uint64_t& out);
  void number(const std::string& key,
              double& out,
              double minimum,
              double maximum,
              bool exclusiveMinimum = false);
  void boolean(const std::string& key, bool& out);
  void string(const std::string& key, std::string& out);

  template<typename Enum>
  void choice(const std::string& key,
              Enum& out,
              const std::vector<std::pair<std::string, Enum>>& names)
  {
    std::string text;
    string(key, text);
    if (text.empty())
      return;
    std::string known;
    for (const auto& [name, value] : names) {
      if (name == text) {
        out = value;
        return;
      }
      known += (known.empty() ? "" : ", ") + name;
    }
    fail(key, "unknown value \"" + text + "\" (one of: " + known + ")");
  }

  [[noreturn]] void fail(const std::string& key, const std::string& message) const;

  /// Fails on the first key no read asked for, listing the known ones.
  void rejectUnknownKeys() const;

private:
  inline static const nlohmann::json m_empty = nlohmann::json::object();
  inline static const nlohmann::json m_missing; // null: the key is absent
  const nlohmann::json& m_json;
  std::string m_path;
  const TaskSource& m_source;
  std::set<std::string> m_used;
};

} // namespace paretolab::engine
