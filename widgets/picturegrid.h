// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "samplespage.h"

#include <QByteArray>
#include <QSize>
#include <QStringList>
#include <QVector>

#include <functional>

class QComboBox;
class QLabel;
class QListView;
class QStandardItemModel;
class QToolButton;

namespace paretolab::widgets {

class PictureTileDelegate;

/// A scrollable grid of samples with pictures, for domains whose samples
/// page is "pictures" (molecules). Each tile shows the picture of the sample
/// (Domain::describe's SVG), the sample (elided; the tooltip has it whole) and
/// the raw scores; a sample without a picture gets a grey "invalid" tile.
/// Tiles are drawn lazily when they scroll into view, and pictures are cached
/// by sample, so that re-sorting or re-showing costs no new rendering. The
/// columns follow the widget's width. A "Sort by" box orders the tiles by an
/// objective, NaN last, or restores the generation order. GUI thread only.
class PictureGrid : public SamplesPage
{
  Q_OBJECT

public:
  /// The size of one tile, in device-independent pixels.
  static constexpr QSize kTileSize{ 180, 160 };
  /// The SVG picture of a sample; an empty array for "invalid".
  using PictureSource = std::function<QByteArray(const QString& sample)>;

  explicit PictureGrid(QWidget* parent = nullptr);

  /// Takes the pictures from the set's domain.
  void setSamples(const SampleSet& set) override;
  /// Where pictures come from; clears the picture caches.
  void setPictureSource(PictureSource source);

  /// Names the objectives, in the order of the score rows; they label the
  /// scores on the tiles and fill the "Sort by" box.
  void setObjectiveNames(const QStringList& names);
  QStringList objectiveNames() const { return m_objectiveNames; }

  /// Replaces the samples. `rawScores[i][j]` is objective j of `samples[i]`;
  /// short or missing rows show "–". The current sort is kept.
  void setSamples(const QStringList& samples, const QVector<QVector<double>>& rawScores);

  int tileCount() const;
  QVector<int> displayOrder() const override;
  /// The sample of the tile at `position` in the displayed order, or "".
  QString tileSample(int position) const;
  /// Whether the tile at `position` has a picture (false: "invalid").
  bool tileValid(int position) const;

  /// Orders the tiles by objective `objective`, or in generation order when
  /// it is -1. Tiles without a score for it come last in either order.
  void sortBy(int objective, Qt::SortOrder order = Qt::DescendingOrder);
  int sortObjective() const { return m_sortObjective; }
  Qt::SortOrder sortOrder() const { return m_sortOrder; }

private:
  void rebuildTiles();
  void syncSortControls();
  void copySelectedSamples();

  QStringList m_objectiveNames;
  QStringList m_samples;
  QVector<QVector<double>> m_scores;
  int m_sortObjective = -1;
  Qt::SortOrder m_sortOrder = Qt::DescendingOrder;

  QLabel* m_countLabel = nullptr;
  QComboBox* m_sortBox = nullptr;
  QToolButton* m_orderButton = nullptr;
  QListView* m_view = nullptr;
  QStandardItemModel* m_model = nullptr;
  PictureTileDelegate* m_delegate = nullptr;
  const engine::Domain* m_pictureDomain = nullptr;
  QString m_query;
};

} // namespace paretolab::widgets
