// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

class QApplication;

namespace paretolab::cli {

/// A QApplication on Qt's offscreen platform for as long as it lives, so
/// that the command line draws plots with the GUI's own code and no display.
/// A no-op when an application exists already.
class OffscreenGui
{
public:
  OffscreenGui();
  ~OffscreenGui();

private:
  std::unique_ptr<QApplication> m_application;
};

} // namespace paretolab::cli
