// SPDX-License-Identifier: GPL-3.0-or-later
#include "weightspanel.h"

#include "weightsliders.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace paretolab::widgets {

WeightsPanel::WeightsPanel(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  m_sliders = new WeightSliders(this);
  layout->addWidget(m_sliders);
  m_sweep = new QPushButton(this);
  m_sweep->setEnabled(false);
  layout->addWidget(m_sweep);
  m_info = new QLabel(this);
  m_info->setWordWrap(true);
  layout->addWidget(m_info);
  layout->addStretch(1);
}

void
WeightsPanel::setSweepAction(QAction* sweep)
{
  const auto follow = [this, sweep] {
    m_sweep->setText(sweep->text());
    m_sweep->setToolTip(sweep->toolTip());
    m_sweep->setEnabled(sweep->isEnabled());
  };
  follow();
  connect(sweep, &QAction::changed, m_sweep, follow);
  connect(m_sweep, &QPushButton::clicked, sweep, &QAction::trigger);
}

} // namespace paretolab::widgets
