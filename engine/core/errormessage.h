// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <exception>
#include <string>

namespace paretolab::engine {

/// The first line of an exception's message: LibTorch's c10::Error carries a
/// C++ backtrace after it, which a user's message should not.
inline std::string
firstLineOf(const std::exception& error)
{
  const std::string message = error.what();
  return message.substr(0, message.find('\n'));
}

} // namespace paretolab::engine
