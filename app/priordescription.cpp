// SPDX-License-Identifier: GPL-3.0-or-later
#include "priordescription.h"

#include "train/priorcache.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

#include <set>

namespace paretolab::app {

namespace {

/// The context of this file's translated text.
class PriorText
{
  Q_DECLARE_TR_FUNCTIONS(PriorText)
};

QString
percent(const nlohmann::json& metrics, const char* name)
{
  return metrics.contains(name) && metrics[name].is_number()
           ? QString::number(100.0 * metrics[name].get<double>(), 'f', 1)
           : QStringLiteral("?");
}

} // namespace

PriorDescription
describePrior(const engine::TaskConfig& task, bool cached)
{
  if (task.priorPath.empty())
    return { cached ? PriorText::tr("Pretrained on the domain's corpus (cached)")
                    : PriorText::tr("Pretrained on the domain's corpus at the first Start"),
             {} };
  const auto path = QString::fromStdString(task.priorPath);
  const auto name = QFileInfo(path).fileName();
  const auto metrics = engine::priorCompanions(task.priorPath).metrics;
  if (!metrics.is_object())
    return { name, path };
  PriorDescription description;
  description.line = PriorText::tr("%1: %2 % valid, %3 % unique@10k, %4 % novel")
                       .arg(name,
                            percent(metrics, "validity"),
                            percent(metrics, "unique@10k"),
                            percent(metrics, "novelty"));
  // train-prior records the temperature it sampled at: the task's, as the app samples.
  const auto temperature = metrics.value("temperature", 1.0);
  QStringList lines{ path,
                     PriorText::tr("Measured on %1 samples at temperature %2 (MOSES definitions):")
                       .arg(metrics.value("samples", 0))
                       .arg(temperature) };
  // Every metric, whether written as 1.0 or 1; not the counts nor the temperature.
  const std::set<std::string> notMetrics{ "samples", "test", "train", "temperature" };
  for (const auto& [key, value] : metrics.items())
    if (value.is_number() && !notMetrics.contains(key))
      lines << QStringLiteral("%1: %2")
                 .arg(QString::fromStdString(key))
                 .arg(value.get<double>(), 0, 'f', 4);
  description.details = lines.join(QLatin1Char('\n'));
  return description;
}

QString
corpusFileFilter(const engine::Domain& domain)
{
  QStringList filters;
  for (const auto& format : domain.sampleFormats())
    if (format->canRead())
      filters << QStringLiteral("%1 (*.%2)")
                   .arg(QString::fromStdString(format->title()),
                        QString::fromStdString(format->extension()));
  filters << PriorText::tr("All files (*)");
  return filters.join(QStringLiteral(";;"));
}

} // namespace paretolab::app
