// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QStandardItemModel;
class QToolButton;

namespace paretolab::widgets {

class MoleculeTileDelegate;

/// A scrollable grid of generated molecules. Each tile shows RDKit's 2-D
/// depiction, the SMILES (elided; the tooltip has it whole) and the raw
/// scores; an invalid SMILES gets a grey "invalid" tile. Tiles are drawn
/// lazily when they scroll into view, and depictions are cached by SMILES, so
/// that re-sorting or re-showing the same molecules costs no RDKit call. The
/// columns follow the widget's width. A "Sort by" box orders the tiles by an
/// objective, NaN last, or restores the generation order. GUI thread only.
class MoleculeGrid : public QWidget
{
  Q_OBJECT

public:
  /// The size of one tile, in device-independent pixels.
  static constexpr QSize kTileSize{ 180, 160 };

  explicit MoleculeGrid(QWidget* parent = nullptr);

  /// Names the objectives, in the order of the score rows; they label the
  /// scores on the tiles and fill the "Sort by" box.
  void setObjectiveNames(const QStringList& names);
  QStringList objectiveNames() const { return m_objectiveNames; }

  /// Replaces the molecules. `rawScores[i][j]` is objective j of `smiles[i]`;
  /// short or missing rows show "–". The current sort is kept.
  void setSamples(const QStringList& smiles, const QVector<QVector<double>>& rawScores);

  int tileCount() const;
  /// The SMILES of the tile at `position` in the displayed order, or "".
  QString tileSmiles(int position) const;
  /// Whether the tile at `position` depicts a molecule (false: "invalid").
  bool tileValid(int position) const;

  /// Orders the tiles by objective `objective`, or in generation order when
  /// it is -1. Tiles without a score for it come last in either order.
  void sortBy(int objective, Qt::SortOrder order = Qt::DescendingOrder);
  int sortObjective() const { return m_sortObjective; }
  Qt::SortOrder sortOrder() const { return m_sortOrder; }

private:
  void rebuildTiles();
  void syncSortControls();
  void copySelectedSmiles();

  QStringList m_objectiveNames;
  QStringList m_smiles;
  QVector<QVector<double>> m_scores;
  int m_sortObjective = -1;
  Qt::SortOrder m_sortOrder = Qt::DescendingOrder;

  QLabel* m_countLabel = nullptr;
  QComboBox* m_sortBox = nullptr;
  QToolButton* m_orderButton = nullptr;
  QListView* m_view = nullptr;
  QStandardItemModel* m_model = nullptr;
  MoleculeTileDelegate* m_delegate = nullptr;
};

} // namespace paretolab::widgets
