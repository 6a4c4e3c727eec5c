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

char*
copyOf(const std::string& text)
{
  auto* memory = static_cast<char*>(std::malloc(text.size() + 1));
  if (memory)
    std::memcpy(memory, text.c_str(), text.size() + 1);
  return memory;
}

void
fill(PlSpmBuffer* buffer, const std::string& bytes)
{
  buffer->data = copyOf(bytes);
  buffer->size = bytes.size();
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

extern "C" {

char*
pl_spm_train(const char* const* sentences,
             const std::size_t* lengths,
             std::size_t count,
             int vocabularySize,
             const char* userDefinedSymbols,
             PlSpmBuffer* model)
{
  // The trainer's seed and flags are process-wide.
  static std::mutex trainerMutex;
  std::lock_guard lock(trainerMutex);
  try {
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
        { "minloglevel", "2" } },
      &iterator,
      &serialized);
    if (!status.ok())
      return copyOf(status.ToString());
    fill(model, serialized);
    return nullptr;
  } catch (const std::exception& e) {
    return copyOf(e.what());
  }
}

char*
pl_spm_open(const char* model, std::size_t size, void** processor)
{
  auto owned = std::make_unique<sentencepiece::SentencePieceProcessor>();
  if (const auto status = owned->LoadFromSerializedProto({ model, size }); !status.ok())
    return copyOf(status.ToString());
  *processor = owned.release();
  return nullptr;
}

void
pl_spm_close(void* processor)
{
  delete static_cast<sentencepiece::SentencePieceProcessor*>(processor);
}

char*
pl_spm_encode(const void* processor, const char* text, std::size_t size, PlSpmBuffer* pieces)
{
  std::vector<std::string> list;
  if (const auto status = processorOf(processor).Encode({ text, size }, &list); !status.ok())
    return copyOf(status.ToString());
  fill(pieces, joined(list));
  return nullptr;
}

char*
pl_spm_decode(const void* processor, const char* pieces, std::size_t size, PlSpmBuffer* text)
{
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
  fill(text, decoded);
  return nullptr;
}

char*
pl_spm_vocabulary(const void* processor, PlSpmBuffer* pieces)
{
  const auto& model = processorOf(processor);
  std::vector<std::string> list;
  for (int id = 0; id < model.GetPieceSize(); ++id)
    if (!model.IsUnknown(id) && !model.IsControl(id))
      list.push_back(model.IdToPiece(id));
  fill(pieces, joined(list));
  return nullptr;
}

void
pl_spm_free(void* memory)
{
  std::free(memory);
}

} // extern "C"
