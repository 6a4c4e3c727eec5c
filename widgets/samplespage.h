// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <memory>
#include <vector>

namespace paretolab::widgets {

/// The samples of one policy, as a samples page shows them.
struct SampleSet
{
  /// Renders the samples (Domain::describe) and picks the page kind.
  std::shared_ptr<const engine::Domain> domain;
  QStringList objectiveNames;
  QStringList samples;
  QVector<QVector<double>> rawScores;          ///< [sample][objective], NaN where not computable
  std::vector<engine::SampleContext> contexts; ///< empty, or one per sample
  QString caption; ///< whose samples these are, e.g. "Merged policy, round 4"
  QString query;   ///< a search whose matches the page marks; empty: none
};

/// A page of the samples view: a way of showing samples, chosen by the
/// domain's Domain::samplesPage(). GUI thread only.
class SamplesPage : public QWidget
{
  Q_OBJECT

public:
  using QWidget::QWidget;
  virtual void setSamples(const SampleSet& set) = 0;
  /// The indices of the set's samples in the order the page shows them
  /// (after the user's sort); empty: in the order given.
  virtual QVector<int> displayOrder() const { return {}; }
};

} // namespace paretolab::widgets
