#pragma once
// ProbeTrainingDialog: the result of training a few-shot classifier from the analyst's class tags —
// the cross-validated accuracy against the chance level (always answering the most frequent
// class), the photos and folds used, the confusion matrix (true class per row, predicted per
// column) — and "Save as task", which writes the probe as the user's task file (then it is chosen
// like any task: list column, filter, map colouring). Owns its widgets and the trained task.
// Opened with open(). GUI thread.
#include "core/analysis/SceneTask.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace streetlens::ui {

class ProbeTrainingDialog : public QDialog {
  Q_OBJECT
public:
  // `task` must hold a probe. `missing`: tagged photos left out (no embedding of this model).
  // `userDir` empty: the user's tasks folder.
  ProbeTrainingDialog(const SceneTask &task, int missing, QWidget *parent = nullptr, QString userDir = {});

  const SceneTask &task() const { return m_task; }
  QString accuracyText() const;
  // The confusion matrix as shown ([true][predicted] counts).
  std::vector<std::vector<int>> shownConfusion() const;
  bool saveAsTask(QString *error); // what the button does

  // For tests.
  QLineEdit *nameEdit() const { return m_name; }
  QLineEdit *questionEdit() const { return m_question; }
  QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
  void saved(const streetlens::SceneTask &task, const QString &path);

private:
  SceneTask m_task;
  QString m_userDir;
  QLabel *m_accuracy, *m_message;
  QLineEdit *m_name, *m_question;
  QTableWidget *m_confusion;
  QPushButton *m_save;
};

} // namespace streetlens::ui
