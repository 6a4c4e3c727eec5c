// SPDX-License-Identifier: GPL-3.0-or-later
#include "sequencetracks.h"

#include <algorithm>

namespace paretolab::widgets {

namespace {

constexpr int kNumberWidth = 6; // "  121 ": room for positions up to 99,999

struct Piece
{
  std::size_t begin; ///< within the row
  std::size_t end;
  std::size_t span;
};

/// Pieces into lines, first fit: a piece goes on the first line it does not overlap.
std::vector<std::vector<Piece>>
stack(std::vector<Piece> pieces)
{
  std::sort(
    pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.begin < b.begin; });
  std::vector<std::vector<Piece>> lines;
  for (const auto& piece : pieces) {
    auto line = std::find_if(lines.begin(), lines.end(), [&](const std::vector<Piece>& taken) {
      return taken.back().end <= piece.begin;
    });
    if (line == lines.end())
      lines.push_back({ piece });
    else
      line->push_back(piece);
  }
  return lines;
}

/// One line of boxes: each piece's label, filled out with arrows pointing along its strand.
QString
boxLine(const std::vector<Piece>& line,
        const engine::AnnotatedText& block,
        const std::map<std::string, std::string>& kindColours,
        const std::vector<int>& anchors)
{
  QString html = QString(kNumberWidth, QLatin1Char(' '));
  std::size_t column = 0;
  for (const auto& piece : line) {
    html += QString(int(piece.begin - column), QLatin1Char(' '));
    const auto& span = block.spans[piece.span];
    const int width = int(piece.end - piece.begin);
    const QChar arrow = span.lane > 0 ? QChar(0x203A) : QChar(0x2039); // › or ‹
    QString text = QString::fromStdString(span.label).left(width);
    text += QString(width - int(text.size()), arrow);
    const auto colour = kindColours.find(span.kind);
    html += QStringLiteral("<a href=\"span:%1\" style=\"color:#222; text-decoration:none; "
                           "background-color:%2\">%3</a>")
              .arg(anchors[piece.span])
              .arg(colour == kindColours.end() ? QStringLiteral("#ffe08a")
                                               : QString::fromStdString(colour->second),
                   text.toHtmlEscaped());
    column = piece.end;
  }
  return html + QLatin1Char('\n');
}

} // namespace

bool
hasStrandedSpans(const engine::AnnotatedText& block)
{
  return std::any_of(
    block.spans.begin(), block.spans.end(), [](const auto& span) { return span.lane != 0; });
}

QString
sequenceTracksHtml(const engine::AnnotatedText& block,
                   const std::map<std::string, std::string>& kindColours,
                   const std::vector<int>& anchors,
                   const std::function<QString(std::size_t, std::size_t)>& letters,
                   std::size_t rowWidth)
{
  QString html = QStringLiteral("<pre style=\"font-family:monospace\">");
  const std::size_t size = block.text.size();
  for (std::size_t start = 0; start < size; start += rowWidth) {
    const std::size_t end = std::min(size, start + rowWidth);
    std::vector<Piece> forward, reverse;
    for (std::size_t k = 0; k < block.spans.size(); ++k) {
      const auto& span = block.spans[k];
      const std::size_t begin = std::max(span.begin, start);
      const std::size_t stop = std::min(span.end, end);
      if (span.lane == 0 || begin >= stop)
        continue;
      (span.lane > 0 ? forward : reverse).push_back({ begin - start, stop - start, k });
    }
    auto above = stack(forward);
    std::reverse(above.begin(), above.end()); // the first line sits next to the sequence
    for (const auto& line : above)
      html += boxLine(line, block, kindColours, anchors);
    html += QStringLiteral("%1 ").arg(start + 1, kNumberWidth - 1) + letters(start, end) +
            QLatin1Char('\n');
    for (const auto& line : stack(reverse))
      html += boxLine(line, block, kindColours, anchors);
    // A blank line, so that the next row's forward boxes are not read as this row's.
    if (end < size)
      html += QLatin1Char('\n');
  }
  return html + QStringLiteral("</pre>");
}

} // namespace paretolab::widgets
