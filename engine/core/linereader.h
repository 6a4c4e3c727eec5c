// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace paretolab::engine {

/// Reads text lines from a user's file in bounded memory and time: a line
/// longer than `maxLength` bytes is skipped (and not kept in memory), and a
/// line that is not valid UTF-8 or holds control characters is refused with
/// a reason. Windows line ends are accepted.
class LineReader
{
public:
  LineReader(std::istream& in, std::size_t maxLength);

  struct Line
  {
    std::size_t number = 0; ///< 1-based
    std::string text;       ///< empty when refused
    std::string problem;    ///< why the line was refused; empty when it is fine
  };

  /// The next line, or nothing at the end of the input.
  std::optional<Line> next();

private:
  std::istream& m_in;
  std::size_t m_maxLength;
  std::size_t m_number = 0;
};

/// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool
isValidUtf8(std::string_view text);

/// Why `text` is not fit to be a sample from a user ("not valid UTF-8",
/// "control character 0x01 at byte 7"); empty when it is. Tabs are allowed.
std::string
textProblem(std::string_view text);

} // namespace paretolab::engine
