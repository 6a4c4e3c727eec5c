// SPDX-License-Identifier: GPL-3.0-or-later
#include "plotexportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>

namespace paretolab::widgets {

PlotExportDialog::PlotExportDialog(const QSize& onScreen, bool raster, QWidget* parent)
  : QDialog(parent)
{
  setWindowTitle(tr("Export plot"));
  auto* form = new QFormLayout(this);
  const QSettings settings;
  const QSize size = settings.value(QStringLiteral("plotExport/size"), onScreen).toSize();
  m_width = new QSpinBox(this);
  m_width->setRange(100, 10000);
  m_width->setSuffix(tr(" pt"));
  m_width->setValue(size.width());
  m_height = new QSpinBox(this);
  m_height->setRange(100, 10000);
  m_height->setSuffix(tr(" pt"));
  m_height->setValue(size.height());
  form->addRow(tr("&Width:"), m_width);
  form->addRow(tr("&Height:"), m_height);
  m_dpi = new QComboBox(this);
  for (int dpi : { 96, 150, 300, 600 })
    m_dpi->addItem(tr("%1 dpi").arg(dpi), dpi);
  m_dpi->setCurrentIndex(
    m_dpi->findData(settings.value(QStringLiteral("plotExport/dpi"), 300).toInt()));
  m_dpi->setEnabled(raster);
  m_dpi->setToolTip(raster ? tr("Journals ask for 300 dpi or more.")
                           : tr("SVG and PDF are vector formats: sharp at any resolution."));
  form->addRow(tr("&Resolution:"), m_dpi);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  form->addRow(buttons);
}

QSize
PlotExportDialog::exportSize() const
{
  return { m_width->value(), m_height->value() };
}

int
PlotExportDialog::dpi() const
{
  return m_dpi->currentData().toInt();
}

void
PlotExportDialog::remember() const
{
  QSettings settings;
  settings.setValue(QStringLiteral("plotExport/size"), exportSize());
  settings.setValue(QStringLiteral("plotExport/dpi"), dpi());
}

} // namespace paretolab::widgets
