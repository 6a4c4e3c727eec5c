// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectiveseditor.h"

#include "transformpreview.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace paretolab::widgets {

namespace {

using Kind = engine::RewardTransform::Kind;

enum Column
{
  kName,
  kWeight,
  kTransform,
  kRemove,
};

const QList<QPair<Kind, const char*>>&
transformKinds()
{
  static const QList<QPair<Kind, const char*>> kinds{
    { Kind::Identity, QT_TRANSLATE_NOOP("RunSetupPanel", "identity") },
    { Kind::Maximize, QT_TRANSLATE_NOOP("RunSetupPanel", "maximize") },
    { Kind::Minimize, QT_TRANSLATE_NOOP("RunSetupPanel", "minimize") },
    { Kind::Target, QT_TRANSLATE_NOOP("RunSetupPanel", "target ± tolerance") },
    { Kind::Sigmoid, QT_TRANSLATE_NOOP("RunSetupPanel", "sigmoid") },
    { Kind::DoubleSigmoid, QT_TRANSLATE_NOOP("RunSetupPanel", "double sigmoid") },
  };
  return kinds;
}

/// The parameters each kind uses, in the order shown.
QStringList
parametersOf(Kind kind)
{
  switch (kind) {
    case Kind::Identity:
      return {};
    case Kind::Maximize:
    case Kind::Minimize:
      return { QStringLiteral("low"), QStringLiteral("high") };
    case Kind::Target:
      return { QStringLiteral("target"), QStringLiteral("tolerance") };
    case Kind::Sigmoid:
      return { QStringLiteral("center"), QStringLiteral("scale") };
    case Kind::DoubleSigmoid:
      return { QStringLiteral("low"), QStringLiteral("high"), QStringLiteral("scale") };
  }
  return {};
}

double&
parameter(engine::RewardTransform& t, const QString& name)
{
  if (name == QLatin1String("low"))
    return t.low;
  if (name == QLatin1String("high"))
    return t.high;
  if (name == QLatin1String("target"))
    return t.target;
  if (name == QLatin1String("tolerance"))
    return t.tolerance;
  if (name == QLatin1String("center"))
    return t.center;
  return t.scale;
}

QString
parameterLabel(const QString& name)
{
  if (name == QLatin1String("low"))
    return ObjectivesEditor::tr("low");
  if (name == QLatin1String("high"))
    return ObjectivesEditor::tr("high");
  if (name == QLatin1String("target"))
    return ObjectivesEditor::tr("target");
  if (name == QLatin1String("tolerance"))
    return ObjectivesEditor::tr("±");
  if (name == QLatin1String("center"))
    return ObjectivesEditor::tr("centre");
  return ObjectivesEditor::tr("scale");
}

const char* const kAllParameters[] = { "low", "high", "target", "tolerance", "center", "scale" };

QLineEdit*
numberEdit(QWidget* parent, double value)
{
  auto* edit = new QLineEdit(QString::number(value, 'g', 10), parent);
  edit->setMinimumWidth(48);
  return edit;
}

} // namespace

void
markInvalid(QLineEdit* edit, bool invalid)
{
  edit->setStyleSheet(invalid ? QStringLiteral("background: #ffd6d6;") : QString());
}

bool
parseUserNumber(const QString& text, double& value)
{
  QString trimmed = text.trimmed();
  trimmed.replace(QLatin1Char(','), QLatin1Char('.'));
  bool ok = false;
  const double parsed = QLocale::c().toDouble(trimmed, &ok);
  if (!ok || !std::isfinite(parsed))
    return false;
  value = parsed;
  return true;
}

ObjectivesEditor::ObjectivesEditor(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  m_table = new QTableWidget(0, 4, this);
  m_table->setHorizontalHeaderLabels(
    { tr("Objective"), tr("Weight w"), tr("Transform"), QString() });
  auto* header = m_table->horizontalHeader();
  header->setSectionResizeMode(kName, QHeaderView::ResizeToContents);
  header->setSectionResizeMode(kWeight, QHeaderView::Interactive);
  header->resizeSection(kWeight, 64);
  header->setSectionResizeMode(kTransform, QHeaderView::Stretch);
  header->setSectionResizeMode(kRemove, QHeaderView::ResizeToContents);
  m_table->verticalHeader()->hide();
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->setMinimumHeight(110);
  m_table->setToolTip(tr("Each objective has an expert policy. Weights set how the experts are "
                         "merged (λ = w / Σw); transforms map raw values to rewards in [0, 1]."));
  layout->addWidget(m_table);

  auto* buttons = new QHBoxLayout;
  m_add = new QPushButton(tr("&Add objective"), this);
  connect(m_add, &QPushButton::clicked, this, [this] { addObjective(); });
  buttons->addWidget(m_add);
  buttons->addStretch(1);
  layout->addLayout(buttons);

  // The selected objective's transform parameters, below the table where they have room.
  m_parameters = new QStackedWidget(this);
  layout->addWidget(m_parameters);

  m_preview = new TransformPreview(this);
  m_preview->setToolTip(tr("The selected objective's transform: reward against raw value"));
  layout->addWidget(m_preview);
  connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
    if (row >= 0 && row < m_parameters->count())
      m_parameters->setCurrentIndex(row);
    updatePreview();
  });
}

