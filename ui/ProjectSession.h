#pragma once
// ProjectSession: which project the window shows. Owns the GUI thread's read-only connection to
// the project file (rows when a project is opened, the model record for reports), the project's
// path, whether it is untitled, and the new / open / save-as step that waits for the analysis
// worker — whose pipeline is the only writer of the file — to answer. Lives on the GUI thread; it
// asks the AnalysisController to create, open and copy project files and never writes them.
// Shows nothing: the window turns its signals into messages. Holds a lock file next to the project
// (QLockFile, "<project>.lock") while it is open, so that a second StreetLens window or instance
// opening the same project is refused with a warning instead of both writing to it.
#include "core/store/ProjectStore.h"

#include <QLockFile>
#include <QObject>
#include <memory>
#include <optional>
#include <vector>

namespace streetlens::ui {

class AnalysisController;

class ProjectSession : public QObject {
  Q_OBJECT
public:
  explicit ProjectSession(AnalysisController *analysis, QObject *parent = nullptr);

  // A new untitled project at `path`: the worker creates the file, then the read connection opens.
  void createUntitled(const QString &path);
  // Reads the rows of an existing project now (no write), then switches the worker to it.
  // `asUntitled`: a left-over untitled project being recovered (it stays untitled). An empty
  // untitled project that is left for another is deleted once the worker has switched.
  std::optional<std::vector<store::StoredImage>> open(const QString &path, QString *error,
                                                      bool asUntitled = false);
  // The worker copies the project to `path` between two batches and continues in the copy.
  void saveAs(const QString &path);

  // Closes the read connection (before the window deletes an untitled file).
  void closeReader() { m_store.reset(); }
  QString path() const { return m_path; }
  bool isUntitled() const { return m_untitled; }
  const store::ProjectStore *store() const { return m_store.get(); } // null until the file exists

Q_SIGNALS:
  void opened(const QString &path); // the worker has the project open (after open or save-as)
  // Before opened(), after a save-as; `fromUntitled`: the untitled file it was saved from ("" when
  // it had a name), which the window may delete now.
  void savedAs(const QString &path, const QString &fromUntitled);
  // `saving`: the failure is of a save-as (else of opening); the error names the file.
  void failed(bool saving, const QString &error);
  void untitledFailed(const QString &error); // no project file: results are not kept

private:
  enum class Pending { None, New, Open, SaveAs };
  void onWorkerOpened(const QString &path, const QString &error);
  bool openReader(const QString &path, QString *error);
  // A held lock for the project at `path`, or null with *error naming who holds it.
  static std::unique_ptr<QLockFile> lockFor(const QString &path, QString *error);

  AnalysisController *m_analysis;
  std::unique_ptr<store::ProjectStore> m_store;
  QString m_path;
  bool m_untitled = true;
  Pending m_pending = Pending::None;
  std::unique_ptr<QLockFile> m_lock, m_saveAsLock; // of the project open / of a save-as target
  QString m_savedFromUntitled;                     // during a save-as from an untitled project
  QString m_emptyLeftBehind; // an empty untitled project left for another: deleted after the switch
};

} // namespace streetlens::ui
