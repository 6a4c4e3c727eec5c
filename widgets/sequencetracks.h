// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sampledescription.h"

#include <QString>

#include <functional>
#include <vector>

namespace paretolab::widgets {

/// A long sequence as a genome browser draws it, in monospace rows of
/// `rowWidth` letters numbered from 1: the marks on the forward strand as
/// labelled boxes above each row, those on the reverse strand below, boxes
/// that overlap stacked on separate lines. Each box is an anchor
/// "span:<anchors[k]>" coloured by its kind. `letters(begin, end)` gives the
/// HTML of the block's text in [begin, end) (its letter colours).
QString
sequenceTracksHtml(const engine::AnnotatedText& block,
                   const std::map<std::string, std::string>& kindColours,
                   const std::vector<int>& anchors,
                   const std::function<QString(std::size_t, std::size_t)>& letters,
                   std::size_t rowWidth = 60);

/// Whether a block's marks lie on strands (lane ±1), to be drawn as tracks.
bool
hasStrandedSpans(const engine::AnnotatedText& block);

} // namespace paretolab::widgets
