// SPDX-License-Identifier: GPL-3.0-or-later
#include "runactions.h"

#include <QAction>
#include <QMainWindow>
#include <QToolBar>

namespace paretolab::app {

RunActions::RunActions(TrainingController* controller, QObject* parent)
  : QObject(parent)
  , m_controller(controller)
{
  m_start = new QAction(tr("&Start"), this);
  m_start->setShortcut(QKeySequence(Qt::Key_F5));
  m_start->setToolTip(
    tr("Start training (F5). The prior is pretrained first if it is not cached."));
  m_pretrain = new QAction(tr("Pretrain the p&rior"), this);
  m_pretrain->setToolTip(tr("Train the prior on the domain's corpus now and cache it."));
  m_pauseResume = new QAction(tr("&Pause"), this);
  m_pauseResume->setShortcut(QKeySequence(Qt::Key_F6));
  m_stop = new QAction(tr("S&top"), this);
  m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
  m_sweep = new QAction(tr("S&weep the simplex"), this);
  m_sweep->setToolTip(tr("Evaluate a grid of weights over the simplex from the latest "
                         "experts: the Rewarded-Soups front of this run."));

  connect(m_start, &QAction::triggered, this, &RunActions::startRequested);
  connect(m_pretrain, &QAction::triggered, this, &RunActions::pretrainRequested);
  connect(m_sweep, &QAction::triggered, this, &RunActions::sweepRequested);
  connect(m_pauseResume, &QAction::triggered, this, [this] {
    if (m_controller->state() == TrainingController::State::Paused)
      m_controller->resume();
    else
      m_controller->pause();
  });
  connect(m_stop, &QAction::triggered, m_controller, &TrainingController::stop);
  connect(m_controller, &TrainingController::stateChanged, this, &RunActions::update);
  connect(m_controller, &TrainingController::runOpened, this, [this] { setExpertsReady(true); });
  connect(m_controller, &TrainingController::priorReady, this, [this] { setPriorCached(true); });
  update();
}

void
RunActions::addToolBar(QMainWindow* window)
{
  auto* toolbar = window->addToolBar(tr("Run"));
  toolbar->setObjectName(QStringLiteral("RunToolBar"));
  toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  toolbar->addActions({ m_start, m_pauseResume, m_stop });
  toolbar->addSeparator();
  toolbar->addActions({ m_pretrain, m_sweep });
}

void
RunActions::setTaskReady(bool ready)
{
  m_taskReady = ready;
  update();
}

void
RunActions::setExpertsReady(bool ready)
{
  m_expertsReady = ready;
  update();
}

void
RunActions::setPriorCached(bool cached)
{
  m_priorCached = cached;
  update();
}

void
RunActions::update()
{
  using State = TrainingController::State;
  const auto state = m_controller->state();
  const bool active = m_controller->isActive();
  m_start->setEnabled(!active && m_taskReady);
  m_pretrain->setEnabled(!active && m_taskReady && !m_priorCached);
  m_pretrain->setText(m_priorCached ? tr("Prior cached") : tr("Pretrain the p&rior"));
  m_pauseResume->setEnabled(state == State::Training || state == State::Paused);
  m_pauseResume->setText(state == State::Paused ? tr("&Resume") : tr("&Pause"));
  m_stop->setEnabled(active);
  m_sweep->setEnabled(m_expertsReady && state != State::Preparing);
}

} // namespace paretolab::app
