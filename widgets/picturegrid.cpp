// SPDX-License-Identifier: GPL-3.0-or-later
#include "picturegrid.h"

#include <QAction>
#include <QCache>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QSvgRenderer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace paretolab::widgets {

namespace {

constexpr int kScoresRole = Qt::UserRole + 1; // the one-line score summary
constexpr int kIndexRole = Qt::UserRole + 2;  // position in generation order
constexpr int kPadding = 5;
constexpr int kGap = 6;
constexpr qsizetype kSvgCacheBytes = 16 * 1024 * 1024;
constexpr qsizetype kPixmapCacheKilobytes = 64 * 1024;

const QColor kTileColour(255, 255, 255);
const QColor kInvalidColour(222, 222, 222);

// Compact enough for three objectives on a 180 px tile: "qed 0.63 · sa 2.1".
QString
compactNumber(double value)
{
  if (std::isnan(value))
    return QStringLiteral("–");
  if (std::abs(value) >= 100)
    return QString::number(value, 'f', 0);
  return QString::number(value, 'g', 2);
}

double
scoreOf(const QVector<QVector<double>>& scores, int sample, int objective)
{
  if (sample >= scores.size() || objective >= scores[sample].size())
    return std::nan("");
  return scores[sample][objective];
}

} // namespace

// Paints one tile and owns the depiction caches. Private to this file.
class PictureTileDelegate : public QStyledItemDelegate
{
public:
  explicit PictureTileDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
  {
    m_svgs.setMaxCost(kSvgCacheBytes);
    m_pixmaps.setMaxCost(kPixmapCacheKilobytes);
  }

  QSize sizeHint(const QStyleOptionViewItem& /*option*/,
                 const QModelIndex& /*index*/) const override
  {
    return PictureGrid::kTileSize;
  }

  void paint(QPainter* painter,
             const QStyleOptionViewItem& option,
             const QModelIndex& index) const override;

  /// The SVG of `sample`, or an empty array when it has none.
  QByteArray svg(const QString& sample) const
  {
    if (const QByteArray* cached = m_svgs.object(sample))
      return *cached;
    const QByteArray svg = m_source ? m_source(sample) : QByteArray();
    m_svgs.insert(sample, new QByteArray(svg), std::max<qsizetype>(svg.size(), 1));
    return svg;
  }

  void setSource(PictureGrid::PictureSource source)
  {
    m_source = std::move(source);
    m_svgs.clear();
    m_pixmaps.clear();
  }

private:
  QPixmap depiction(const QString& sample, const QSize& size, qreal pixelRatio) const;

  PictureGrid::PictureSource m_source;
  mutable QCache<QString, QByteArray> m_svgs; // cost: bytes
  mutable QCache<QString, QPixmap> m_pixmaps; // cost: kilobytes
};

QPixmap
PictureTileDelegate::depiction(const QString& sample, const QSize& size, qreal pixelRatio) const
{
  // Concatenated, not arg()-ed: SMILES write ring closures 10 and up as "%10".
  const QString key = sample + QLatin1Char('|') + QString::number(size.width()) + QLatin1Char('x') +
                      QString::number(size.height()) + QLatin1Char('@') +
                      QString::number(pixelRatio);
  if (const QPixmap* cached = m_pixmaps.object(key))
    return *cached;
  const QByteArray data = svg(sample);
  if (data.isEmpty())
    return {};
  QSvgRenderer renderer(data);
  if (!renderer.isValid())
    return {};
  renderer.setAspectRatioMode(Qt::KeepAspectRatio);
  QPixmap pixmap(size * pixelRatio);
  pixmap.setDevicePixelRatio(pixelRatio);
  pixmap.fill(Qt::transparent);
  {
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(QPointF(0, 0), QSizeF(size)));
  }
  const qsizetype kilobytes =
    std::max<qsizetype>(1, qsizetype(pixmap.width()) * pixmap.height() * 4 / 1024);
  m_pixmaps.insert(key, new QPixmap(pixmap), kilobytes);
  return pixmap;
}