void
ObjectivesEditor::setAvailable(const std::vector<engine::ObjectiveInfo>& available)
{
  m_available = available;
}

void
ObjectivesEditor::setObjectives(const std::vector<engine::ObjectiveConfig>& objectives)
{
  {
    // Removing rows moves the current cell while their widgets are going.
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    while (m_parameters->count() > 0) {
      auto* page = m_parameters->widget(0);
      m_parameters->removeWidget(page);
      page->deleteLater();
    }
  }
  for (const auto& objective : objectives)
    addRow(objective);
  if (m_table->rowCount() > 0)
    m_table->setCurrentCell(0, kName);
  updatePreview();
}

int
ObjectivesEditor::rowCount() const
{
  return m_table->rowCount();
}

bool
ObjectivesEditor::addObjective(const QString& name)
{
  const auto current = objectives();
  for (const auto& info : m_available) {
    const auto candidate = QString::fromStdString(info.name);
    if (!name.isEmpty() && candidate != name)
      continue;
    const bool used = std::any_of(current.begin(), current.end(), [&](const auto& objective) {
      return objective.name == info.name;
    });
    if (used)
      continue;
    addRow(engine::ObjectiveConfig{ info.name, 1.0, info.defaultTransform });
    m_table->setCurrentCell(m_table->rowCount() - 1, kName);
    Q_EMIT edited();
    return true;
  }
  return false;
}

void
ObjectivesEditor::removeObjective(int row)
{
  if (row < 0 || row >= m_table->rowCount())
    return;
  {
    const QSignalBlocker blocker(m_table);
    m_table->removeRow(row);
    auto* page = m_parameters->widget(row);
    m_parameters->removeWidget(page);
    page->deleteLater();
  }
  if (m_table->currentRow() >= 0)
    m_parameters->setCurrentIndex(m_table->currentRow());
  updatePreview();
  Q_EMIT edited();
}

void
ObjectivesEditor::addRow(const engine::ObjectiveConfig& objective)
{
  const int row = m_table->rowCount();
  m_table->insertRow(row);

  auto* name = new QComboBox(m_table);
  for (const auto& info : m_available) {
    name->addItem(QString::fromStdString(info.name));
    name->setItemData(name->count() - 1, QString::fromStdString(info.description), Qt::ToolTipRole);
  }
  if (name->findText(QString::fromStdString(objective.name)) < 0)
    name->addItem(QString::fromStdString(objective.name));
  name->setCurrentText(QString::fromStdString(objective.name));
  m_table->setCellWidget(row, kName, name);

  auto* weight = numberEdit(m_table, objective.weight);
  weight->setObjectName(QStringLiteral("weight"));
  m_table->setCellWidget(row, kWeight, weight);

  auto* transform = new QComboBox(m_table);
  transform->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  transform->setMinimumContentsLength(8);
  for (const auto& [kind, label] : transformKinds())
    transform->addItem(QCoreApplication::translate("RunSetupPanel", label), int(kind));
  transform->setCurrentIndex(transform->findData(int(objective.transform.kind)));
  m_table->setCellWidget(row, kTransform, transform);

  auto* parameters = new QWidget(m_parameters);
  auto* parametersLayout = new QHBoxLayout(parameters);
  parametersLayout->setContentsMargins(0, 0, 0, 0);
  parametersLayout->addWidget(
    new QLabel(tr("%1:").arg(QString::fromStdString(objective.name)), parameters));
  auto transformCopy = objective.transform;
  for (const char* key : kAllParameters) {
    const QString field = QString::fromLatin1(key);
    auto* label = new QLabel(parameterLabel(field), parameters);
    label->setObjectName(field + QStringLiteral("Label"));
    auto* edit = numberEdit(parameters, parameter(transformCopy, field));
    edit->setObjectName(field);
    parametersLayout->addWidget(label);
    parametersLayout->addWidget(edit);
    connect(edit, &QLineEdit::textEdited, this, [this] {
      updatePreview();
      Q_EMIT edited();
    });
  }
  parametersLayout->addStretch(1);
  m_parameters->insertWidget(row, parameters);

  auto* remove = new QToolButton(m_table);
  remove->setText(QStringLiteral("✕"));
  remove->setToolTip(tr("Remove this objective"));
  m_table->setCellWidget(row, kRemove, remove);
  connect(remove, &QToolButton::clicked, this, [this, remove] {
    for (int r = 0; r < m_table->rowCount(); ++r)
      if (m_table->cellWidget(r, kRemove) == remove)
        removeObjective(r);
  });

  connect(weight, &QLineEdit::textEdited, this, &ObjectivesEditor::edited);
  connect(name, &QComboBox::currentTextChanged, this, [this] {
    updatePreview();
    Q_EMIT edited();
  });
  connect(transform, &QComboBox::currentIndexChanged, this, [this, transform] {
    for (int r = 0; r < m_table->rowCount(); ++r)
      if (m_table->cellWidget(r, kTransform) == transform) {
        showParameters(r);
        m_table->setCurrentCell(r, kTransform);
      }
    updatePreview();
    Q_EMIT edited();
  });
  showParameters(row);
}

