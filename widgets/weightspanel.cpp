// SPDX-License-Identifier: GPL-3.0-or-later
#include "weightspanel.h"

#include "weightsliders.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace paretolab::widgets {

WeightsPanel::WeightsPanel(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  m_sliders = new WeightSliders(this);
  layout->addWidget(m_sliders);
  auto* roundRow = new QHBoxLayout;
  m_roundsLabel = new QLabel(tr("&Experts of:"), this);
  m_rounds = new QComboBox(this);
  m_rounds->setToolTip(tr("Re-merge the experts of an earlier merge round, kept on disk"));
  m_roundsLabel->setBuddy(m_rounds);
  roundRow->addWidget(m_roundsLabel);
  roundRow->addWidget(m_rounds, 1);
  layout->addLayout(roundRow);
  setRounds({});
  connect(m_rounds, &QComboBox::activated, this, [this](int index) {
    Q_EMIT roundChosen(m_rounds->itemData(index).toLongLong(),
                       m_rounds->itemData(index, Qt::UserRole + 1).toString());
  });
  m_sweep = new QPushButton(this);
  m_sweep->setEnabled(false);
  layout->addWidget(m_sweep);
  m_reach = new QLabel(this);
  m_reach->setWordWrap(true);
  m_reach->setObjectName(QStringLiteral("reach"));
  layout->addWidget(m_reach);
  m_info = new QLabel(this);
  m_info->setWordWrap(true);
  layout->addWidget(m_info);
  layout->addStretch(1);
}

void
WeightsPanel::setRounds(const QVector<QPair<qint64, QString>>& rounds)
{
  const qint64 chosen = m_rounds->count() > 0 ? chosenRound() : -1;
  const QSignalBlocker blocker(m_rounds);
  m_rounds->clear();
  m_rounds->addItem(tr("the latest round"), qint64(-1));
  for (const auto& [round, checkpoint] : rounds) {
    m_rounds->addItem(tr("round %1").arg(round), round);
    m_rounds->setItemData(m_rounds->count() - 1, checkpoint, Qt::UserRole + 1);
  }
  const int index = m_rounds->findData(chosen);
  m_rounds->setCurrentIndex(index >= 0 ? index : 0);
}

void
WeightsPanel::setRoundsLabel(const QString& text)
{
  m_roundsLabel->setText(text);
}

qint64
WeightsPanel::chosenRound() const
{
  return m_rounds->currentData().toLongLong();
}

void
WeightsPanel::setReach(const QString& text)
{
  m_reach->setText(text);
}

QString
WeightsPanel::reach() const
{
  return m_reach->text();
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
