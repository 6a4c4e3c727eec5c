// SPDX-License-Identifier: GPL-3.0-or-later
#include "weightsliders.h"

#include "simplex.h"

#include <QGridLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace paretolab::widgets {

WeightSliders::WeightSliders(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  m_header = new QLabel(this);
  m_header->setObjectName(QStringLiteral("weightsHeader"));
  m_header->setWordWrap(true);
  setCaption(mergeCaption());
  layout->addWidget(m_header);

  m_grid = new QGridLayout;
  m_grid->setColumnStretch(1, 1);
  layout->addLayout(m_grid);
  layout->addStretch(1);
}

QString
WeightSliders::mergeCaption()
{
  return tr("Weights λ of the experts; they always sum to 1. Dragging re-merges the "
            "experts: any weights give a policy at once (Rewarded Soups).");
}

void
WeightSliders::setCaption(const QString& text)
{
  m_header->setText(text);
  setToolTip(text);
}

void
WeightSliders::setObjectives(const QStringList& names, const QVector<double>& weights)
{
  clearRows();
  m_names = names;
  m_weights = weights.size() == names.size() ? normalizedOnSimplex(weights)
                                             : normalizedOnSimplex(QVector<double>(names.size()));

  const int valueWidth = fontMetrics().horizontalAdvance(QStringLiteral("0.000")) + 6;
  for (int i = 0; i < names.size(); ++i) {
    Row row;
    row.name = new QLabel(names[i], this);
    row.slider = new QSlider(Qt::Horizontal, this);
    row.slider->setObjectName(QStringLiteral("weightSlider%1").arg(i));
    row.slider->setRange(0, kSliderSteps);
    row.slider->setSingleStep(10);
    row.slider->setPageStep(100);
    row.slider->setMinimumWidth(110); // a slider squeezed to nothing cannot be dragged
    row.slider->setToolTip(tr("Weight λ of the expert for %1").arg(names[i]));
    row.name->setBuddy(row.slider);
    row.value = new QLabel(this);
    row.value->setObjectName(QStringLiteral("weightValue%1").arg(i));
    row.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    row.value->setMinimumWidth(valueWidth);
    row.lock = new QToolButton(this);
    row.lock->setObjectName(QStringLiteral("weightLock%1").arg(i));
    row.lock->setText(tr("Lock"));
    row.lock->setCheckable(true);
    row.lock->setToolTip(tr("Lock this weight while the others move"));

    m_grid->addWidget(row.name, i, 0);
    m_grid->addWidget(row.slider, i, 1);
    m_grid->addWidget(row.value, i, 2);
    m_grid->addWidget(row.lock, i, 3);

    connect(
      row.slider, &QSlider::valueChanged, this, [this, i](int value) { onSliderMoved(i, value); });
    connect(row.lock, &QToolButton::toggled, this, &WeightSliders::updateEnabled);
    m_rows.append(row);
  }
  showWeights();
  updateEnabled();
}

void
WeightSliders::setWeights(const QVector<double>& weights)
{
  if (weights.size() != m_rows.size())
    return;
  m_weights = normalizedOnSimplex(weights);
  showWeights();
}

void
WeightSliders::setLocked(int index, bool locked)
{
  if (index < 0 || index >= m_rows.size())
    return;
  m_rows[index].lock->setChecked(locked);
}

bool
WeightSliders::isLocked(int index) const
{
  return index >= 0 && index < m_rows.size() && m_rows[index].lock->isChecked();
}

void
WeightSliders::clearRows()
{
  for (const Row& row : std::as_const(m_rows)) {
    delete row.name;
    delete row.slider;
    delete row.value;
    delete row.lock;
  }
  m_rows.clear();
}

void
WeightSliders::onSliderMoved(int index, int sliderValue)
{
  if (m_updating)
    return;
  const QVector<double> moved =
    moveOnSimplex(m_weights, index, double(sliderValue) / kSliderSteps, lockedFlags());
  const bool changed = moved != m_weights;
  m_weights = moved;
  // Also when nothing changed: the dragged slider must snap back to its clamped value.
  showWeights();
  if (changed)
    Q_EMIT weightsChanged(m_weights);
}

QVector<bool>
WeightSliders::lockedFlags() const
{
  QVector<bool> flags(m_rows.size());
  for (int i = 0; i < m_rows.size(); ++i)
    flags[i] = m_rows[i].lock->isChecked();
  return flags;
}

void
WeightSliders::showWeights()
{
  const bool wasUpdating = m_updating;
  m_updating = true;
  for (int i = 0; i < m_rows.size(); ++i) {
    m_rows[i].slider->setValue(int(std::lround(m_weights[i] * kSliderSteps)));
    m_rows[i].value->setText(QString::number(m_weights[i], 'f', 3));
  }
  m_updating = wasUpdating;
}

void
WeightSliders::updateEnabled()
{
  // A weight can only move when another unlocked weight can take up the difference.
  int unlocked = 0;
  for (const Row& row : std::as_const(m_rows))
    unlocked += row.lock->isChecked() ? 0 : 1;
  for (const Row& row : std::as_const(m_rows))
    row.slider->setEnabled(!row.lock->isChecked() && unlocked >= 2);
}

} // namespace paretolab::widgets
