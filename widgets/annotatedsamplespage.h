// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "samplespage.h"

namespace paretolab::widgets {

class AnnotatedSampleView;
class SamplesTable;

/// The samples page any domain gets: a sortable table of the samples and their
/// scores above the description (Domain::describe) of the selected one, with
/// its marked spans. A new domain shows its samples here with no GUI change.
/// GUI thread only.
class AnnotatedSamplesPage : public SamplesPage
{
  Q_OBJECT

public:
  explicit AnnotatedSamplesPage(QWidget* parent = nullptr);

  void setSamples(const SampleSet& set) override;
  /// Describes sample `index` (generation order) below the table.
  void showSample(int index);
  int shownSample() const { return m_shown; }

  SamplesTable* table() const { return m_table; }
  AnnotatedSampleView* view() const { return m_view; }
  QVector<int> displayOrder() const override;

private:
  SamplesTable* m_table = nullptr;
  AnnotatedSampleView* m_view = nullptr;
  SampleSet m_set;
  int m_shown = -1;
};

} // namespace paretolab::widgets
