// SPDX-License-Identifier: GPL-3.0-or-later
// The ZIP layout as APPNOTE.TXT (PKWARE, 6.3) defines it: an end-of-central-
// directory record at the end, optionally a ZIP64 one before it, and the
// central directory, one record per entry. The pickle opcodes as Python's
// pickletools documents them (protocols 2 to 4; LibTorch writes 2).
#include "core/torcharchive.h"

#include "core/atomicfile.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>
#include <string_view>

#include <zlib.h>

namespace paretolab::engine {

namespace {

constexpr uint32_t kEndOfDirectory = 0x06054b50;
constexpr uint32_t kZip64Locator = 0x07064b50;
constexpr uint32_t kZip64EndOfDirectory = 0x06064b50;
constexpr uint32_t kDirectoryEntry = 0x02014b50;
constexpr uint32_t kUnknown32 = 0xffffffff; // "see the ZIP64 record"

/// Little-endian fields at checked offsets.
class Bytes
{
public:
  explicit Bytes(std::string_view bytes)
    : m_bytes(bytes)
  {
  }

  uint64_t size() const { return m_bytes.size(); }
  bool holds(uint64_t offset, uint64_t length) const
  {
    return offset <= m_bytes.size() && length <= m_bytes.size() - offset;
  }
  uint64_t read(uint64_t offset, int width) const
  {
    if (!holds(offset, uint64_t(width)))
      throw TorchArchiveError("a record in it runs past its end (truncated or damaged)");
    uint64_t value = 0;
    for (int i = width - 1; i >= 0; --i)
      value = (value << 8) | uint8_t(m_bytes[offset + uint64_t(i)]);
    return value;
  }

private:
  std::string_view m_bytes;
};

struct Directory
{
  uint64_t entries = 0;
  uint64_t offset = 0;
  uint64_t size = 0;
};

Directory
findDirectory(const Bytes& zip)
{
  if (zip.size() < 22)
    throw TorchArchiveError("it is too short to be a ZIP archive");
  // The record ends in a comment of at most 65,535 bytes.
  const uint64_t earliest = zip.size() - 22 > 65535 ? zip.size() - 22 - 65535 : 0;
  for (uint64_t at = zip.size() - 22 + 1; at-- > earliest;) {
    if (zip.read(at, 4) != kEndOfDirectory)
      continue;
    Directory directory{ zip.read(at + 10, 2), zip.read(at + 16, 4), zip.read(at + 12, 4) };
    const bool zip64 =
      directory.entries == 0xffff || directory.offset == kUnknown32 || directory.size == kUnknown32;
    if (zip64 && at >= 20 && zip.read(at - 20, 4) == kZip64Locator) {
      const uint64_t record = zip.read(at - 20 + 8, 8);
      if (zip.read(record, 4) != kZip64EndOfDirectory)
        throw TorchArchiveError("its ZIP64 directory record is missing");
      directory = { zip.read(record + 32, 8), zip.read(record + 48, 8), zip.read(record + 40, 8) };
    }
    return directory;
  }
  throw TorchArchiveError("it has no ZIP directory (not a LibTorch archive, or truncated)");
}

/// Walks a pickle opcode by opcode, as LibTorch's unpickler would, and
/// refuses what would make it allocate more than the pickle's size.
void
checkPickle(std::string_view pickle, const std::string& name)
{
  const Bytes bytes(pickle);
  const auto refuse = [&](const std::string& why) {
    throw TorchArchiveError("its pickle \"" + name + "\" " + why);
  };
  uint64_t at = 0;
  // An opcode's argument: a fixed width, a length of some width followed by
  // that many bytes, or a line.
  const auto skip = [&](uint64_t width) {
    if (!bytes.holds(at, width))
      refuse("ends inside an opcode");
    at += width;
  };
  const auto skipCounted = [&](int lengthWidth) {
    const uint64_t length = bytes.read(at, lengthWidth);
    at += uint64_t(lengthWidth);
    if (!bytes.holds(at, length))
      refuse("states a length of " + std::to_string(length) + " bytes past its end");
    at += length;
  };
  const auto skipLine = [&] {
    const auto end = pickle.find('\n', at);
    if (end == std::string_view::npos)
      refuse("ends inside an opcode");
    at = end + 1;
  };
  const auto memo = [&](int width) {
    if (bytes.read(at, width) > bytes.size())
      refuse("asks for a memo of " + std::to_string(bytes.read(at, width)) + " entries");
    at += uint64_t(width);
  };
  while (true) {
    if (at >= bytes.size())
      refuse("ends without its STOP opcode");
    const auto opcode = uint8_t(pickle[at++]);
    // clang-format off
    switch (opcode) {
      case '.': return; // STOP
      case '(': case ')': case ']': case '}': case 't': case 0x85: case 0x86: case 0x87:
      case 'N': case 0x88: case 0x89: case 'a': case 'e': case 's': case 'u': case 'b':
      case 'R': case 0x81: case 'Q': case 'l': case 'd': case 0x94: case 0x93: case '0':
        break; // no argument
      case 0x80: case 'K': skip(1); break; // PROTO, BININT1
      case 'M': skip(2); break;            // BININT2
      case 'J': skip(4); break;            // BININT
      case 'G': case 0x95: skip(8); break; // BINFLOAT, FRAME
      case 0x8a: skipCounted(1); break;    // LONG1
      case 'U': case 'C': case 0x8c: skipCounted(1); break; // short strings and bytes
      case 'X': case 'T': case 'B': skipCounted(4); break;  // strings and bytes
      case 0x8d: case 0x8e: skipCounted(8); break;          // BINUNICODE8, BINBYTES8
      case 'c': skipLine(); skipLine(); break;              // GLOBAL module\nname\n
      case 'P': skipLine(); break;                          // PERSID
      case 'q': case 'h': memo(1); break;                   // BINPUT, BINGET
      case 'r': case 'j': memo(4); break;                   // LONG_BINPUT, LONG_BINGET
      default:
        refuse("holds the opcode " + std::to_string(opcode) + ", which LibTorch does not write");
    }
    // clang-format on
  }
}

/// A deflated entry's bytes (ZIP method 8, raw deflate), at most `size` of them.
std::string
inflated(std::string_view deflated, uint64_t size, const std::string& name)
{
  std::string out(size, '\0');
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
    throw TorchArchiveError("its entry \"" + name + "\" cannot be inflated");
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(deflated.data()));
  stream.avail_in = uInt(deflated.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = uInt(out.size());
  const int status = inflate(&stream, Z_FINISH);
  const auto produced = stream.total_out;
  inflateEnd(&stream);
  if (status != Z_STREAM_END || produced != size)
    throw TorchArchiveError("its entry \"" + name + "\" does not inflate to its stated size");
  return out;
}

bool
isNameCharacter(char c)
{
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '/' ||
         c == '-';
}

/// A type LibTorch writes for a module's attribute: Tensor, a scalar, a
/// submodule (__torch__.___torch_mangle_3.Module) or a Tuple, List, Optional
/// or Dict of those, nested at most twice.
bool
isAttributeType(std::string_view type)
{
  static const std::set<std::string_view> words{ "Tensor", "int",  "float",    "str",  "bool",
                                                 "Tuple",  "List", "Optional", "Dict", "NoneType" };
  const auto isKnown = [&](std::string_view word) {
    if (word.empty() || words.count(word))
      return true;
    // A submodule's class: __torch__.Module or __torch__.___torch_mangle_<n>.Module.
    if (!word.starts_with("__torch__.") || !word.ends_with(".Module") || word.size() < 17)
      return false;
    const auto middle = word.substr(10, word.size() - 17);
    return middle.empty() || (middle.starts_with("___torch_mangle_") && middle.size() > 16 &&
                              middle.find_first_not_of("0123456789", 16) == std::string_view::npos);
  };
  int depth = 0;
  size_t wordStart = 0;
  for (size_t i = 0; i <= type.size(); ++i) {
    const char c = i < type.size() ? type[i] : ',';
    if (c == '[' || c == ']' || c == ',' || c == ' ') {
      if (!isKnown(type.substr(wordStart, i - wordStart)))
        return false;
      wordStart = i + 1;
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (depth < 0 || depth > 2)
        return false;
    } else if (!isNameCharacter(c)) {
      return false;
    }
  }
  return depth == 0 && !type.empty();
}

/// `"name", ` repeated, as in `__parameters__ = ["weight", "bias", ]`.
bool
isNameList(std::string_view list)
{
  while (!list.empty()) {
    const auto end = list.find("\", ", 1);
    if (list.front() != '"' || end == std::string_view::npos ||
        !std::all_of(list.begin() + 1, list.begin() + long(end), isNameCharacter))
      return false;
    list.remove_prefix(end + 3);
  }
  return true;
}

/// The TorchScript LibTorch writes for a module it saves: a class of
/// attribute declarations and nothing else. LibTorch compiles what it finds
/// there, and its parser crashes on some damaged source (scripts/fuzz found
/// one), so every line must have one of the shapes LibTorch writes.
void
checkModuleSource(std::string_view source, const std::string& name)
{
  const auto isNamed = [](std::string_view line, size_t from, size_t to) {
    return to != std::string_view::npos && to > from &&
           std::all_of(line.begin() + long(from), line.begin() + long(to), isNameCharacter);
  };
  size_t number = 0;
  while (!source.empty()) {
    const auto end = source.find('\n');
    const auto line = source.substr(0, end);
    source.remove_prefix(end == std::string_view::npos ? source.size() : end + 1);
    ++number;
    bool known = line.empty() || line == "class Module(Module):";
    for (const std::string_view list :
         { "  __parameters__ = [", "  __buffers__ = [", "  __annotations__ = [" })
      if (!known && line.starts_with(list) && line.ends_with("]"))
        known = isNameList(line.substr(list.size(), line.size() - list.size() - 1));
    constexpr std::string_view annotation = "  __annotations__[\"";
    if (!known && line.starts_with(annotation)) {
      const auto close = line.find("\"] = ");
      known = isNamed(line, annotation.size(), close) && isAttributeType(line.substr(close + 5));
    } else if (!known && line.starts_with("  ")) {
      const auto colon = line.find(" : ");
      known = isNamed(line, 2, colon) && isAttributeType(line.substr(colon + 3));
    }
    if (!known)
      throw TorchArchiveError("its module source \"" + name + "\" has a line (" +
                              std::to_string(number) + ") that LibTorch does not write");
  }
}

} // namespace

void
checkTorchArchive(std::string_view archive)
{
  const Bytes zip(archive);
  const auto directory = findDirectory(zip);
  if (!zip.holds(directory.offset, directory.size))
    throw TorchArchiveError("its ZIP directory lies outside the archive");
  if (directory.entries > directory.size / 46) // 46 bytes: the smallest entry record
    throw TorchArchiveError("its ZIP directory claims " + std::to_string(directory.entries) +
                            " entries, more than it can hold");
  uint64_t at = directory.offset;
  for (uint64_t entry = 0; entry < directory.entries; ++entry) {
    if (zip.read(at, 4) != kDirectoryEntry)
      throw TorchArchiveError("its ZIP directory is damaged at entry " + std::to_string(entry));
    uint64_t compressed = zip.read(at + 20, 4);
    uint64_t uncompressed = zip.read(at + 24, 4);
    uint64_t localHeader = zip.read(at + 42, 4);
    const uint64_t nameLength = zip.read(at + 28, 2);
    const uint64_t extraLength = zip.read(at + 30, 2);
    const uint64_t commentLength = zip.read(at + 32, 2);
    // ZIP64 sizes follow in an extra field, in this order, for each field marked unknown.
    for (uint64_t extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength;) {
      const uint64_t id = zip.read(extra, 2), length = zip.read(extra + 2, 2);
      if (id == 0x0001) {
        uint64_t field = extra + 4;
        for (uint64_t* value : { &uncompressed, &compressed, &localHeader })
          if (*value == kUnknown32) {
            *value = zip.read(field, 8);
            field += 8;
          }
      }
      extra += 4 + length;
    }
    const std::string name(
      archive.substr(std::min<uint64_t>(at + 46, zip.size()), std::min<uint64_t>(nameLength, 200)));
    // Deflate expands at most 1032-fold; a stored entry is its own size.
    if (uncompressed > std::max(compressed, 1032 * compressed) || uncompressed > (1ull << 32) ||
        compressed > zip.size() || !zip.holds(localHeader, 30 + compressed))
      throw TorchArchiveError("its entry \"" + name + "\" states " + std::to_string(uncompressed) +
                              " bytes, more than the archive of " + std::to_string(zip.size()) +
                              " bytes holds");
    // LibTorch stores its entries uncompressed; pickles and module source are
    // checked where their local header says their bytes begin. A name cut at
    // 200 characters above is none of these.
    const bool pickle = name.ends_with("pkl"), source = name.ends_with(".py");
    if (pickle || source) {
      const uint64_t method = zip.read(at + 10, 2);
      if (method != 0 && method != 8)
        throw TorchArchiveError("its entry \"" + name +
                                "\" is compressed in a way LibTorch does not write");
      const uint64_t data =
        localHeader + 30 + zip.read(localHeader + 26, 2) + zip.read(localHeader + 28, 2);
      if (!zip.holds(data, compressed))
        throw TorchArchiveError("its entry \"" + name + "\" lies outside the archive");
      const auto stored = archive.substr(data, compressed);
      const std::string unpacked =
        method == 8 ? inflated(stored, uncompressed, name) : std::string{};
      const std::string_view bytes = method == 8 ? std::string_view(unpacked) : stored;
      if (pickle)
        checkPickle(bytes, name);
      else
        checkModuleSource(bytes, name);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
}

void
checkTorchArchiveFile(const std::string& path)
{
  checkTorchArchive(readFile(path));
}

} // namespace paretolab::engine
