// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sampledescription.h"

#include <QWidget>

class QLabel;
class QSvgWidget;
class QTextBrowser;

namespace paretolab::widgets {

/// Draws one sample's description (Domain::describe) without knowing its
/// domain: each block under its heading, letters coloured, highlighted spans
/// with their kind's colour, and the picture beside the text when there is
/// one. A monospace block with marks on strands (a DNA sequence) is drawn as
/// tracks: numbered rows, forward-strand marks as boxes above, reverse-strand
/// ones below. Hovering a mark shows its label and score; clicking it shows
/// its detail below and its picture (a motif's logo) beside. GUI thread only.
class AnnotatedSampleView : public QWidget
{
  Q_OBJECT

public:
  explicit AnnotatedSampleView(QWidget* parent = nullptr);

  void setDescription(const engine::SampleDescription& description);
  /// The HTML drawn, for tests and for copying.
  QString html() const;
  /// The text under the view: the clicked mark's detail, or the description's note.
  QString detailText() const;
  /// As if the user clicked mark `index` (in the order of the blocks' spans).
  void showSpan(int index);

  /// The HTML of `description`, with each span an anchor "span:<n>".
  static QString toHtml(const engine::SampleDescription& description);

private:
  bool eventFilter(QObject* watched, QEvent* event) override;
  void showPicture(const std::string& svg);

  QTextBrowser* m_text = nullptr;
  QSvgWidget* m_picture = nullptr;
  QLabel* m_detail = nullptr;
  engine::SampleDescription m_description;
  std::vector<const engine::AnnotatedSpan*> m_spans;
};

} // namespace paretolab::widgets
