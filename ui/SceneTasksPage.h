#pragma once
// SceneTasksPage: the settings page that chooses which scene tasks are answered for every photo
// (a checkable list of the built-in and the user's tasks, SceneTaskLibrary) and whether the clue
// readings are, and manages the user's task files: New / Edit (TaskEditorDialog), Import (a task
// or probe file), Export (save a copy), Delete (user tasks only). Owns its widgets; the caller
// reads checkedTasks() / clueReadings(). GUI thread; dialogs are opened with open().
#include "core/analysis/SceneTask.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace streetlens::ui {

class SceneTasksPage : public QWidget {
  Q_OBJECT
public:
  // `userDir` empty: the user's tasks folder (SceneTaskLibrary::userFolder).
  SceneTasksPage(const QStringList &checked, bool clues, QWidget *parent = nullptr, QString userDir = {});

  QStringList checkedTasks() const; // in list order (by name)
  bool clueReadings() const;
  // Reloads the list from the library, keeping what is checked (and checking `alsoCheck`).
  void reload(const QString &alsoCheck = {});
  // Imports a task or probe file as a user task (false and *error on failure).
  bool importFile(const QString &path, QString *error);
  // The task of the current row (nullopt when none).
  std::optional<SceneTask> currentTask() const;

  // For tests.
  QListWidget *list() const { return m_list; }
  QCheckBox *cluesBox() const { return m_clues; }
  QLabel *messageLabel() const { return m_message; }

private:
  void updateButtons();
  void editTask(bool existing);
  void exportCurrent();
  void deleteCurrent();

  QString m_userDir;
  QVector<SceneTask> m_tasks; // as listed
  QStringList m_initialChecked;
  bool m_loaded = false;
  QListWidget *m_list;
  QCheckBox *m_clues;
  QLabel *m_message;
  QPushButton *m_edit, *m_export, *m_delete;
};

} // namespace streetlens::ui
