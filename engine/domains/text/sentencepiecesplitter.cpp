// SPDX-License-Identifier: GPL-3.0-or-later
// SentencePiece (Kudo and Richardson, 2018), registered as kind "sentencepiece".
// A unigram model is trained on the corpus by fitted(); the trained model
// travels in parameters() (base64 of its serialized proto), so a prior's
// checkpoint rebuilds exactly the splitter it was trained with.

#include "core/tokensplitter.h"
#include "core/base64.h"
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
    if (m_model)
      json["model"] = encodeBase64(m_model->serialized());
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
      m_vocabularySize, text::SentencePieceModel::train(corpus, m_vocabularySize, text::kSeparator));
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
  if (!size.is_number_integer() || size.get<int>() < 300 || size.get<int>() > 32000)
    throw std::invalid_argument(
      "tokenizer sentencepiece: vocabulary_size must be an integer from 300 to 32000, got " +
      size.dump());
  if (!parameters.contains("model"))
    return std::make_shared<const SentencePieceSplitter>(size.get<int>());
  const auto& model = parameters["model"];
  if (!model.is_string())
    throw std::invalid_argument("tokenizer sentencepiece: 'model' must be a base64 string");
  return std::make_shared<const SentencePieceSplitter>(size.get<int>(),
                                                       decodeBase64(model.get<std::string>()));
}

const bool kRegistered = registerTokenSplitter(
  { "sentencepiece",
    "SentencePiece unigram pieces trained on the corpus (parameter vocabulary_size)",
    makeSentencePiece });

} // namespace

} // namespace paretolab::engine
