// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/linereader.h"

#include <cstdint>
#include <cstdio>
#include <istream>

namespace paretolab::engine {

LineReader::LineReader(std::istream& in, std::size_t maxLength)
  : m_in(in)
  , m_maxLength(maxLength)
{
}

std::optional<LineReader::Line>
LineReader::next()
{
  Line line;
  std::size_t length = 0;
  bool any = false;
  for (int c = m_in.get(); c != std::char_traits<char>::eof(); c = m_in.get()) {
    any = true;
    if (c == '\n')
      break;
    ++length;
    // Past the limit the rest of the line is read and dropped, never stored.
    if (length <= m_maxLength + 1)
      line.text.push_back(char(c));
  }
  if (!any)
    return std::nullopt;
  line.number = ++m_number;
  if (!line.text.empty() && line.text.back() == '\r' && length <= m_maxLength + 1) {
    line.text.pop_back();
    --length;
  }
  if (length > m_maxLength) {
    line.problem = "line of " + std::to_string(length) + " bytes is longer than the limit of " +
                   std::to_string(m_maxLength);
    line.text.clear();
  } else if (auto problem = textProblem(line.text); !problem.empty()) {
    line.problem = problem;
    line.text.clear();
  }
  return line;
}

bool
isValidUtf8(std::string_view text)
{
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  for (std::size_t i = 0; i < size;) {
    const unsigned char lead = bytes[i];
    std::size_t extra = 0;
    uint32_t code = 0;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1;
      code = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2;
      code = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3;
      code = lead & 0x07;
    } else {
      return false;
    }
    if (i + extra >= size)
      return false; // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80)
        return false;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    static constexpr uint32_t kSmallest[] = { 0, 0x80, 0x800, 0x10000 };
    if (code < kSmallest[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
      return false;
    i += extra + 1;
  }
  return true;
}

std::string
textProblem(std::string_view text)
{
  if (!isValidUtf8(text))
    return "not valid UTF-8 text";
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      return std::string("control character ") + hex + " at byte " + std::to_string(i + 1);
    }
  }
  return {};
}

} // namespace paretolab::engine
