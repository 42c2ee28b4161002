#pragma once
// TaskEditorDialog: writes one zero-shot scene task (name, question, labels, prompt templates) as
// the user's task file. What is typed is checked with the task-file rules (sceneTaskFromJson: a
// name, at least two labels, every template holding "{}") and the problem is shown in the dialog;
// Save writes <user tasks folder>/<name>.json (SceneTaskLibrary::saveUserTask). Owns its form
// widgets. Opened with open() (no nested event loop). GUI thread.
#include "core/analysis/SceneTask.h"

#include <QDialog>
#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace streetlens::ui {

class TaskEditorDialog : public QDialog {
  Q_OBJECT
public:
  // `task` empty: a new task; otherwise its fields are filled in (a built-in one is saved as a
  // user task of the same name, which then replaces it). `userDir` empty: the user's folder.
  explicit TaskEditorDialog(const std::optional<SceneTask> &task, QWidget *parent = nullptr,
                            QString userDir = {});

  // The task as typed, or nullopt with *error naming the problem.
  std::optional<SceneTask> task(QString *error) const;
  // The problem shown now ("" when the task is valid).
  QString errorText() const;
  QString savedPath() const { return m_savedPath; }

  // For tests.
  QLineEdit *nameEdit() const { return m_name; }
  QLineEdit *questionEdit() const { return m_question; }
  QPlainTextEdit *labelsEdit() const { return m_labels; }
  QPlainTextEdit *templatesEdit() const { return m_templates; }
  QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
  void saved(const streetlens::SceneTask &task, const QString &path);

private:
  void validate();
  void save();

  QString m_userDir, m_savedPath;
  QLineEdit *m_name, *m_question;
  QPlainTextEdit *m_labels, *m_templates;
  QLabel *m_error;
  QPushButton *m_save;
};

} // namespace streetlens::ui
