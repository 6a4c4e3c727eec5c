// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsetuppanel.h"

#include "objectiveseditor.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace paretolab::widgets {

namespace {

/// Reads a whole number; false when the text is not one.
bool
parseInteger(const QString& text, int64_t& value)
{
  bool ok = false;
  const qlonglong parsed = text.trimmed().toLongLong(&ok);
  if (ok)
    value = parsed;
  return ok;
}

} // namespace

struct RunSetupPanel::Parsed
{
  QString method = QStringLiteral("iterativers");
  int64_t mergePeriod = 4; ///< 0: T
  int64_t subsetSize = 0;  ///< 0: all
  int64_t totalSteps = 1;
  double learningRate = 1e-4;
  int64_t batchSize = 64;
  double klBeta = 0.05;
  int64_t seed = 1;
};

RunSetupPanel::RunSetupPanel(QWidget* parent)
  : QWidget(parent)
{
  auto* layout = new QVBoxLayout(this);

  auto* taskBox = new QGroupBox(tr("Task"), this);
  auto* taskForm = new QFormLayout(taskBox);
  taskForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
  m_bundled = new QComboBox(taskBox);
  m_bundled->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_bundled->setMinimumContentsLength(12);
  m_bundled->setToolTip(tr("Tasks that come with ParetoLab; open your own with the … button."));
  connect(m_bundled, &QComboBox::activated, this, [this](int index) {
    Q_EMIT bundledTaskChosen(m_bundled->itemData(index).toString());
  });
  taskForm->addRow(tr("&Bundled task:"), m_bundled);
  auto* fileRow = new QHBoxLayout;
  m_taskFile = new QLineEdit(taskBox);
  m_taskFile->setReadOnly(true);
  m_taskFile->setPlaceholderText(tr("Task file (.json)"));
  auto* browse = new QToolButton(taskBox);
  browse->setText(QStringLiteral("…"));
  browse->setToolTip(tr("Open a task file"));
  connect(browse, &QToolButton::clicked, this, &RunSetupPanel::chooseTaskFile);
  fileRow->addWidget(m_taskFile);
  fileRow->addWidget(browse);
  taskForm->addRow(tr("Task file:"), fileRow);
  m_domain = new QLabel(taskBox);
  taskForm->addRow(tr("Domain:"), m_domain);
  auto* priorRow = new QHBoxLayout;
  m_prior = new QLabel(taskBox);
  m_prior->setWordWrap(true);
  m_prior->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_priorFile = new QToolButton(taskBox);
  m_priorFile->setText(tr("Train on a &file…"));
  m_priorFile->setToolTip(tr("Pretrain a prior on your own sequences (one per line, or any of "
                             "the domain's formats) with this task's model, and use it"));
  connect(m_priorFile, &QToolButton::clicked, this, &RunSetupPanel::choosePriorCorpus);
  priorRow->addWidget(m_prior, 1);
  priorRow->addWidget(m_priorFile, 0, Qt::AlignTop);
  taskForm->addRow(tr("Prior:"), priorRow);
  layout->addWidget(taskBox);

  auto* objectivesBox = new QGroupBox(tr("Objectives"), this);
  auto* objectivesLayout = new QVBoxLayout(objectivesBox);
  m_objectives = new ObjectivesEditor(objectivesBox);
  objectivesLayout->addWidget(m_objectives);
  connect(m_objectives, &ObjectivesEditor::edited, this, &RunSetupPanel::revalidate);
  layout->addWidget(objectivesBox);

  auto* trainingBox = new QGroupBox(tr("Method"), this);
  auto* form = new QFormLayout(trainingBox);
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  m_method = new QComboBox(trainingBox);
  m_method->setObjectName(QStringLiteral("method"));
  m_method->addItem(tr("IterativeRS"), QStringLiteral("iterativers"));
  m_method->addItem(tr("MORLHF"), QStringLiteral("morlhf"));
  m_method->addItem(tr("Rewarded Soups"), QStringLiteral("rs"));
  m_method->addItem(tr("CLP"), QStringLiteral("clp"));
  m_method->addItem(tr("RiC"), QStringLiteral("ric"));
  m_method->setItemData(
    0, tr("One expert per objective, merged every m steps (Ghari et al. 2025)."), Qt::ToolTipRole);
  m_method->setItemData(
    1, tr("One policy trained on the weighted sum of the rewards."), Qt::ToolTipRole);
  m_method->setItemData(2,
                        tr("Experts trained apart and merged once, at the end (Ramé et al. 2023)."),
                        Qt::ToolTipRole);
  m_method->setItemData(3,
                        tr("Conditional Language Policy (Wang et al. 2024): one policy whose "
                           "parameters are a weighted sum, trained for random weights."),
                        Qt::ToolTipRole);
  form->addRow(tr("M&ethod:"), m_method);
  m_methodNote = new QLabel(trainingBox);
  m_methodNote->setWordWrap(true);
  form->addRow(m_methodNote);
  connect(m_method, &QComboBox::activated, this, [this] {
    methodChanged();
    revalidate();
  });
  auto addField =
    [&](QLineEdit*& edit, const QString& name, const QString& label, const QString& tip) {
      edit = new QLineEdit(trainingBox);
      edit->setObjectName(name);
      edit->setToolTip(tip);
      form->addRow(label, edit);
      connect(edit, &QLineEdit::textEdited, this, &RunSetupPanel::revalidate);
    };
  addField(m_mergePeriod,
           QStringLiteral("m"),
           tr("Merge period &m:"),
           tr("The experts are merged every m steps and all restart from the merge. "
              "m = 1 is IterativeRS's MORLHF limit; T merges once at the end "
              "(Rewarded Soups); the paper finds an intermediate m best."));
  m_mergePeriod->setPlaceholderText(tr("a number of steps, or T"));
  addField(m_subsetSize,
           QStringLiteral("M"),
           tr("Experts per round &M:"),
           tr("M of the N experts, drawn at random after each merge, train in the next "
              "round; “all” for every expert."));
  addField(m_totalSteps,
           QStringLiteral("T"),
           tr("Steps &T:"),
           tr("Total training steps; one step is one rollout batch and one policy update "
              "for each training expert."));
  addField(m_learningRate,
           QStringLiteral("learning_rate"),
           tr("&Learning rate:"),
           tr("Adam's step size, above 0."));
  addField(m_batchSize,
           QStringLiteral("batch"),
           tr("&Batch size:"),
           tr("Sequences per rollout batch, at least 2."));
  addField(m_klBeta,
           QStringLiteral("beta"),
           tr("KL &β:"),
           tr("β: weight of the per-token KL penalty that keeps each expert close "
              "to the prior. Larger keeps more diversity, smaller chases reward."));
  addField(m_seed, QStringLiteral("seed"), tr("&Seed:"), tr("The same seed gives the same run."));
  layout->addWidget(trainingBox);
  methodChanged();

  m_message = new QLabel(this);
  m_message->setWordWrap(true);
  m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
  m_message->hide();
  layout->addWidget(m_message);
  layout->addStretch(1);
  setRunning(false);
}

