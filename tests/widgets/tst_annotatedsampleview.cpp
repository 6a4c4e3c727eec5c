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
      .heading = "Summary",
      .text = "the cat sat",
      .spans = { { .begin = 4, .end = 7, .label = "unsupported", .kind = "odd" } } });
    description.kindColours = { { "odd", "#aaddff" } };
    const QString html = AnnotatedSampleView::toHtml(description);
    QVERIFY2(html.contains("Summary"), qPrintable(html));
    QVERIFY(html.contains("href=\"span:0\""));
    QVERIFY(html.contains("#aaddff")); // the kind's colour
    QVERIFY(html.contains(">cat<"));   // the marked letters, whole
  }

  void strandedMarksAreDrawnAsTracks()
  {
    // 70 bases: two rows of 60. GATA1 forward on row 1, two overlapping reverse marks, and a
    // forward mark that crosses into row 2.
    SampleDescription description;
    description.blocks.push_back(AnnotatedText{
      .heading = "Sequence",
      .text = std::string(4, 'A') + "GATAA" + std::string(61, 'C'),
      .spans = { { .begin = 4, .end = 9, .label = "GATA1", .kind = "k562", .lane = 1 },
                 { .begin = 10, .end = 16, .label = "SOX2", .kind = "sknsh", .lane = -1 },
                 { .begin = 12, .end = 20, .label = "SOX10", .kind = "sknsh", .lane = -1 },
                 { .begin = 57, .end = 63, .label = "HNF4A", .kind = "hepg2", .lane = 1 } },
      .monospace = true });
    description.kindColours = { { "k562", "#aaddff" } };
    const QString html = AnnotatedSampleView::toHtml(description);
    const QStringList lines = html.split('\n');
    const auto lineOf = [&](const QString& needle) {
      for (int i = 0; i < lines.size(); ++i)
        if (lines[i].contains(needle))
          return i;
      return -1;
    };
    const int row1 = lineOf("    1 ");
    const int row2 = lineOf("   61 ");
    QVERIFY2(row1 >= 0 && row2 > row1, qPrintable(html));
    QVERIFY(lineOf("GATA1") < row1);                         // forward: above its row
    QVERIFY(lineOf("SOX2") > row1 && lineOf("SOX2") < row2); // reverse: below it
    QVERIFY(lineOf("SOX10") != lineOf("SOX2"));              // overlapping: stacked
    QCOMPARE(html.count("href=\"span:3\""), 2);              // HNF4A, on both rows
    QVERIFY(html.contains("#aaddff"));
    QVERIFY(html.contains("font-family:monospace"));
  }

  void clickingAMarkShowsItsPicture()
  {
    SampleDescription description;
    const std::string logo =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\"><rect "
      "width=\"200\" height=\"100\" fill=\"red\"/></svg>";
    description.blocks.push_back(AnnotatedText{
      .text = "GATAAG",
      .spans = { { .begin = 0, .end = 5, .label = "GATA1", .lane = 1, .svg = logo } },
      .monospace = true });
    AnnotatedSampleView view;
    view.setDescription(description);
    auto* picture = view.findChild<QWidget*>(QStringLiteral("samplePicture"));
    QVERIFY(picture);
    QVERIFY(picture->isHidden()); // no sample picture: nothing beside the text
    view.showSpan(0);
    QVERIFY(!picture->isHidden());
    QCOMPARE(picture->size(), QSize(240, 120)); // the logo's proportions
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
