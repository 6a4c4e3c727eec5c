// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;

namespace paretolab::widgets {

class WeightSliders;

/// The Weights dock: the λ sliders, whose round's experts they merge, a
/// button for the sweep action, the spread the sliders reach, and one line
/// saying what the last re-merge or sweep did. GUI thread only.
class WeightsPanel : public QWidget
{
  Q_OBJECT

public:
  explicit WeightsPanel(QWidget* parent = nullptr);

  WeightSliders* sliders() const { return m_sliders; }
  QLabel* info() const { return m_info; }
  /// The button triggers `sweep` and follows its text and enabled state.
  void setSweepAction(QAction* sweep);

  /// The stored rounds whose experts can be merged, newest last: (round, checkpoint).
  /// The first entry is always "the latest round".
  void setRounds(const QVector<QPair<qint64, QString>>& rounds);
  /// The round chosen; -1 for the latest.
  qint64 chosenRound() const;
  QComboBox* roundBox() const { return m_rounds; }
  /// The round chooser's label, e.g. "&Experts of:", with its mnemonic.
  void setRoundsLabel(const QString& text);
  /// Says how far the sliders move the policy, e.g. "ones 0.61–0.70".
  void setReach(const QString& text);
  QString reach() const;

Q_SIGNALS:
  /// The user chose the experts of `round` (-1: the latest), saved in `checkpoint`.
  void roundChosen(qint64 round, const QString& checkpoint);

private:
  QComboBox* m_rounds = nullptr;
  QLabel* m_roundsLabel = nullptr;
  QLabel* m_reach = nullptr;
  WeightSliders* m_sliders = nullptr;
  QPushButton* m_sweep = nullptr;
  QLabel* m_info = nullptr;
};

} // namespace paretolab::widgets
