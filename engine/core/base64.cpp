// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/base64.h"

#include <array>
#include <cstdint>
#include <stdexcept>

namespace paretolab::engine {

namespace {

constexpr std::string_view kAlphabet =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

} // namespace

std::string
encodeBase64(std::string_view bytes)
{
  std::string text;
  text.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
    uint32_t group = 0;
    for (std::size_t j = 0; j < 3; ++j)
      group = (group << 8) | (j < n ? uint8_t(bytes[i + j]) : 0U);
    for (std::size_t j = 0; j < 4; ++j)
      text += j <= n ? kAlphabet[(group >> (18 - 6 * j)) & 63U] : '=';
  }
  return text;
}

std::string
decodeBase64(std::string_view text)
{
  if (text.size() % 4 != 0)
    throw std::invalid_argument("base64: length " + std::to_string(text.size()) +
                                " is not a multiple of 4");
  std::array<int, 256> value{};
  value.fill(-1);
  for (std::size_t i = 0; i < kAlphabet.size(); ++i)
    value[uint8_t(kAlphabet[i])] = int(i);
  std::string bytes;
  bytes.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    uint32_t group = 0;
    int padding = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      const char c = text[i + j];
      const bool last = i + 4 == text.size();
      if (c == '=' && last && j >= 2 && (j == 3 || text[i + 3] == '=')) {
        ++padding;
        group <<= 6;
        continue;
      }
      if (value[uint8_t(c)] < 0 || padding > 0)
        throw std::invalid_argument("base64: invalid character at offset " + std::to_string(i + j));
      group = (group << 6) | uint32_t(value[uint8_t(c)]);
    }
    for (int j = 0; j < 3 - padding; ++j)
      bytes += char((group >> (16 - 8 * j)) & 0xFFU);
  }
  return bytes;
}

} // namespace paretolab::engine
