// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

class QDockWidget;
class QMainWindow;
class QMenuBar;
class QTabWidget;
class QWidget;

namespace paretolab::app {

/// `content` in a group box titled `title`, with `note` in small print under it.
QWidget*
titled(const QString& title, QWidget* content, QWidget* parent, const QString& note = {});

/// Tabs named `name` (which keeps the current tab in tests), one per (page, label).
QTabWidget*
tabbed(const QString& name, const QList<QPair<QWidget*, QString>>& pages, QWidget* parent);

/// A warning that does not block: window-modal, deleted when closed.
void
warn(QWidget* parent, const QString& title, const QString& text);

/// A dock of `window` holding `content`; `name` keeps its place in saved layouts.
QDockWidget*
dock(const QString& title, const QString& name, QWidget* content, QMainWindow* window);

/// Adds Settings ▸ Language (English, Deutsch); a choice is saved and takes
/// effect at the next start.
void
addLanguageMenu(QMenuBar* bar, QWidget* window);

/// Adds Help ▸ About ParetoLab, with the versions of the libraries in use.
void
addHelpMenu(QMenuBar* bar, QWidget* window);

} // namespace paretolab::app
