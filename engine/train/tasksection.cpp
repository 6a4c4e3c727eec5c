// SPDX-License-Identifier: GPL-3.0-or-later
#include "train/tasksection.h"

#include "train/taskconfig.h"

#include <cstdio>

namespace paretolab::engine {

namespace {

std::string
compact(double value)
{
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

/// A shared task file must not choose where this user's files are written.
bool
namesAPlaceToWrite(const std::string& key)
{
  return key == "db" || key.find("cache") != std::string::npos ||
         key.find("database") != std::string::npos || key.find("checkpoint") != std::string::npos;
}

} // namespace

int
TaskSource::lineOf(std::string path) const
{
  while (!path.empty()) {
    if (auto found = lines.find(path); found != lines.end())
      return found->second;
    const auto dot = path.rfind('.');
    path = dot == std::string::npos ? std::string{} : path.substr(0, dot);
  }
  return 0;
}

void
TaskSource::fail(const std::string& path, const std::string& message) const
{
  const int line = lineOf(path);
  // The whole file has no key to name: "task.json: the task must be an object".
  const std::string where = path.empty() ? "the task " : path + ": ";
  throw TaskError(origin + (line > 0 ? ":" + std::to_string(line) : "") + ": " + where + message);
}

std::string
describeValue(const nlohmann::json& value)
{
  auto text = value.is_number_float() ? compact(value.get<double>()) : value.dump();
  return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

TaskSection::TaskSection(const nlohmann::json& json, std::string path, const TaskSource& source)
  : m_json(json.is_null() ? m_empty : json)
  , m_path(std::move(path))
  , m_source(source)
{
  if (!m_json.is_object())
    m_source.fail(m_path, "must be an object, got " + describeValue(json));
}

const nlohmann::json&
TaskSection::child(const std::string& key)
{
  m_used.insert(key);
  return m_json.contains(key) ? m_json.at(key) : m_missing;
}

void
TaskSection::integer(const std::string& key, int64_t& out, int64_t minimum)
{
  const auto& value = child(key);
  if (value.is_null())
    return;
  if (!value.is_number_integer() || value.get<int64_t>() < minimum)
    fail(key,
         "must be an integer of at least " + std::to_string(minimum) + ", got " +
           describeValue(value));
  out = value.get<int64_t>();
}

void
TaskSection::seed(const std::string& key, uint64_t& out)
{
  int64_t value = int64_t(out);
  integer(key, value, 0);
  out = uint64_t(value);
}

void
TaskSection::number(const std::string& key,
                    double& out,
                    double minimum,
                    double maximum,
                    bool exclusiveMinimum)
{
  const auto& value = child(key);
  if (value.is_null())
    return;
  const bool ok =
    value.is_number() && value.get<double>() <= maximum &&
    (exclusiveMinimum ? value.get<double>() > minimum : value.get<double>() >= minimum);
  if (!ok)
    fail(key,
         std::string("must be a number ") +
           (exclusiveMinimum ? "above " + compact(minimum) + " and at most "
                             : "from " + compact(minimum) + " to ") +
           compact(maximum) + ", got " + describeValue(value));
  out = value.get<double>();
}

void
TaskSection::boolean(const std::string& key, bool& out)
{
  const auto& value = child(key);
  if (value.is_null())
    return;
  if (!value.is_boolean())
    fail(key, "must be true or false, got " + describeValue(value));
  out = value.get<bool>();
}

void
TaskSection::string(const std::string& key, std::string& out)
{
  const auto& value = child(key);
  if (value.is_null())
    return;
  if (!value.is_string())
    fail(key, "must be a string, got " + describeValue(value));
  out = value.get<std::string>();
}

void
TaskSection::fail(const std::string& key, const std::string& message) const
{
  m_source.fail(path(key), message);
}

void
TaskSection::rejectUnknownKeys() const
{
  for (const auto& [key, value] : m_json.items())
    if (!m_used.count(key)) {
      if (namesAPlaceToWrite(key))
        fail(key,
             "a task file cannot choose where runs, checkpoints or cached priors are "
             "written; they go to your data and cache directories, or where --db and "
             "--cache-dir say");
      std::string known;
      for (const auto& k : m_used)
        known += (known.empty() ? "" : ", ") + k;
      fail(key, "unknown key (known here: " + known + ")");
    }
}

} // namespace paretolab::engine
