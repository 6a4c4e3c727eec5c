// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace paretolab::engine {

/// An archive that LibTorch must not be given.
class TorchArchiveError : public std::runtime_error
{
public:
  using std::runtime_error::runtime_error;
};

/// Checks a LibTorch archive (a round checkpoint, a model or optimizer
/// payload) before LibTorch reads it, because LibTorch allocates whatever a
/// damaged or hostile archive states (scripts/fuzz found a pickle asking for
/// 20 GB): every ZIP entry must lie within the archive, and every pickle in it
/// must use only the opcodes LibTorch reads, with lengths within the pickle
/// and memo indices no larger than the pickle. Throws TorchArchiveError
/// saying what is wrong.
void
checkTorchArchive(std::string_view archive);

/// checkTorchArchive for an archive file; the file is read whole.
void
checkTorchArchiveFile(const std::string& path);

} // namespace paretolab::engine
