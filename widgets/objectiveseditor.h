// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain.h"
#include "train/trainoptions.h"

#include <QString>
#include <QWidget>

#include <vector>

class QComboBox;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace paretolab::widgets {

class TransformPreview;

/// The objectives of a run: which of the domain's objectives, each one's
/// weight, its transform and the transform's parameters (low/high,
/// target/tolerance, centre/scale), with a plot of the selected one's
/// transform. Objectives can be added and removed. Nothing typed is changed
/// silently: a value that is not valid is named by problem(). GUI thread only.
class ObjectivesEditor : public QWidget
{
  Q_OBJECT

public:
  explicit ObjectivesEditor(QWidget* parent = nullptr);

  /// The objectives the domain offers, for the name boxes and Add.
  void setAvailable(const std::vector<engine::ObjectiveInfo>& available);
  void setObjectives(const std::vector<engine::ObjectiveConfig>& objectives);
  /// The objectives as edited; meaningful when problem() is empty.
  std::vector<engine::ObjectiveConfig> objectives() const;
  /// What is wrong, in a sentence; empty when every field is valid.
  QString problem() const;

  int rowCount() const;
  /// Adds `name`, or the first objective not yet in the table; false when there is none.
  bool addObjective(const QString& name = {});
  void removeObjective(int row);
  /// The line edit of `field` ("weight", "low", "high", "target", "tolerance",
  /// "center", "scale") in `row`, for tests and for focusing a problem.
  QLineEdit* field(int row, const QString& field) const;
  QComboBox* transformBox(int row) const;
  TransformPreview* preview() const { return m_preview; }

Q_SIGNALS:
  void edited();

private:
  struct Row;
  void addRow(const engine::ObjectiveConfig& objective);
  void showParameters(int row);
  void updatePreview();
  QString rowProblem(int row, engine::ObjectiveConfig* parsed) const;

  QTableWidget* m_table = nullptr;
  QStackedWidget* m_parameters = nullptr; ///< one page of parameters per row
  QPushButton* m_add = nullptr;
  TransformPreview* m_preview = nullptr;
  std::vector<engine::ObjectiveInfo> m_available;
};

/// Reads a number as a user types it: "0.5", "0,5", "1e-3"; false when it is not one.
bool
parseUserNumber(const QString& text, double& value);

/// Tints a field that holds a value the run cannot take, or clears the tint.
void
markInvalid(QLineEdit* edit, bool invalid);

} // namespace paretolab::widgets
