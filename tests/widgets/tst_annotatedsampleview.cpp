// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotatedsampleview.h"

#include <QLabel>
#include <QTest>

using paretolab::engine::AnnotatedSpan;
using paretolab::engine::AnnotatedText;
using paretolab::engine::SampleDescription;
using paretolab::widgets::AnnotatedSampleView;

class TestAnnotatedSampleView : public QObject
{
  Q_OBJECT

private Q_SLOTS:
  void spansBecomeColouredAnchors()
  {
    SampleDescription description;
    description.blocks.push_back(AnnotatedText{
      .heading = "Sequence",
      .text = "ACGTGATAAGC",
      .spans = { { .begin = 4,
                   .end = 9,
                   .label = "GATA1",
                   .kind = "motif",
                   .score = 7.5,
                   .lane = 1 },
                 { .begin = 0, .end = 2, .label = "low", .kind = "weak", .lane = -1 } },
      .monospace = true });
    description.kindColours = { { "motif", "#aaddff" } };
    const QString html = AnnotatedSampleView::toHtml(description);
    QVERIFY2(html.contains("Sequence"), qPrintable(html));
    QVERIFY(html.contains("href=\"span:0\""));
    QVERIFY(html.contains("href=\"span:1\""));
    QVERIFY(html.contains("#aaddff"));   // the kind's colour
    QVERIFY(html.contains("overline"));  // forward strand above
    QVERIFY(html.contains("underline")); // reverse strand below
    QVERIFY(html.contains(">GATAA<"));   // the marked letters, whole
    QVERIFY(html.contains("font-family:monospace"));
  }

  void lettersAreColouredOneByOne()
  {
    SampleDescription description;
    description.blocks.push_back(
      AnnotatedText{ .text = "AC", .letterColours = { { 'A', "#00aa00" }, { 'C', "#0000ff" } } });
    const QString html = AnnotatedSampleView::toHtml(description);
    QVERIFY(html.contains("color:#00aa00\">A<"));
    QVERIFY(html.contains("color:#0000ff\">C<"));
  }

  void textIsEscapedAndOffsetsAreClamped()
  {
    SampleDescription description;
    description.blocks.push_back(AnnotatedText{
      .text = "a<b>&c",
      .spans = { { .begin = 4, .end = 99, .label = "past the end" }, { .begin = 9, .end = 12 } } });
    const QString html = AnnotatedSampleView::toHtml(description);
    QVERIFY2(html.contains("a&lt;b&gt;"), qPrintable(html));
    QVERIFY(html.contains("&amp;c"));
  }

  void clickingAMarkShowsItsDetail()
  {
    SampleDescription description;
    description.note = "a proxy";
    description.blocks.push_back(AnnotatedText{ .text = "GATAAG",
                                                .spans = { { .begin = 0,
                                                             .end = 5,
                                                             .label = "GATA1",
                                                             .score = 8.25,
                                                             .detail = "consensus WGATAR" } } });
    AnnotatedSampleView view;
    view.setDescription(description);
    QCOMPARE(view.detailText(), QString("a proxy"));
    view.showSpan(0);
    QVERIFY2(view.detailText().contains("GATA1 (8.25)"), qPrintable(view.detailText()));
    QVERIFY(view.detailText().contains("consensus WGATAR"));
    view.showSpan(5); // no such mark: nothing changes
    QVERIFY(view.detailText().contains("GATA1"));
  }

  void invalidSamplesSaySo()
  {
    SampleDescription description;
    description.valid = false;
    description.blocks.push_back(AnnotatedText{ .text = "xyz" });
    QVERIFY(AnnotatedSampleView::toHtml(description).contains("invalid"));
  }
};

QTEST_MAIN(TestAnnotatedSampleView)
#include "tst_annotatedsampleview.moc"
