// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/jsonlines.h"

#include <cctype>

namespace paretolab::engine {

namespace {

class Scanner
{
public:
  explicit Scanner(const std::string& text)
    : m_text(text)
  {
  }

  std::map<std::string, int> run()
  {
    skipSpace();
    value("", m_line);
    return std::move(m_lines);
  }

private:
  void skipSpace()
  {
    while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) {
      if (m_text[m_pos] == '\n')
        ++m_line;
      ++m_pos;
    }
  }

  bool at(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }

  std::string string()
  {
    std::string out;
    ++m_pos; // opening quote
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size())
        out += m_text[m_pos++];
      out += m_text[m_pos++];
    }
    ++m_pos; // closing quote
    return out;
  }

  static std::string join(const std::string& path, const std::string& key)
  {
    return path.empty() ? key : path + "." + key;
  }

  void value(const std::string& path, int line)
  {
    m_lines.emplace(path, line);
    if (at('{')) {
      ++m_pos;
      skipSpace();
      while (m_pos < m_text.size() && !at('}')) {
        if (!at('"'))
          return;
        const int keyLine = m_line;
        const auto key = string();
        skipSpace();
        if (!at(':'))
          return;
        ++m_pos;
        skipSpace();
        value(join(path, key), keyLine);
        skipSpace();
        if (at(','))
          ++m_pos;
        skipSpace();
      }
      ++m_pos;
    } else if (at('[')) {
      ++m_pos;
      skipSpace();
      for (int index = 0; m_pos < m_text.size() && !at(']'); ++index) {
        value(join(path, std::to_string(index)), m_line);
        skipSpace();
        if (at(','))
          ++m_pos;
        skipSpace();
      }
      ++m_pos;
    } else if (at('"')) {
      string();
    } else {
      while (m_pos < m_text.size() && !std::isspace(static_cast<unsigned char>(m_text[m_pos])) &&
             m_text[m_pos] != ',' && m_text[m_pos] != '}' && m_text[m_pos] != ']')
        ++m_pos;
    }
  }

  const std::string& m_text;
  size_t m_pos = 0;
  int m_line = 1;
  std::map<std::string, int> m_lines;
};

} // namespace

std::map<std::string, int>
jsonValueLines(const std::string& text)
{
  return Scanner(text).run();
}

} // namespace paretolab::engine
