// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "core/runtime.h"
#include "paretoplot.h"
#include "rewardplot.h"
#include "runsetuppanel.h"
#include "samplesview.h"

#include <QApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace paretolab::app {

namespace {

QWidget*
titled(const QString& title, QWidget* content, QWidget* parent)
{
  auto* box = new QGroupBox(title, parent);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(content);
  return box;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
  : QMainWindow(parent)
{
  setWindowTitle(tr("ParetoLab"));
  setObjectName(QStringLiteral("MainWindow"));

  m_rewardPlot = new widgets::RewardPlot;
  m_paretoPlot = new widgets::ParetoPlot;
  auto* plots = new QSplitter(Qt::Horizontal, this);
  plots->addWidget(titled(tr("Reward per objective"), m_rewardPlot, plots));
  plots->addWidget(titled(tr("Pareto front"), m_paretoPlot, plots));
  setCentralWidget(plots);

  m_runSetup = new widgets::RunSetupPanel;
  auto* setupScroll = new QScrollArea;
  setupScroll->setWidget(m_runSetup);
  setupScroll->setWidgetResizable(true);
  setupScroll->setFrameShape(QFrame::NoFrame);
  m_setupDock = new QDockWidget(tr("Run setup"), this);
  m_setupDock->setObjectName(QStringLiteral("RunSetupDock"));
  m_setupDock->setWidget(setupScroll);
  addDockWidget(Qt::LeftDockWidgetArea, m_setupDock);

  m_samples = new widgets::SamplesView;
  m_samplesDock = new QDockWidget(tr("Samples"), this);
  m_samplesDock->setObjectName(QStringLiteral("SamplesDock"));
  m_samplesDock->setWidget(m_samples);
  addDockWidget(Qt::BottomDockWidgetArea, m_samplesDock);

  createMenus();
  createStatusBar();
  resize(1280, 800);
}

void
MainWindow::createMenus()
{
  auto* file = menuBar()->addMenu(tr("&File"));
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  auto* view = menuBar()->addMenu(tr("&View"));
  view->addAction(m_setupDock->toggleViewAction());
  view->addAction(m_samplesDock->toggleViewAction());

  auto* help = menuBar()->addMenu(tr("&Help"));
  help->addAction(tr("&About ParetoLab"), this, &MainWindow::showAbout);
}

void
MainWindow::createStatusBar()
{
  m_statusText = new QLabel(tr("Ready"));
  m_progress = new QProgressBar;
  m_progress->setRange(0, 100);
  m_progress->setValue(0);
  m_progress->setTextVisible(true);
  m_progress->setFormat(tr("Idle"));
  m_progress->setMaximumWidth(320);
  statusBar()->addWidget(m_statusText, 1);
  statusBar()->addPermanentWidget(m_progress);
}

void
MainWindow::showAbout()
{
  const auto info = engine::runtimeInfo();
  QMessageBox::about(
    this,
    tr("About ParetoLab"),
    tr("<h3>ParetoLab %1</h3>"
       "<p>Fine-tune generative models on several rewards at once with IterativeRS "
       "(Ghari, Sciabola, Wang, NeurIPS 2025), MORLHF and Rewarded Soups.</p>"
       "<p>LibTorch %2 · RDKit %3 · Qt %4</p>"
       "<p>Licensed under the GNU GPL, version 3 or later.</p>")
      .arg(QString::fromStdString(info.paretolab),
           QString::fromStdString(info.torch),
           QString::fromStdString(info.rdkit),
           QString::fromLatin1(qVersion())));
}

} // namespace paretolab::app
