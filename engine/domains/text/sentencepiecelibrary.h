// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace paretolab::engine::text {

/// A trained SentencePiece model, through the shim library
/// (sentencepiece-shim/spmshim.h), which is loaded on first use.
/// Immutable, so one model may be shared between threads.
class SentencePieceModel
{
public:
  /// Loads a serialized model. Throws std::invalid_argument when it does not
  /// load, std::runtime_error when the shim library cannot be found.
  explicit SentencePieceModel(std::string serialized);
  ~SentencePieceModel();
  SentencePieceModel(const SentencePieceModel&) = delete;
  SentencePieceModel& operator=(const SentencePieceModel&) = delete;

  /// Trains a unigram model of `vocabularySize` pieces on `corpus`, keeping
  /// `userDefinedSymbols` (comma-separated) whole; returns it serialized.
  static std::string train(const std::vector<std::string>& corpus,
                           int vocabularySize,
                           const std::string& userDefinedSymbols);

  std::vector<std::string> encode(std::string_view text) const;
  std::string decode(const std::vector<std::string>& pieces) const;
  /// Every piece but the unknown and control ones, in id order.
  std::vector<std::string> vocabulary() const;
  const std::string& serialized() const { return m_serialized; }

private:
  std::string m_serialized;
  void* m_processor = nullptr;
};

} // namespace paretolab::engine::text
