// SPDX-License-Identifier: GPL-3.0-or-later
#include "offscreengui.h"

#include <QApplication>
#include <QDir>

namespace paretolab::cli {

OffscreenGui::OffscreenGui()
{
  if (QCoreApplication::instance())
    return;
  qputenv("QT_QPA_PLATFORM", "offscreen");
  // Qt warns on stderr without a runtime directory; a private one keeps the output clean.
  if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
    const auto runtime =
      QDir::tempPath() + QStringLiteral("/paretolab-runtime-") + QString::number(qint64(getuid()));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
  }
  static int argc = 1;
  static char name[] = "paretolab-cli";
  static char* argv[] = { name, nullptr };
  m_application = std::make_unique<QApplication>(argc, argv);
}

OffscreenGui::~OffscreenGui() = default;

} // namespace paretolab::cli
