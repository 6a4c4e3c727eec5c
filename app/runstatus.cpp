// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstatus.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>

#include <cmath>

namespace paretolab::app {

namespace {

QString
formatDuration(double seconds)
{
  const auto total = qint64(std::llround(seconds));
  return total >= 3600
           ? QStringLiteral("%1:%2:%3")
               .arg(total / 3600)
               .arg(total / 60 % 60, 2, 10, QLatin1Char('0'))
               .arg(total % 60, 2, 10, QLatin1Char('0'))
           : QStringLiteral("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RunStatus::RunStatus(QStatusBar* bar, TrainingController* controller)
  : QObject(bar)
  , m_controller(controller)
{
  m_text = new QLabel(tr("Ready"));
  m_progress = new QProgressBar;
  m_progress->setRange(0, 100);
  m_progress->setValue(0);
  m_progress->setTextVisible(true);
  m_progress->setFormat(tr("Idle"));
  m_progress->setMinimumWidth(320);
  bar->addWidget(m_text, 1);
  bar->addPermanentWidget(m_progress);

  connect(controller, &TrainingController::stateChanged, this, &RunStatus::onStateChanged);
  connect(controller, &TrainingController::pretrainProgress, this, &RunStatus::onPretrainProgress);
  connect(controller,
          &TrainingController::reportsReady,
          this,
          [this](const auto&, const auto&, qint64 done, qint64 total) { onProgress(done, total); });
  connect(controller,
          &TrainingController::priorReady,
          this,
          [this](const QString& path, bool pretrained) {
            showMessage(pretrained ? tr("Prior pretrained and cached in %1").arg(path)
                                   : tr("Prior loaded from %1").arg(path));
          });
  connect(controller, &TrainingController::runStored, this, [this](qint64 id) {
    showMessage(tr("Training; recorded as run %1.").arg(id));
  });
  connect(
    controller, &TrainingController::runFinished, this, [this](const engine::RunResult& result) {
      showMessage((result.cancelled ? tr("Stopped after %1 steps.") : tr("Finished %1 steps."))
                    .arg(result.stepsDone) +
                  QLatin1Char(' ') +
                  tr("Average reward %1 → %2.")
                    .arg(result.initial.averageReward, 0, 'f', 3)
                    .arg(result.final.averageReward, 0, 'f', 3));
    });
  connect(controller, &TrainingController::runFailed, this, [this](const QString& message) {
    showMessage(tr("The run failed: %1").arg(message));
  });
}

void
RunStatus::showMessage(const QString& text)
{
  m_text->setText(text);
}

QString
RunStatus::message() const
{
  return m_text->text();
}

QString
RunStatus::eta(qint64 done, qint64 total) const
{
  if (done <= 0 || !m_clock.isValid())
    return QStringLiteral("?");
  const double elapsed = double(m_clock.elapsed()) / 1000.0;
  return formatDuration(elapsed * double(total - done) / double(done));
}

void
RunStatus::onStateChanged(TrainingController::State state)
{
  using State = TrainingController::State;
  switch (state) {
    case State::Preparing:
      m_clock.start();
      showMessage(tr("Loading the prior (pretrained on first use, then cached)…"));
      m_progress->setFormat(tr("Preparing…"));
      break;
    case State::Training:
      showMessage(tr("Training…"));
      m_clock.start();
      break;
    case State::Paused:
      m_progress->setFormat(tr("Paused at %v / %m steps"));
      break;
    case State::Finished:
      m_progress->setFormat(tr("Done: %v / %m steps"));
      break;
    case State::Idle:
      m_progress->setFormat(tr("Idle"));
      break;
  }
}

void
RunStatus::onPretrainProgress(qint64 done, qint64 total, double validationLoss)
{
  m_progress->setRange(0, int(total));
  m_progress->setValue(int(done));
  m_progress->setFormat(tr("Pretraining the prior %p% · ETA %1").arg(eta(done, total)));
  if (!std::isnan(validationLoss))
    showMessage(
      tr("Pretraining the prior: validation NLL %1 per token").arg(validationLoss, 0, 'f', 4));
}

void
RunStatus::onProgress(qint64 done, qint64 total)
{
  m_progress->setRange(0, int(total));
  m_progress->setValue(int(done));
  if (m_controller->state() == TrainingController::State::Training && done > 0)
    m_progress->setFormat(tr("%v / %m steps · ETA %1").arg(eta(done, total)));
}

} // namespace paretolab::app
