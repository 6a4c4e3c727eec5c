// SPDX-License-Identifier: GPL-3.0-or-later
#include "spmshim.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <vector>

namespace {

/// What a call returns when even its error message cannot be allocated;
/// pl_spm_free leaves it alone.
char kOutOfMemory[] = "out of memory";

char*
copyOf(const std::string& text)
{
  auto* memory = static_cast<char*>(std::malloc(text.size() + 1));
  if (!memory)
    return kOutOfMemory;
  std::memcpy(memory, text.c_str(), text.size() + 1);
  return memory;
}

/// nullptr on success, else the error to return.
char*
fill(PlSpmBuffer* buffer, const std::string& bytes)
{
  auto* memory = static_cast<char*>(std::malloc(bytes.size() + 1));
  if (!memory)
    return kOutOfMemory;
  std::memcpy(memory, bytes.c_str(), bytes.size() + 1);
  buffer->data = memory;
  buffer->size = bytes.size();
  return nullptr;
}

/// Runs `body`, turning any exception into an error message: nothing may
/// unwind through the C interface.
template<typename Body>
char*
guarded(Body body) noexcept
{
  try {
    return body();
  } catch (const std::exception& e) {
    return copyOf(e.what());
  } catch (...) {
    return copyOf("unknown error");
  }
}

std::string
joined(const std::vector<std::string>& pieces)
{
  std::string bytes;
  for (const auto& piece : pieces)
    bytes.append(piece).push_back('\0');
  return bytes;
}

class Sentences : public sentencepiece::SentenceIterator
{
public:
  Sentences(const char* const* sentences, const std::size_t* lengths, std::size_t count)
    : m_sentences(sentences)
    , m_lengths(lengths)
    , m_count(count)
  {
    load();
  }
  bool done() const override { return m_next >= m_count; }
  void Next() override
  {
    ++m_next;
    load();
  }
  const std::string& value() const override { return m_value; }
  sentencepiece::util::Status status() const override { return {}; }

private:
  void load()
  {
    if (m_next < m_count)
      m_value.assign(m_sentences[m_next], m_lengths[m_next]);
  }
  const char* const* m_sentences;
  const std::size_t* m_lengths;
  std::size_t m_count;
  std::size_t m_next = 0;
  std::string m_value;
};

const sentencepiece::SentencePieceProcessor&
processorOf(const void* processor)
{
  return *static_cast<const sentencepiece::SentencePieceProcessor*>(processor);
}

} // namespace

extern "C"
{

  char* pl_spm_train(const char* const* sentences,
                     const std::size_t* lengths,
                     std::size_t count,
                     int vocabularySize,
                     const char* userDefinedSymbols,
                     PlSpmBuffer* model)
  {
    // The trainer's seed and flags are process-wide.
    static std::mutex trainerMutex;
    return guarded([&]() -> char* {
      std::lock_guard lock(trainerMutex);
      // Seeded: the same corpus gives the same vocabulary, so the same prior cache.
      sentencepiece::SetRandomGeneratorSeed(1);
      Sentences iterator(sentences, lengths, count);
      std::string serialized;
      const auto status = sentencepiece::SentencePieceTrainer::Train(
        { { "model_type", "unigram" },
          { "vocab_size", std::to_string(vocabularySize) },
          { "character_coverage", "0.9995" },
          { "byte_fallback", "true" },
          { "user_defined_symbols", userDefinedSymbols },
          { "unk_id", "0" },
          { "bos_id", "-1" },
          { "eos_id", "-1" },
          { "pad_id", "-1" },
          { "input_sentence_size", "300000" },
          { "shuffle_input_sentence", "true" },
          { "max_sentence_length", "8192" },
          { "num_threads", "2" },
          // A small corpus may not hold vocab_size pieces: take what it has.
          { "hard_vocab_limit", "false" },
          { "minloglevel", "2" } },
        &iterator,
        &serialized);
      if (!status.ok())
        return copyOf(status.ToString());
      return fill(model, serialized);
    });
  }

  char* pl_spm_open(const char* model, std::size_t size, void** processor)
  {
    return guarded([&]() -> char* {
      auto owned = std::make_unique<sentencepiece::SentencePieceProcessor>();
      if (const auto status = owned->LoadFromSerializedProto({ model, size }); !status.ok())
        return copyOf(status.ToString());
      *processor = owned.release();
      return nullptr;
    });
  }

  void pl_spm_close(void* processor)
  {
    delete static_cast<sentencepiece::SentencePieceProcessor*>(processor);
  }

  char* pl_spm_encode(const void* processor,
                      const char* text,
                      std::size_t size,
                      PlSpmBuffer* pieces)
  {
    return guarded([&]() -> char* {
      std::vector<std::string> list;
      if (const auto status = processorOf(processor).Encode({ text, size }, &list); !status.ok())
        return copyOf(status.ToString());
      return fill(pieces, joined(list));
    });
  }

  char* pl_spm_decode(const void* processor,
                      const char* pieces,
                      std::size_t size,
                      PlSpmBuffer* text)
  {
    return guarded([&]() -> char* {
      std::vector<std::string> list;
      for (std::size_t begin = 0; begin < size;) {
        const auto end = std::string_view(pieces + begin, size - begin).find('\0');
        const auto length = end == std::string_view::npos ? size - begin : end;
        list.emplace_back(pieces + begin, length);
        begin += length + 1;
      }
      std::string decoded;
      if (const auto status = processorOf(processor).Decode(list, &decoded); !status.ok())
        return copyOf(status.ToString());
      return fill(text, decoded);
    });
  }

  char* pl_spm_vocabulary(const void* processor, PlSpmBuffer* pieces)
  {
    return guarded([&]() -> char* {
      const auto& model = processorOf(processor);
      std::vector<std::string> list;
      for (int id = 0; id < model.GetPieceSize(); ++id)
        if (!model.IsUnknown(id) && !model.IsControl(id))
          list.push_back(model.IdToPiece(id));
      return fill(pieces, joined(list));
    });
  }

  void pl_spm_free(void* memory)
  {
    if (memory != kOutOfMemory)
      std::free(memory);
  }

} // extern "C"
