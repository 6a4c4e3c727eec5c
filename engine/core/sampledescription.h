// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace paretolab::engine {

/// A marked part of a text: a motif hit, a word the source does not support,
/// an atom. Offsets are bytes of the UTF-8 text, end exclusive.
struct AnnotatedSpan
{
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string label; ///< shown on the mark or in its tooltip: "GATA1"
  std::string kind;  ///< picks the colour (SampleDescription::kindColours): "motif", "unsupported"
  double score = std::numeric_limits<double>::quiet_NaN();
  /// 0: highlighted in the text; +1: a box above it (forward strand); -1: below (reverse strand).
  int lane = 0;
  std::string detail; ///< more to show on click, e.g. a motif's consensus
  std::string svg;    ///< a picture to show on click, e.g. the motif's logo; empty: none
};

/// One block of text with its marks, drawn under an optional heading.
struct AnnotatedText
{
  std::string heading; ///< "Summary", "Source"; empty: none
  std::string text;
  std::vector<AnnotatedSpan> spans;
  std::map<char, std::string> letterColours; ///< per-character colour, e.g. bases of DNA
  bool monospace = false;                    ///< sequences align better in a fixed-width font
};

/// How the GUI draws one sample, without knowing its domain: annotated text
/// blocks and, optionally, a picture.
struct SampleDescription
{
  bool valid = true;
  std::string title; ///< one line, e.g. the canonical SMILES; empty: the sample itself
  std::vector<AnnotatedText> blocks;
  std::string svg; ///< a picture (a molecule's depiction); empty: none
  std::map<std::string, std::string> kindColours; ///< span kind -> "#rrggbb"
  std::string note; ///< why the sample is invalid, or a caveat ("motif-grammar proxy")
};

} // namespace paretolab::engine
