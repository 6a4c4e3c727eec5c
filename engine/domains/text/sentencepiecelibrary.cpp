// SPDX-License-Identifier: GPL-3.0-or-later
// Loads the SentencePiece shim into a link-map namespace of its own
// (dlmopen), so that its embedded protobuf and LibTorch's libprotobuf never
// see each other. RTLD_DEEPBIND would do that too, but it lets the shim's C++
// runtime bind to copy-relocated objects of the program (std::cout) that it
// never constructed. The C interface passes only bytes, so the separate
// runtime is safe.

#include "domains/text/sentencepiecelibrary.h"

#include "domains/text/sentencepiece-shim/spmshim.h"

#include <dlfcn.h> // dlmopen: g++ defines _GNU_SOURCE

#include <filesystem>
#include <stdexcept>

namespace paretolab::engine::text {

namespace {

struct Shim
{
  decltype(&pl_spm_train) train = nullptr;
  decltype(&pl_spm_open) open = nullptr;
  decltype(&pl_spm_close) close = nullptr;
  decltype(&pl_spm_encode) encode = nullptr;
  decltype(&pl_spm_decode) decode = nullptr;
  decltype(&pl_spm_vocabulary) vocabulary = nullptr;
  decltype(&pl_spm_free) free = nullptr;
};

constexpr const char* kLibraryName = "libparetolab_sentencepiece.so";

/// Beside an installed program (the install's library folder, or lib), then
/// where the build tree puts it.
std::vector<std::filesystem::path>
candidatePaths()
{
  std::vector<std::filesystem::path> paths;
  std::error_code error;
  const auto program = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const auto prefix = program.parent_path().parent_path();
#ifdef PARETOLAB_INSTALL_LIBDIR
    paths.push_back(prefix / PARETOLAB_INSTALL_LIBDIR / "paretolab" / kLibraryName);
#endif
    paths.push_back(prefix / "lib" / "paretolab" / kLibraryName);
  }
#ifdef PARETOLAB_SENTENCEPIECE_BUILD_PATH
  paths.emplace_back(PARETOLAB_SENTENCEPIECE_BUILD_PATH);
#endif
  return paths;
}

const Shim&
shim()
{
  static const Shim loaded = [] {
    std::string tried;
    void* handle = nullptr;
    for (const auto& path : candidatePaths()) {
      if (!std::filesystem::exists(path)) {
        tried += "\n  " + path.string() + ": not there";
        continue;
      }
      handle = dlmopen(LM_ID_NEWLM, path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle)
        break;
      tried += "\n  " + path.string() + ": " + dlerror();
    }
    if (!handle)
      throw std::runtime_error(std::string("SentencePiece: cannot load ") + kLibraryName +
                               ", which the text domain's tokenizer needs:" + tried);
    Shim functions;
    const auto resolve = [&](auto& function, const char* name) {
      function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, name));
      if (!function)
        throw std::runtime_error(std::string("SentencePiece: ") + kLibraryName + " lacks " + name);
    };
    resolve(functions.train, "pl_spm_train");
    resolve(functions.open, "pl_spm_open");
    resolve(functions.close, "pl_spm_close");
    resolve(functions.encode, "pl_spm_encode");
    resolve(functions.decode, "pl_spm_decode");
    resolve(functions.vocabulary, "pl_spm_vocabulary");
    resolve(functions.free, "pl_spm_free");
    return functions;
  }();
  return loaded;
}

/// Throws `Error` with the shim's message, which it frees.
template<typename Error>
void
check(char* error, const char* what)
{
  if (!error)
    return;
  std::string message = std::string("SentencePiece: ") + what + ": " + error;
  shim().free(error);
  throw Error(message);
}

std::string
take(PlSpmBuffer& buffer)
{
  std::string bytes(buffer.data ? buffer.data : "", buffer.size);
  shim().free(buffer.data);
  buffer = {};
  return bytes;
}

std::vector<std::string>
splitAtNul(const std::string& bytes)
{
  std::vector<std::string> pieces;
  for (std::size_t begin = 0; begin < bytes.size();) {
    const auto end = bytes.find('\0', begin);
    pieces.push_back(bytes.substr(begin, end - begin));
    begin = end == std::string::npos ? bytes.size() : end + 1;
  }
  return pieces;
}

} // namespace

SentencePieceModel::SentencePieceModel(std::string serialized)
  : m_serialized(std::move(serialized))
{
  check<std::invalid_argument>(shim().open(m_serialized.data(), m_serialized.size(), &m_processor),
                               "the saved model does not load");
}

SentencePieceModel::~SentencePieceModel()
{
  if (m_processor)
    shim().close(m_processor);
}

std::string
SentencePieceModel::train(const std::vector<std::string>& corpus,
                          int vocabularySize,
                          const std::string& userDefinedSymbols)
{
  std::vector<const char*> sentences;
  std::vector<std::size_t> lengths;
  for (const auto& text : corpus) {
    sentences.push_back(text.data());
    lengths.push_back(text.size());
  }
  PlSpmBuffer model;
  check<std::invalid_argument>(shim().train(sentences.data(),
                                            lengths.data(),
                                            sentences.size(),
                                            vocabularySize,
                                            userDefinedSymbols.c_str(),
                                            &model),
                               "training failed");
  return take(model);
}

std::vector<std::string>
SentencePieceModel::encode(std::string_view text) const
{
  PlSpmBuffer pieces;
  check<std::invalid_argument>(shim().encode(m_processor, text.data(), text.size(), &pieces),
                               "cannot encode");
  return splitAtNul(take(pieces));
}

std::string
SentencePieceModel::decode(const std::vector<std::string>& pieces) const
{
  std::string joined;
  for (const auto& piece : pieces)
    joined.append(piece).push_back('\0');
  PlSpmBuffer text;
  check<std::invalid_argument>(shim().decode(m_processor, joined.data(), joined.size(), &text),
                               "cannot decode");
  return take(text);
}

std::vector<std::string>
SentencePieceModel::vocabulary() const
{
  PlSpmBuffer pieces;
  check<std::invalid_argument>(shim().vocabulary(m_processor, &pieces), "no vocabulary");
  return splitAtNul(take(pieces));
}

} // namespace paretolab::engine::text
