// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowhelp.h"

#include "core/runtime.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QTabWidget>
#include <QSettings>
#include <QVBoxLayout>

#include <utility>

namespace paretolab::app {

QWidget*
titled(const QString& title, QWidget* content, QWidget* parent, const QString& note)
{
  auto* box = new QGroupBox(title, parent);
  auto* layout = new QVBoxLayout(box);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(content, 1);
  if (!note.isEmpty()) {
    auto* label = new QLabel(note, box);
    label->setWordWrap(true); // a note never widens the window
    QFont small = label->font();
    small.setItalic(true);
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    layout->addWidget(label);
  }
  return box;
}

// Window-modal but not blocking: a blocked event loop would stall training
// updates, tests and the screenshot mode.
QTabWidget*
tabbed(const QString& name, const QList<QPair<QWidget*, QString>>& pages, QWidget* parent)
{
  auto* tabs = new QTabWidget(parent);
  tabs->setObjectName(name);
  tabs->setDocumentMode(true);
  for (const auto& [page, label] : pages)
    tabs->addTab(page, label);
  return tabs;
}

void
warn(QWidget* parent, const QString& title, const QString& text)
{
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

QDockWidget*
dock(const QString& title, const QString& name, QWidget* content, QMainWindow* window)
{
  auto* widget = new QDockWidget(title, window);
  widget->setObjectName(name);
  widget->setWidget(content);
  return widget;
}

void
addLanguageMenu(QMenuBar* bar, QWidget* window)
{
  auto* language =
    bar->addMenu(QCoreApplication::translate("paretolab::app::MainWindow", "&Settings"))
      ->addMenu(QCoreApplication::translate("paretolab::app::MainWindow", "&Language"));
  const QString current =
    QSettings().value(QStringLiteral("language"), QStringLiteral("en")).toString();
  for (const auto& [code, name] :
       { std::pair{ QStringLiteral("en"), QStringLiteral("English") },
         std::pair{ QStringLiteral("de"), QStringLiteral("Deutsch") } }) {
    auto* action = language->addAction(name, window, [window, code = code] {
      QSettings().setValue(QStringLiteral("language"), code);
      QMessageBox::information(
        window,
        QCoreApplication::translate("paretolab::app::MainWindow", "Language"),
        QCoreApplication::translate("paretolab::app::MainWindow",
                                    "The language changes when ParetoLab is started again."));
    });
    action->setCheckable(true);
    action->setChecked(code == current);
  }
}

void
addHelpMenu(QMenuBar* bar, QWidget* window)
{
  bar->addMenu(QCoreApplication::translate("paretolab::app::MainWindow", "&Help"))
    ->addAction(QCoreApplication::translate("paretolab::app::MainWindow", "&About ParetoLab"),
                window,
                [window] {
                  const auto info = engine::runtimeInfo();
                  QMessageBox::about(
                    window,
                    QCoreApplication::translate("paretolab::app::MainWindow", "About ParetoLab"),
                    QCoreApplication::translate(
                      "paretolab::app::MainWindow",
                      "<h3>ParetoLab %1</h3>"
                      "<p>Fine-tune generative models on several rewards at once with IterativeRS "
                      "(Ghari, Sciabola, Wang, NeurIPS 2025), MORLHF and Rewarded Soups.</p>"
                      "<p>LibTorch %2 · RDKit %3 · Qt %4</p>"
                      "<p>Licensed under the GNU GPL, version 3 or later.</p>")
                      .arg(QString::fromStdString(info.paretolab),
                           QString::fromStdString(info.torch),
                           QString::fromStdString(info.rdkit),
                           QString::fromLatin1(qVersion())));
                });
}

} // namespace paretolab::app
