// SPDX-License-Identifier: GPL-3.0-or-later
#include "plotexport.h"

#include "qcustomplotinclude.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSvgGenerator>

namespace paretolab::widgets {

namespace {

constexpr const char* kMenuInstalledProperty = "paretolab_plotExportMenu";

QString
displayPath(const QString& path)
{
  return QDir::toNativeSeparators(path);
}

// savePng and savePdf only say that they failed; find out why for the user.
QString
writeFailure(const QString& path)
{
  const QFileInfo info(path);
  QString reason;
  if (!info.absoluteDir().exists()) {
    reason = QCoreApplication::translate("PlotExport", "the folder %1 does not exist")
               .arg(displayPath(info.absolutePath()));
  } else {
    QFile probe(path);
    const bool existed = probe.exists();
    if (probe.open(QIODevice::WriteOnly | QIODevice::Append)) {
      probe.close();
      if (!existed)
        probe.remove();
      reason = QCoreApplication::translate("PlotExport", "the file could not be written");
    } else {
      reason = probe.errorString();
    }
  }
  return QCoreApplication::translate("PlotExport", "Could not export the plot to “%1”: %2.")
    .arg(displayPath(path), reason);
}

QString
exportSvg(QCustomPlot* plot, const QString& path, int width, int height)
{
  // Render into memory first, so that a failed export never leaves half a file.
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  QSvgGenerator generator;
  generator.setOutputDevice(&buffer);
  generator.setSize(QSize(width, height));
  generator.setViewBox(QRect(0, 0, width, height));
  generator.setResolution(plot->logicalDpiX()); // text keeps its on-screen size
  generator.setTitle(plot->windowTitle().isEmpty() ? QFileInfo(path).completeBaseName()
                                                   : plot->windowTitle());
  generator.setDescription(QCoreApplication::translate("PlotExport", "Plot exported by ParetoLab"));

  QCPPainter painter;
  if (!painter.begin(&generator))
    return writeFailure(path);
  painter.setMode(QCPPainter::pmVectorized);
  painter.setMode(QCPPainter::pmNoCaching);
  plot->toPainter(&painter, width, height);
  painter.end();

  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.size() ||
      !file.commit()) {
    return QCoreApplication::translate("PlotExport", "Could not export the plot to “%1”: %2.")
      .arg(displayPath(path), file.errorString());
  }
  return {};
}

QString&
lastExportDirectory()
{
  static QString directory = QDir::homePath();
  return directory;
}

void
exportInteractively(QCustomPlot* plot, const QString& suffix, const QString& filter)
{
  const QString baseName =
    plot->objectName().isEmpty() ? QStringLiteral("plot") : plot->objectName();
  QString path = QFileDialog::getSaveFileName(
    plot,
    QCoreApplication::translate("PlotExport", "Export plot"),
    QDir(lastExportDirectory()).filePath(baseName + QLatin1Char('.') + suffix),
    filter);
  if (path.isEmpty())
    return;
  if (QFileInfo(path).suffix().isEmpty())
    path += QLatin1Char('.') + suffix;
  lastExportDirectory() = QFileInfo(path).absolutePath();
  const QString error = exportPlot(plot, path);
  if (!error.isEmpty())
    QMessageBox::warning(plot, QCoreApplication::translate("PlotExport", "Export plot"), error);
}

/// Hides the plot's decoration layer while it lives.
class DecorationsHidden
{
public:
  explicit DecorationsHidden(QCustomPlot* plot)
    : m_layer(plot->layer(QStringLiteral("decorations")))
  {
    if (m_layer) {
      m_visible = m_layer->visible();
      m_layer->setVisible(false);
    }
  }
  ~DecorationsHidden()
  {
    if (m_layer)
      m_layer->setVisible(m_visible);
  }

private:
  QCPLayer* m_layer;
  bool m_visible = true;
};

} // namespace

QString
exportPlot(QCustomPlot* plot, const QString& path, int width, int height, int dpi)
{
  if (!plot)
    return QCoreApplication::translate("PlotExport", "There is no plot to export.");
  if (path.isEmpty())
    return QCoreApplication::translate("PlotExport", "No file name was given for the plot.");
  const int w = width > 0 ? width : plot->width();
  const int h = height > 0 ? height : plot->height();
  if (w <= 0 || h <= 0)
    return QCoreApplication::translate("PlotExport", "The plot has no size to export.");

  const QString suffix = QFileInfo(path).suffix().toLower();
  const bool known = suffix == QLatin1String("png") || suffix == QLatin1String("svg") ||
                     suffix == QLatin1String("pdf");
  if (known && !QFileInfo(path).absoluteDir().exists())
    return writeFailure(path); // before QPainter warns about a device it cannot open
  const DecorationsHidden hidden(plot);
  if (suffix == QLatin1String("svg"))
    return exportSvg(plot, path, w, h);
  bool written = false;
  if (suffix == QLatin1String("png")) {
    const double scale = std::max(1, dpi) / 96.0;
    written = plot->savePng(path, w, h, scale, -1, std::max(1, dpi), QCP::ruDotsPerInch);
  } else if (suffix == QLatin1String("pdf")) {
    written = plot->savePdf(path,
                            w,
                            h,
                            QCP::epAllowCosmetic,
                            QStringLiteral("ParetoLab"),
                            QFileInfo(path).completeBaseName());
  } else if (suffix.isEmpty()) {
    return QCoreApplication::translate("PlotExport",
                                       "“%1” has no file extension: use .png, .svg or .pdf.")
      .arg(displayPath(path));
  } else {
    return QCoreApplication::translate("PlotExport",
                                       "Plots cannot be exported as “.%1”: use .png, .svg or .pdf.")
      .arg(suffix);
  }
  return written ? QString() : writeFailure(path);
}

void
addPlotExportMenu(QCustomPlot* plot)
{
  if (!plot || plot->property(kMenuInstalledProperty).toBool())
    return;
  plot->setProperty(kMenuInstalledProperty, true);
  plot->setContextMenuPolicy(Qt::CustomContextMenu);
  QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot](const QPoint& pos) {
    auto* menu = new QMenu(plot);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(QCoreApplication::translate("PlotExport", "Export plot as PNG…"), plot, [plot] {
      exportInteractively(plot,
                          QStringLiteral("png"),
                          QCoreApplication::translate("PlotExport", "PNG image (*.png)"));
    });
    menu->addAction(QCoreApplication::translate("PlotExport", "Export plot as SVG…"), plot, [plot] {
      exportInteractively(plot,
                          QStringLiteral("svg"),
                          QCoreApplication::translate("PlotExport", "SVG image (*.svg)"));
    });
    menu->addAction(QCoreApplication::translate("PlotExport", "Export plot as PDF…"), plot, [plot] {
      exportInteractively(plot,
                          QStringLiteral("pdf"),
                          QCoreApplication::translate("PlotExport", "PDF document (*.pdf)"));
    });
    menu->popup(plot->mapToGlobal(pos));
  });
}

} // namespace paretolab::widgets
