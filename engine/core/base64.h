// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace paretolab::engine {

/// RFC 4648 base64 with padding: binary blobs (a trained tokenizer) inside JSON.
std::string
encodeBase64(std::string_view bytes);

/// Throws std::invalid_argument on a character outside the alphabet or a bad length.
std::string
decodeBase64(std::string_view text);

} // namespace paretolab::engine
