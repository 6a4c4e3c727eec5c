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
            m_pretraining = false;
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
RunStatus::eta(qint64 done, qint64 total)
{
  // Measured from the first report, not from the start: loading a corpus or a
  // prior before it says nothing about the rate of the work. Paused time is
  // not work either.
  if (m_firstDone < 0 || !m_clock.isValid()) {
    m_firstDone = done;
    m_clock.start();
    m_pausedMs = 0;
    return QStringLiteral("?");
  }
  const qint64 pausedNow = m_pausedSince.isValid() ? m_pausedSince.elapsed() : 0;
  const double left = secondsLeft(
    done, total, m_firstDone, double(m_clock.elapsed() - m_pausedMs - pausedNow) / 1000.0);
  return left < 0 ? QStringLiteral("?") : formatDuration(left);
}

double
RunStatus::secondsLeft(qint64 done, qint64 total, qint64 firstDone, double workingSeconds)
{
  const qint64 progressed = done - firstDone;
  if (progressed <= 0 || workingSeconds <= 0.0)
    return -1.0;
  return workingSeconds * double(total - done) / double(progressed);
}

void
RunStatus::showStoredRun(qint64 id, qint64 steps, qint64 total, const QString& status)
{
  m_progress->setRange(0, int(std::max<qint64>(1, total)));
  m_progress->setValue(int(std::min(steps, std::max<qint64>(1, total))));
  m_progress->setFormat(tr("Run %1: %2 of %3 steps, %4").arg(id).arg(steps).arg(total).arg(status));
}

void
RunStatus::onStateChanged(TrainingController::State state)
{
  using State = TrainingController::State;
  switch (state) {
    case State::Preparing:
      m_firstDone = -1;
      m_pretraining = false;
      m_progress->setRange(0, 100);
      m_progress->setValue(0);
      showMessage(tr("Loading the prior (pretrained on first use, then cached)…"));
      m_progress->setFormat(tr("Preparing…"));
      break;
    case State::Training:
      if (m_pausedSince.isValid()) {
        m_pausedMs += m_pausedSince.elapsed();
        m_pausedSince.invalidate();
      } else {
        m_firstDone = -1; // the prior is ready: the training rate starts now
      }
      showMessage(tr("Training…"));
      break;
    case State::Paused:
      m_pausedSince.start();
      showMessage(tr("Paused. Resume (F6) to go on."));
      m_progress->setFormat(tr("Paused at %v / %m steps"));
      break;
    case State::Finished:
      m_progress->setFormat(tr("Done: %v / %m steps"));
      break;
    case State::Idle:
      if (m_pretraining) {
        showMessage(tr("Pretraining stopped. Its last finished epoch is kept, and pretraining "
                       "goes on from there next time."));
        m_pretraining = false;
      }
      m_progress->setRange(0, 100);
      m_progress->setValue(0);
      m_progress->setFormat(tr("Idle"));
      break;
  }
}

void
RunStatus::onPretrainProgress(qint64 done, qint64 total, double validationLoss, double validity)
{
  m_pretraining = true;
  m_progress->setRange(0, int(total));
  m_progress->setValue(int(done));
  m_progress->setFormat(tr("Pretraining the prior %p% · ETA %1").arg(eta(done, total)));
  if (!std::isnan(validationLoss) && !std::isnan(validity))
    showMessage(tr("Pretraining the prior: validation NLL %1 per token, %2% of samples valid")
                  .arg(validationLoss, 0, 'f', 4)
                  .arg(100.0 * validity, 0, 'f', 1));
  else if (!std::isnan(validationLoss))
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
