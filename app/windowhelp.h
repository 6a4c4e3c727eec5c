// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QMenuBar;
class QWidget;

namespace paretolab::app {

/// Adds Settings ▸ Language (English, Deutsch); a choice is saved and takes
/// effect at the next start.
void
addLanguageMenu(QMenuBar* bar, QWidget* window);

/// Adds Help ▸ About ParetoLab, with the versions of the libraries in use.
void
addHelpMenu(QMenuBar* bar, QWidget* window);

} // namespace paretolab::app