void
RunSetupPanel::setBundledTasks(const QVector<QPair<QString, QString>>& tasks)
{
  const QSignalBlocker blocker(m_bundled);
  m_bundled->clear();
  for (const auto& [name, title] : tasks)
    m_bundled->addItem(title, name);
}

void
RunSetupPanel::setPriorDescription(const QString& line, const QString& details)
{
  m_prior->setText(line);
  m_prior->setToolTip(details);
}

QString
RunSetupPanel::priorDescription() const
{
  return m_prior->text();
}

QString
RunSetupPanel::priorDetails() const
{
  return m_prior->toolTip();
}

void
RunSetupPanel::usePrior(const QString& path)
{
  m_task.priorPath = path.toStdString();
}

void
RunSetupPanel::setCorpusFileFilter(const QString& filter)
{
  m_corpusFilter = filter;
}

void
RunSetupPanel::setSource(const QString& source)
{
  m_taskFile->setText(source);
}

QString
RunSetupPanel::source() const
{
  return m_taskFile->text();
}

QLineEdit*
RunSetupPanel::field(const QString& name) const
{
  for (auto* edit :
       { m_mergePeriod, m_subsetSize, m_totalSteps, m_learningRate, m_batchSize, m_klBeta, m_seed })
    if (edit->objectName() == name)
      return edit;
  return nullptr;
}

void
RunSetupPanel::setTask(const engine::TaskConfig& task,
                       const QString& source,
                       const std::vector<engine::ObjectiveInfo>& available)
{
  m_task = task;
  m_hasTask = true;
  m_taskFile->setText(source);
  m_domain->setText(QString::fromStdString(task.domain));
  const int bundled = m_bundled->findData(source);
  if (bundled >= 0)
    m_bundled->setCurrentIndex(bundled);
  m_objectives->setAvailable(available);
  m_objectives->setObjectives(task.objectives);
  const int method = m_method->findData(QString::fromStdString(task.method));
  m_method->setCurrentIndex(std::max(0, method));
  const auto& training = task.training;
  m_mergePeriod->setText(training.mergePeriod == 0 ? QStringLiteral("T")
                                                   : QString::number(training.mergePeriod));
  m_subsetSize->setText(training.subsetSize == 0 ? tr("all")
                                                 : QString::number(training.subsetSize));
  m_totalSteps->setText(QString::number(training.totalSteps));
  m_learningRate->setText(QString::number(training.ppo.learningRate, 'g', 10));
  m_batchSize->setText(QString::number(training.ppo.batchSize));
  m_klBeta->setText(QString::number(training.ppo.klBeta, 'g', 10));
  m_seed->setText(QString::number(training.seed));
  methodChanged();
  revalidate();
}