void
ObjectivesEditor::showParameters(int row)
{
  const auto shown = parametersOf(Kind(transformBox(row)->currentData().toInt()));
  auto* cell = m_parameters->widget(row);
  for (const char* key : kAllParameters) {
    const QString field = QString::fromLatin1(key);
    const bool visible = shown.contains(field);
    cell->findChild<QLineEdit*>(field)->setVisible(visible);
    cell->findChild<QLabel*>(field + QStringLiteral("Label"))->setVisible(visible);
  }
}

QLineEdit*
ObjectivesEditor::field(int row, const QString& field) const
{
  if (row < 0 || row >= m_table->rowCount())
    return nullptr;
  if (field == QLatin1String("weight"))
    return static_cast<QLineEdit*>(m_table->cellWidget(row, kWeight));
  return m_parameters->widget(row)->findChild<QLineEdit*>(field);
}

QComboBox*
ObjectivesEditor::transformBox(int row) const
{
  return static_cast<QComboBox*>(m_table->cellWidget(row, kTransform));
}

QString
ObjectivesEditor::rowProblem(int row, engine::ObjectiveConfig* parsed) const
{
  engine::ObjectiveConfig objective;
  objective.name =
    static_cast<QComboBox*>(m_table->cellWidget(row, kName))->currentText().toStdString();
  const QString name = QString::fromStdString(objective.name);
  objective.transform.kind = Kind(transformBox(row)->currentData().toInt());
  QString problem;
  auto* weight = field(row, QStringLiteral("weight"));
  const bool weightOk = parseUserNumber(weight->text(), objective.weight) && objective.weight >= 0;
  markInvalid(weight, !weightOk);
  if (!weightOk)
    problem = weight->text().trimmed().isEmpty()
                ? tr("The weight of %1 is empty.").arg(name)
                : tr("The weight of %1 must be a number of at least 0, not “%2”.")
                    .arg(name, weight->text());
  for (const auto& key : parametersOf(objective.transform.kind)) {
    auto* edit = field(row, key);
    const bool ok = parseUserNumber(edit->text(), parameter(objective.transform, key));
    markInvalid(edit, !ok);
    if (!ok && problem.isEmpty())
      problem = tr("The %1 of %2's transform must be a number, not “%3”.")
                  .arg(parameterLabel(key), name, edit->text());
  }
  if (problem.isEmpty()) {
    const auto& t = objective.transform;
    if ((t.kind == Kind::Maximize || t.kind == Kind::Minimize || t.kind == Kind::DoubleSigmoid) &&
        !(t.low < t.high))
      problem = tr("The transform of %1 needs low below high.").arg(name);
    else if (t.kind == Kind::Target && !(t.tolerance > 0))
      problem = tr("The tolerance of %1's target must be above 0.").arg(name);
    else if ((t.kind == Kind::Sigmoid || t.kind == Kind::DoubleSigmoid) && t.scale == 0)
      problem = tr("The scale of %1's sigmoid must not be 0.").arg(name);
  }
  if (parsed)
    *parsed = objective;
  return problem;
}

QString
ObjectivesEditor::problem() const
{
  if (m_table->rowCount() == 0)
    return tr("Add at least one objective.");
  double total = 0.0;
  QStringList names;
  for (int row = 0; row < m_table->rowCount(); ++row) {
    engine::ObjectiveConfig objective;
    if (auto problem = rowProblem(row, &objective); !problem.isEmpty())
      return problem;
    const QString name = QString::fromStdString(objective.name);
    if (names.contains(name))
      return tr("%1 is listed twice.").arg(name);
    names << name;
    total += objective.weight;
  }
  if (total <= 0.0)
    return tr("At least one objective needs a weight above 0.");
  return {};
}

std::vector<engine::ObjectiveConfig>
ObjectivesEditor::objectives() const
{
  std::vector<engine::ObjectiveConfig> list;
  for (int row = 0; row < m_table->rowCount(); ++row) {
    engine::ObjectiveConfig objective;
    rowProblem(row, &objective);
    list.push_back(objective);
  }
  return list;
}

void
ObjectivesEditor::updatePreview()
{
  const int row = std::max(0, m_table->currentRow());
  if (row >= m_table->rowCount()) {
    m_preview->hide();
    return;
  }
  engine::ObjectiveConfig objective;
  const bool valid = rowProblem(row, &objective).isEmpty();
  m_preview->setVisible(valid);
  if (valid)
    m_preview->setTransform(objective.transform, QString::fromStdString(objective.name));
}

} // namespace paretolab::widgets
