// SPDX-License-Identifier: GPL-3.0-or-later
// SentencePiece (Kudo and Richardson, 2018), registered as kind "sentencepiece".
// A unigram model is trained on the corpus by fitted(); the trained model
// travels in parameters() (base64 of its serialized proto), so a prior's
// checkpoint rebuilds exactly the splitter it was trained with.

#include "core/base64.h"
#include "core/sha256.h"
#include "core/tokensplitter.h"
#include "domains/text/sentencepiecelibrary.h"
#include "domains/text/textsources.h"

#include <stdexcept>

namespace paretolab::engine {

namespace {

class SentencePieceSplitter : public TokenSplitter
{
public:
  /// Untrained: holds only the training settings.
  explicit SentencePieceSplitter(int vocabularySize)
    : m_vocabularySize(vocabularySize)
  {
  }

  /// Trained: `model` is a serialized SentencePiece model.
  SentencePieceSplitter(int vocabularySize, std::string model)
    : m_vocabularySize(vocabularySize)
    , m_model(std::make_shared<const text::SentencePieceModel>(std::move(model)))
  {
  }

  std::string kind() const override { return "sentencepiece"; }

  nlohmann::json parameters() const override
  {
    nlohmann::json json = { { "vocabulary_size", m_vocabularySize } };
    if (m_model) {
      json["model"] = encodeBase64(m_model->serialized());
      json["model_sha256"] = sha256Hex(m_model->serialized());
    }
    return json;
  }

  std::vector<std::string> split(std::string_view text) const override
  {
    return trained().encode(text);
  }

  std::string join(const std::vector<std::string>& pieces) const override
  {
    return trained().decode(pieces);
  }

  std::shared_ptr<const TokenSplitter> fitted(const std::vector<std::string>& corpus) const override
  {
    if (m_model)
      return shared_from_this();
    if (corpus.empty())
      throw std::invalid_argument("tokenizer sentencepiece: no text to train on");
    return std::make_shared<const SentencePieceSplitter>(
      m_vocabularySize,
      text::SentencePieceModel::train(corpus, m_vocabularySize, text::kSeparator));
  }

  /// Every piece of the model but <unk>: byte pieces spell any text, so
  /// nothing a user types is out of the vocabulary.
  std::vector<std::string> vocabularyFor(const std::vector<std::string>&) const override
  {
    return trained().vocabulary();
  }

private:
  const text::SentencePieceModel& trained() const
  {
    if (!m_model)
      throw std::logic_error("tokenizer sentencepiece: used before it was trained (fitted())");
    return *m_model;
  }

  int m_vocabularySize;
  std::shared_ptr<const text::SentencePieceModel> m_model;
};

std::shared_ptr<const TokenSplitter>
makeSentencePiece(const nlohmann::json& parameters)
{
  const auto size = parameters.value("vocabulary_size", nlohmann::json(6000));
  // 256 byte pieces, <unk>, <sep> and the corpus's characters need room.
  if (!size.is_number_integer() || size.get<int64_t>() < 512 || size.get<int64_t>() > 32000)
    throw std::invalid_argument(
      "tokenizer sentencepiece: vocabulary_size must be an integer from 512 to 32000, got " +
      size.dump());
  if (!parameters.contains("model"))
    return std::make_shared<const SentencePieceSplitter>(size.get<int>());
  const auto& model = parameters["model"];
  const auto& digest = parameters.value("model_sha256", nlohmann::json());
  if (!model.is_string() || !(digest.is_string() || digest.is_null()))
    throw std::invalid_argument(
      "tokenizer sentencepiece: 'model' (base64) and 'model_sha256' must be strings");
  auto bytes = decodeBase64(model.get<std::string>());
  // A checkpoint's header has no checksum of its own: a damaged model would
  // still load, and split text into pieces the vocabulary does not have.
  // (Priors written before the digest existed have none.)
  if (digest.is_string() && sha256Hex(bytes) != digest.get<std::string>())
    throw std::invalid_argument("tokenizer sentencepiece: the saved model is damaged (its sha256 "
                                "does not match)");
  return std::make_shared<const SentencePieceSplitter>(size.get<int>(), std::move(bytes));
}

const bool kSentencePieceRegistered = registerTokenSplitter(
  { "sentencepiece",
    "SentencePiece unigram pieces trained on the corpus (parameter vocabulary_size)",
    makeSentencePiece });

} // namespace

} // namespace paretolab::engine
