// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotatedsampleview.h"

#include "sequencetracks.h"

#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QSvgRenderer>
#include <QSvgWidget>
#include <QTextBrowser>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <vector>

namespace paretolab::widgets {

namespace {

const char* const kDefaultMarkColour = "#ffe08a";

QString
escaped(const std::string& text)
{
  return QString::fromStdString(text).toHtmlEscaped();
}

QString
spanTitle(const engine::AnnotatedSpan& span)
{
  QString title = QString::fromStdString(span.label);
  if (!std::isnan(span.score))
    title += QStringLiteral(" (%1)").arg(span.score, 0, 'g', 4);
  if (span.lane > 0)
    title += AnnotatedSampleView::tr(", forward strand");
  else if (span.lane < 0)
    title += AnnotatedSampleView::tr(", reverse strand");
  return title;
}

// The HTML of text[begin, end) with each character coloured by the block's letter colours.
QString
letters(const engine::AnnotatedText& block, size_t begin, size_t end)
{
  const std::string part = block.text.substr(begin, end - begin);
  if (block.letterColours.empty())
    return escaped(part);
  QString html;
  for (char c : part) {
    const auto colour = block.letterColours.find(c);
    const QString letter = escaped(std::string(1, c));
    html += colour == block.letterColours.end()
              ? letter
              : QStringLiteral("<span style=\"color:%1\">%2</span>")
                  .arg(QString::fromStdString(colour->second), letter);
  }
  return html;
}

} // namespace

QString
AnnotatedSampleView::toHtml(const engine::SampleDescription& description)
{
  QString html;
  if (!description.title.empty())
    html += QStringLiteral("<p><b>%1</b></p>").arg(escaped(description.title));
  int anchor = 0;
  for (const auto& block : description.blocks) {
    if (!block.heading.empty())
      html += QStringLiteral("<p style=\"color:#555\"><i>%1</i></p>").arg(escaped(block.heading));
    // Marks in text order; overlapping ones are drawn from where the previous ended.
    std::vector<size_t> order(block.spans.size());
    for (size_t i = 0; i < order.size(); ++i)
      order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return block.spans[a].begin < block.spans[b].begin;
    });
    std::vector<int> anchors(block.spans.size());
    for (size_t i = 0; i < block.spans.size(); ++i)
      anchors[i] = anchor++;
    if (block.monospace && hasStrandedSpans(block)) {
      // A sequence with marks on its strands: tracks, as a genome browser draws them.
      html += sequenceTracksHtml(block, description.kindColours, anchors, [&](size_t b, size_t e) {
        return letters(block, b, e);
      });
      continue;
    }
    QString body;
    size_t position = 0;
    const size_t size = block.text.size();
    for (size_t k : order) {
      const auto& span = block.spans[k];
      const size_t begin = std::clamp(span.begin, position, size);
      const size_t end = std::clamp(span.end, begin, size);
      body += letters(block, position, begin);
      if (end == begin)
        continue;
      const auto colour = description.kindColours.find(span.kind);
      const QString background = colour == description.kindColours.end()
                                   ? QString::fromLatin1(kDefaultMarkColour)
                                   : QString::fromStdString(colour->second);
      const QString decoration = span.lane > 0   ? QStringLiteral("overline")
                                 : span.lane < 0 ? QStringLiteral("underline")
                                                 : QStringLiteral("none");
      body += QStringLiteral("<a href=\"span:%1\" style=\"color:inherit; text-decoration:%2; "
                             "background-color:%3\">%4</a>")
                .arg(anchors[k])
                .arg(decoration, background, letters(block, begin, end));
      position = end;
    }
    body += letters(block, position, size);
    html += block.monospace ? QStringLiteral("<p style=\"font-family:monospace\">%1</p>").arg(body)
                            : QStringLiteral("<p>%1</p>").arg(body);
  }
  if (!description.valid)
    html += QStringLiteral("<p style=\"color:#b00020\">%1</p>").arg(tr("invalid"));
  return html;
}

AnnotatedSampleView::AnnotatedSampleView(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* row = new QHBoxLayout;
  m_text = new QTextBrowser(this);
  m_text->setOpenLinks(false);
  m_text->viewport()->installEventFilter(this);
  row->addWidget(m_text, 1);
  m_picture = new QSvgWidget(this);
  m_picture->setObjectName(QStringLiteral("samplePicture"));
  m_picture->setFixedSize(240, 176);
  m_picture->hide();
  row->addWidget(m_picture);
  layout->addLayout(row, 1);
  m_detail = new QLabel(this);
  m_detail->setWordWrap(true);
  m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(m_detail);
  connect(m_text, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
    if (url.scheme() == QLatin1String("span"))
      showSpan(url.path().toInt());
  });
}

void
AnnotatedSampleView::setDescription(const engine::SampleDescription& description)
{
  m_description = description;
  m_spans.clear();
  for (const auto& block : m_description.blocks)
    for (const auto& span : block.spans)
      m_spans.push_back(&span);
  m_text->setHtml(toHtml(m_description));
  if (m_description.svg.empty())
    m_picture->hide();
  else
    showPicture(m_description.svg);
  m_detail->setText(QString::fromStdString(m_description.note));
}

QString
AnnotatedSampleView::html() const
{
  return toHtml(m_description);
}

QString
AnnotatedSampleView::detailText() const
{
  return m_detail->text();
}

void
AnnotatedSampleView::showSpan(int index)
{
  if (index < 0 || index >= int(m_spans.size()))
    return;
  const auto& span = *m_spans[size_t(index)];
  QString text = spanTitle(span);
  if (!span.detail.empty())
    text += QLatin1Char('\n') + QString::fromStdString(span.detail);
  m_detail->setText(text);
  if (!span.svg.empty())
    showPicture(span.svg); // a motif's logo, say, in place of the sample's picture
}

void
AnnotatedSampleView::showPicture(const std::string& svg)
{
  m_picture->load(QByteArray::fromStdString(svg));
  // 240 wide, as tall as the picture's proportions ask (Qt 6.4 stretches SVGs).
  const QSizeF size = m_picture->renderer()->defaultSize();
  const int height = size.width() > 0 ? int(240.0 * size.height() / size.width()) : 176;
  m_picture->setFixedSize(240, std::clamp(height, 40, 240));
  m_picture->show();
}

bool
AnnotatedSampleView::eventFilter(QObject* watched, QEvent* event)
{
  if (watched == m_text->viewport() && event->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(event);
    const QString anchor = m_text->anchorAt(help->pos());
    if (anchor.startsWith(QLatin1String("span:"))) {
      const int index = anchor.mid(5).toInt();
      if (index >= 0 && index < int(m_spans.size()))
        QToolTip::showText(help->globalPos(), spanTitle(*m_spans[size_t(index)]), m_text);
    } else {
      QToolTip::hideText();
    }
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

} // namespace paretolab::widgets
