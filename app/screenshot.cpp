// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshot.h"

#include <QCoreApplication>
#include <QImageWriter>
#include <QPixmap>
#include <QWidget>

namespace paretolab::app {

QString
saveScreenshot(QWidget* window, const QString& path)
{
  // Flush queued replots and layout requests so the grab shows the settled UI.
  QCoreApplication::sendPostedEvents();
  QCoreApplication::processEvents();
  const QPixmap pixmap = window->grab();
  if (pixmap.isNull())
    return QCoreApplication::translate("Screenshot", "could not render the window");
  QImageWriter writer(path, "png");
  if (!writer.write(pixmap.toImage()))
    return QCoreApplication::translate("Screenshot", "cannot write %1: %2")
      .arg(path, writer.errorString());
  return {};
}

} // namespace paretolab::app