void
RunSetupPanel::methodChanged()
{
  const QString method = m_method->currentData().toString();
  const bool rs = method == QLatin1String("rs");
  const bool onePolicy = method == QLatin1String("morlhf") || method == QLatin1String("clp") ||
                         method == QLatin1String("ric");
  if (rs)
    m_mergePeriod->setText(QStringLiteral("T"));
  if (onePolicy)
    m_subsetSize->setText(tr("all"));
  m_mergePeriod->setEnabled(!rs && !m_running);
  m_subsetSize->setEnabled(!rs && !onePolicy && !m_running);
  if (method == QLatin1String("morlhf"))
    m_methodNote->setText(tr("One policy on Σ λᵢ Rᵢ: m sets how often it is evaluated; the "
                             "sliders cannot steer it."));
  else if (method == QLatin1String("clp"))
    m_methodNote->setText(tr("One steerable policy θ(w) = Σ wᵢ θᵢ, trained for w drawn at random "
                             "each step: m sets how often it is evaluated."));
  else if (method == QLatin1String("ric"))
    m_methodNote->setText(tr("One model fine-tuned on the rewards written in its prompt: half of "
                             "T on the corpus, then online rounds of m steps; the sliders "
                             "choose the rewards it is asked for."));
  else if (rs)
    m_methodNote->setText(tr("The experts train apart and merge once, at the end (m = T)."));
  else
    m_methodNote->setText(tr("The experts merge every m steps; m = T is Rewarded Soups."));
}

QString
RunSetupPanel::parse(Parsed& parsed) const
{
  QString problem;
  const auto check = [&](QLineEdit* edit, bool ok, const QString& message) {
    markInvalid(edit, !ok);
    if (!ok && problem.isEmpty())
      problem = message;
  };
  const auto typed = [](QLineEdit* edit) { return edit->text().trimmed(); };

  parsed.method = m_method->currentData().toString();
  const QString m = typed(m_mergePeriod);
  const bool periodIsT = m.compare(QLatin1String("T"), Qt::CaseInsensitive) == 0;
  int64_t period = 0;
  check(m_mergePeriod,
        periodIsT || (parseInteger(m, period) && period >= 1),
        tr("The merge period m must be a whole number of steps of at least 1, or T for one "
           "merge at the end; “%1” is neither.")
          .arg(m));
  parsed.mergePeriod = periodIsT ? 0 : period;

  const QString M = typed(m_subsetSize);
  const bool all = M.isEmpty() || M == tr("all") || M == QLatin1String("all");
  int64_t subset = 0;
  const auto objectives = int64_t(m_objectives->rowCount());
  check(m_subsetSize,
        all || (parseInteger(M, subset) && subset >= 1 && subset <= objectives),
        tr("Experts per round M must be from 1 to %1, or “all”; not “%2”.").arg(objectives).arg(M));
  parsed.subsetSize = all ? 0 : subset;

  check(m_totalSteps,
        parseInteger(typed(m_totalSteps), parsed.totalSteps) && parsed.totalSteps >= 1,
        tr("Steps T must be a whole number of at least 1, not “%1”.").arg(typed(m_totalSteps)));
  check(m_learningRate,
        parseUserNumber(typed(m_learningRate), parsed.learningRate) && parsed.learningRate > 0 &&
          parsed.learningRate <= 10,
        tr("The learning rate must be a number above 0 and at most 10, not “%1”.")
          .arg(typed(m_learningRate)));
  check(
    m_batchSize,
    parseInteger(typed(m_batchSize), parsed.batchSize) && parsed.batchSize >= 2,
    tr("The batch size must be a whole number of at least 2, not “%1”.").arg(typed(m_batchSize)));
  check(m_klBeta,
        parseUserNumber(typed(m_klBeta), parsed.klBeta) && parsed.klBeta >= 0 &&
          parsed.klBeta <= 100,
        tr("KL β must be a number from 0 to 100, not “%1”.").arg(typed(m_klBeta)));
  check(m_seed,
        parseInteger(typed(m_seed), parsed.seed) && parsed.seed >= 0,
        tr("The seed must be a whole number of at least 0, not “%1”.").arg(typed(m_seed)));
  if (problem.isEmpty() && parsed.mergePeriod > parsed.totalSteps)
    problem = tr("The merge period m (%1) is longer than the run (T = %2): choose T for one merge "
                 "at the end.")
                .arg(parsed.mergePeriod)
                .arg(parsed.totalSteps);
  return problem;
}

