#pragma once
// SceneTaskLibrary: where scene tasks and clue sets come from — the built-in ones (resources/tasks
// and resources/clues, embedded as :/tasks and :/clues) and the user's, one JSON file each in the
// settings folder (~/.config/StreetLens/tasks and …/clues). A user file with a built-in's name
// replaces it. Static functions reading files: any thread.
#include "core/analysis/SceneTask.h"

namespace streetlens {

class SceneTaskLibrary {
public:
  enum class Kind { Task, Clue };

  // The user's folder for this kind (created on demand by writers, not here).
  static QString userFolder(Kind kind);
  // Built-in then user entries, sorted by name; files that cannot be read are skipped and named in
  // *problems. `userDir` empty: userFolder(kind).
  static QVector<SceneTask> load(Kind kind, QStringList *problems = nullptr, const QString &userDir = {});
  // A task by name (among load()) or a task file path; "all" is not resolved here. Errors say
  // what exists.
  static std::optional<SceneTask> resolve(const QString &nameOrFile, Kind kind, QString *error,
                                          const QString &userDir = {});
  // Saves a user task as <userFolder>/<name>.json (the editor's and import's target).
  static bool saveUserTask(const SceneTask &task, Kind kind, QString *savedPath, QString *error,
                           const QString &userDir = {});
  // Removes a user task file; built-in tasks cannot be removed.
  static bool removeUserTask(const QString &name, Kind kind, QString *error, const QString &userDir = {});
};

} // namespace streetlens