void
PictureTileDelegate::paint(QPainter* painter,
                           const QStyleOptionViewItem& option,
                           const QModelIndex& index) const
{
  const QString sample = index.data(Qt::DisplayRole).toString();
  const QString scores = index.data(kScoresRole).toString();

  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  const bool selected = option.state & QStyle::State_Selected;
  painter->setPen(selected ? QPen(option.palette.color(QPalette::Highlight), 2)
                           : QPen(QColor(0, 0, 0, 50), 1));
  painter->setBrush(kTileColour);
  painter->drawRoundedRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5), 4, 4);

  QFont font = option.font;
  if (font.pointSizeF() > 0)
    font.setPointSizeF(font.pointSizeF() * 0.9);
  const QFontMetrics metrics(font);
  const int line = metrics.height();
  const QRect inner = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
  const QRect image(inner.x(), inner.y(), inner.width(), inner.height() - 2 * line - 2);
  const QRect sampleLine(inner.x(), image.y() + image.height() + 2, inner.width(), line);
  const QRect scoresLine(inner.x(), sampleLine.y() + line, inner.width(), line);

  painter->setFont(font);
  const QPixmap pixmap = depiction(sample, image.size(), painter->device()->devicePixelRatioF());
  if (pixmap.isNull()) {
    painter->setPen(Qt::NoPen);
    painter->setBrush(kInvalidColour);
    painter->drawRoundedRect(image, 3, 3);
    painter->setPen(QColor(105, 105, 105));
    painter->drawText(image, Qt::AlignCenter, PictureGrid::tr("invalid"));
  } else {
    painter->drawPixmap(image.topLeft(), pixmap);
  }

  painter->setPen(QColor(25, 25, 25));
  const QString shownSample = sample.isEmpty() ? PictureGrid::tr("(empty)") : sample;
  painter->drawText(sampleLine,
                    Qt::AlignLeft | Qt::AlignVCenter,
                    metrics.elidedText(shownSample, Qt::ElideMiddle, sampleLine.width()));
  painter->setPen(QColor(85, 85, 85));
  painter->drawText(scoresLine,
                    Qt::AlignLeft | Qt::AlignVCenter,
                    metrics.elidedText(scores, Qt::ElideRight, scoresLine.width()));
  painter->restore();
}

PictureGrid::PictureGrid(QWidget* parent)
  : SamplesPage(parent)
{
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);

  auto* bar = new QHBoxLayout;
  m_countLabel = new QLabel(this);
  auto* sortLabel = new QLabel(tr("Sort &by:"), this);
  m_sortBox = new QComboBox(this);
  m_sortBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  sortLabel->setBuddy(m_sortBox);
  m_orderButton = new QToolButton(this);
  m_orderButton->setCheckable(true);
  m_orderButton->setAutoRaise(true);
  m_orderButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_orderButton->setToolTip(tr("Reverse the order"));
  bar->addWidget(m_countLabel);
  bar->addStretch(1);
  bar->addWidget(sortLabel);
  bar->addWidget(m_sortBox);
  bar->addWidget(m_orderButton);
  layout->addLayout(bar);

  m_model = new QStandardItemModel(this);
  m_delegate = new PictureTileDelegate(this);
  m_view = new QListView(this);
  m_view->setViewMode(QListView::IconMode);
  m_view->setMovement(QListView::Static); // after setViewMode, which makes it Free
  m_view->setResizeMode(QListView::Adjust);
  m_view->setFlow(QListView::LeftToRight);
  m_view->setWrapping(true);
  m_view->setGridSize(kTileSize + QSize(kGap, kGap));
  m_view->setUniformItemSizes(true);
  m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
  m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_view->setDragDropMode(QAbstractItemView::NoDragDrop);
  m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
  m_view->setItemDelegate(m_delegate);
  m_view->setModel(m_model);
  QPalette palette = m_view->palette();
  palette.setColor(QPalette::Base, QColor(238, 238, 238)); // white tiles stand out
  m_view->setPalette(palette);
  layout->addWidget(m_view, 1);

  auto* copy = new QAction(tr("&Copy samples"), m_view);
  copy->setShortcut(QKeySequence::Copy);
  copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  connect(copy, &QAction::triggered, this, &PictureGrid::copySelectedSamples);
  m_view->addAction(copy);
  m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

  connect(m_sortBox, &QComboBox::currentIndexChanged, this, [this](int item) {
    sortBy(item - 1, m_sortOrder);
  });
  connect(m_orderButton, &QToolButton::toggled, this, [this](bool descending) {
    sortBy(m_sortObjective, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
  });

  setObjectiveNames({});
}

void
PictureGrid::setObjectiveNames(const QStringList& names)
{
  m_objectiveNames = names;
  if (m_sortObjective >= names.size())
    m_sortObjective = -1;
  {
    const QSignalBlocker blocker(m_sortBox);
    m_sortBox->clear();
    m_sortBox->addItem(tr("Generation order"));
    m_sortBox->addItems(names);
  }
  syncSortControls();
  rebuildTiles();
}

void
PictureGrid::setSamples(const SampleSet& set)
{
  if (set.domain.get() != m_pictureDomain || set.query != m_query) {
    m_pictureDomain = set.domain.get();
    m_query = set.query;
    setPictureSource([domain = set.domain, query = set.query.toStdString()](const QString& sample) {
      if (!domain)
        return QByteArray();
      try {
        return QByteArray::fromStdString(
          domain->describeMatching(sample.toStdString(), {}, query).svg);
      } catch (const std::exception&) {
        return QByteArray::fromStdString(domain->describe(sample.toStdString()).svg);
      }
    });
  }
  if (m_objectiveNames != set.objectiveNames)
    setObjectiveNames(set.objectiveNames);
  setSamples(set.samples, set.rawScores);
}