engine::TaskConfig
RunSetupPanel::task() const
{
  auto task = m_task;
  Parsed parsed;
  parse(parsed);
  task.method = parsed.method.toStdString();
  task.training.method = parsed.method == QLatin1String("morlhf") ? engine::Method::Morlhf
                         : parsed.method == QLatin1String("clp")  ? engine::Method::Clp
                         : parsed.method == QLatin1String("ric")  ? engine::Method::Ric
                                                                  : engine::Method::IterativeRS;
  task.objectives = m_objectives->objectives();
  task.training.mergePeriod = parsed.mergePeriod;
  task.training.subsetSize = parsed.subsetSize;
  task.training.totalSteps = parsed.totalSteps;
  task.training.ppo.learningRate = parsed.learningRate;
  task.training.ppo.batchSize = parsed.batchSize;
  task.training.ppo.minibatches =
    std::min<int64_t>(task.training.ppo.minibatches, parsed.batchSize);
  task.training.ppo.samplesPerPrompt =
    std::min<int64_t>(task.training.ppo.samplesPerPrompt, parsed.batchSize);
  task.training.ppo.klBeta = parsed.klBeta;
  task.training.seed = uint64_t(parsed.seed);
  // The source is what a run database stores and a resume reads back: it must
  // say what runs, edits included.
  auto& source = task.source;
  source["method"] = task.method;
  source["objectives"] = nlohmann::json::array();
  for (const auto& objective : task.objectives)
    source["objectives"].push_back({ { "name", objective.name },
                                     { "weight", objective.weight },
                                     { "transform", objective.transform.toJson() } });
  auto& training = source["training"];
  if (task.training.mergePeriod == 0)
    training["merge_period"] = "T";
  else
    training["merge_period"] = task.training.mergePeriod;
  training["subset_size"] = task.training.subsetSize;
  training["total_steps"] = task.training.totalSteps;
  training["seed"] = task.training.seed;
  training["ppo"]["learning_rate"] = task.training.ppo.learningRate;
  training["ppo"]["batch_size"] = task.training.ppo.batchSize;
  training["ppo"]["minibatches"] = task.training.ppo.minibatches;
  training["ppo"]["samples_per_prompt"] = task.training.ppo.samplesPerPrompt;
  training["ppo"]["kl_beta"] = task.training.ppo.klBeta;
  return task;
}

QString
RunSetupPanel::validationMessage() const
{
  if (!m_hasTask)
    return tr("Choose a task.");
  if (auto problem = m_objectives->problem(); !problem.isEmpty())
    return problem;
  Parsed parsed;
  return parse(parsed);
}

void
RunSetupPanel::revalidate()
{
  const QString message = validationMessage();
  m_message->setText(message);
  m_message->setVisible(!message.isEmpty() && m_hasTask);
  Q_EMIT edited();
}

void
RunSetupPanel::setTotalSteps(int steps)
{
  m_totalSteps->setText(QString::number(steps));
  revalidate();
}

void
RunSetupPanel::setRunning(bool running)
{
  for (auto* editor : std::initializer_list<QWidget*>{ m_objectives,
                                                       m_mergePeriod,
                                                       m_subsetSize,
                                                       m_totalSteps,
                                                       m_learningRate,
                                                       m_batchSize,
                                                       m_klBeta,
                                                       m_seed,
                                                       m_bundled,
                                                       m_priorFile,
                                                       m_method })
    editor->setEnabled(!running);
  m_running = running;
  methodChanged(); // m and M stay disabled where the method does not read them
}

void
RunSetupPanel::chooseTaskFile()
{
  const QString path = QFileDialog::getOpenFileName(
    this, tr("Open task"), m_taskFile->text(), tr("Task files (*.json)"));
  if (!path.isEmpty())
    Q_EMIT taskFileChosen(path);
}

void
RunSetupPanel::choosePriorCorpus()
{
  const QString path =
    QFileDialog::getOpenFileName(this, tr("Pretrain a prior on a file"), QString(), m_corpusFilter);
  if (!path.isEmpty())
    Q_EMIT priorCorpusChosen(path);
}

} // namespace paretolab::widgets
