// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A C interface to SentencePiece, built as its own shared library and loaded
// with dlmopen into a namespace of its own (see sentencepiecelibrary.cpp).
// Debian's libsentencepiece embeds and exports a copy of protobuf-lite that
// clashes with the libprotobuf LibTorch loads: linked directly, the process
// crashes before main(). Loaded locally, each keeps its own protobuf.
//
// Every call returns nullptr on success, or an error message that the caller
// frees with pl_spm_free. Lists of pieces are NUL-separated.

#include <cstddef>

extern "C"
{

  struct PlSpmBuffer
  {
    char* data = nullptr;
    std::size_t size = 0;
  };

  /// Trains a unigram model on `count` sentences; `model` receives the serialized model.
  char* pl_spm_train(const char* const* sentences,
                     const std::size_t* lengths,
                     std::size_t count,
                     int vocabularySize,
                     const char* userDefinedSymbols,
                     PlSpmBuffer* model);

  char* pl_spm_open(const char* model, std::size_t size, void** processor);

  void pl_spm_close(void* processor);

  char* pl_spm_encode(const void* processor,
                      const char* text,
                      std::size_t size,
                      PlSpmBuffer* pieces);

  char* pl_spm_decode(const void* processor,
                      const char* pieces,
                      std::size_t size,
                      PlSpmBuffer* text);

  /// Every piece but the unknown and control ones, in id order.
  char* pl_spm_vocabulary(const void* processor, PlSpmBuffer* pieces);

  void pl_spm_free(void* memory);

} // extern "C"