void
PictureGrid::setPictureSource(PictureSource source)
{
  m_delegate->setSource(std::move(source));
  m_view->viewport()->update();
}

void
PictureGrid::setSamples(const QStringList& samples, const QVector<QVector<double>>& rawScores)
{
  m_samples = samples;
  m_scores = rawScores;
  rebuildTiles();
  m_view->scrollToTop();
}

int
PictureGrid::tileCount() const
{
  return m_model->rowCount();
}

QString
PictureGrid::tileSample(int position) const
{
  const QStandardItem* item = m_model->item(position);
  return item ? item->data(Qt::DisplayRole).toString() : QString();
}

QVector<int>
PictureGrid::displayOrder() const
{
  QVector<int> order;
  for (int position = 0; position < m_model->rowCount(); ++position)
    order << m_model->item(position)->data(kIndexRole).toInt();
  return order;
}

bool
PictureGrid::tileValid(int position) const
{
  return position >= 0 && position < tileCount() &&
         !m_delegate->svg(tileSample(position)).isEmpty();
}

void
PictureGrid::sortBy(int objective, Qt::SortOrder order)
{
  if (objective < -1 || objective >= m_objectiveNames.size())
    objective = -1;
  if (objective == m_sortObjective && order == m_sortOrder)
    return;
  m_sortObjective = objective;
  m_sortOrder = order;
  syncSortControls();
  rebuildTiles();
}

void
PictureGrid::syncSortControls()
{
  const QSignalBlocker boxBlocker(m_sortBox);
  const QSignalBlocker buttonBlocker(m_orderButton);
  m_sortBox->setCurrentIndex(m_sortObjective + 1);
  const bool descending = m_sortOrder == Qt::DescendingOrder;
  m_orderButton->setChecked(descending);
  m_orderButton->setArrowType(descending ? Qt::DownArrow : Qt::UpArrow);
  m_orderButton->setText(descending ? tr("Highest first") : tr("Lowest first"));
  // The generation order has one direction only.
  m_orderButton->setEnabled(m_sortObjective >= 0);
}

void
PictureGrid::rebuildTiles()
{
  QVector<int> order(m_samples.size());
  std::iota(order.begin(), order.end(), 0);
  if (m_sortObjective >= 0) {
    const int objective = m_sortObjective;
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const double left = scoreOf(m_scores, a, objective);
      const double right = scoreOf(m_scores, b, objective);
      if (std::isnan(left))
        return false;
      if (std::isnan(right))
        return true;
      return descending ? left > right : left < right;
    });
  }

  const auto objectives = static_cast<int>(m_objectiveNames.size());
  QList<QStandardItem*> tiles;
  tiles.reserve(order.size());
  for (const int sample : std::as_const(order)) {
    QStringList summary;
    QStringList tooltip{ m_samples[sample].isEmpty() ? tr("(empty)") : m_samples[sample] };
    for (int objective = 0; objective < objectives; ++objective) {
      const double value = scoreOf(m_scores, sample, objective);
      summary.append(m_objectiveNames[objective] + QLatin1Char(' ') + compactNumber(value));
      tooltip.append(
        tr("%1 (raw): %2")
          .arg(m_objectiveNames[objective],
               std::isnan(value) ? QStringLiteral("–") : QString::number(value, 'g', 4)));
    }
    auto* tile = new QStandardItem;
    tile->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    tile->setData(m_samples[sample], Qt::DisplayRole);
    tile->setData(summary.join(QStringLiteral(" · ")), kScoresRole);
    tile->setData(sample, kIndexRole);
    tile->setToolTip(tooltip.join(QLatin1Char('\n')));
    tiles.append(tile);
  }
  m_model->removeRows(0, m_model->rowCount());
  m_model->invisibleRootItem()->appendRows(tiles);
  // %n for the translations' plural forms; the English singular needs no .ts file.
  const auto count = static_cast<int>(m_samples.size());
  m_countLabel->setText(count == 1 ? tr("1 sample") : tr("%n samples", nullptr, count));
}

void
PictureGrid::copySelectedSamples()
{
  QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
  std::sort(selected.begin(), selected.end(), [](const QModelIndex& a, const QModelIndex& b) {
    return a.row() < b.row();
  });
  QStringList samples;
  for (const QModelIndex& index : std::as_const(selected))
    samples.append(index.data(Qt::DisplayRole).toString());
  if (!samples.isEmpty())
    QGuiApplication::clipboard()->setText(samples.join(QLatin1Char('\n')));
}

} // namespace paretolab::widgets
