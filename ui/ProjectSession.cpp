#include "ui/ProjectSession.h"

#include "ui/AnalysisController.h"
#include "ui/UntitledWork.h"

#include <QDir>
#include <QFileInfo>

namespace streetlens::ui {

ProjectSession::ProjectSession(AnalysisController *analysis, QObject *parent)
    : QObject(parent), m_analysis(analysis) {
  connect(m_analysis, &AnalysisController::projectOpened, this, &ProjectSession::onWorkerOpened);
}

std::unique_ptr<QLockFile> ProjectSession::lockFor(const QString &path, QString *error) {
  auto lock = std::make_unique<QLockFile>(QFileInfo(path).absoluteFilePath() + QStringLiteral(".lock"));
  lock->setStaleLockTime(0); // stale only when its process is gone (a crash), never by age
  if (lock->tryLock(0))
    return lock;
  if (error) {
    qint64 pid = 0;
    QString host, app;
    lock->getLockInfo(&pid, &host, &app);
    *error = lock->error() == QLockFile::LockFailedError
                 ? tr("%1 is open in another StreetLens window (process %2 on %3). Close it there first: two "
                      "windows on one project would overwrite each other's work.")
                       .arg(QDir::toNativeSeparators(path))
                       .arg(pid)
                       .arg(host)
                 : tr("%1 cannot be locked for this window (no lock file can be written next to it).")
                       .arg(QDir::toNativeSeparators(path));
  }
  return nullptr;
}

bool ProjectSession::openReader(const QString &path, QString *error) {
  auto store = store::ProjectStore::open(path, error);
  if (!store)
    return false;
  m_store = std::move(store);
  m_path = m_store->path();
  return true;
}

void ProjectSession::createUntitled(const QString &path) {
  m_store.reset();
  m_path = QFileInfo(path).absoluteFilePath();
  m_lock = lockFor(m_path, nullptr); // a new name: only a recovery elsewhere could race for it
  m_untitled = true;
  m_pending = Pending::New;
  m_analysis->openProject(m_path);
}

std::optional<std::vector<store::StoredImage>> ProjectSession::open(const QString &path, QString *error,
                                                                    bool asUntitled) {
  const bool same = QFileInfo(path).absoluteFilePath() == QFileInfo(m_path).absoluteFilePath();
  std::unique_ptr<QLockFile> lock; // the project shown keeps its lock until another one is open
  if (!same) {
    lock = lockFor(path, error);
    if (!lock)
      return std::nullopt;
  }
  auto store = store::ProjectStore::open(path, error);
  if (!store)
    return std::nullopt;
  auto rows = store->loadAll(error);
  if (!rows)
    return std::nullopt;
  if (m_untitled && m_store && m_store->imageCount() == 0 && m_store->path() != store->path())
    m_emptyLeftBehind = m_store->path();
  m_store = std::move(store);
  m_path = m_store->path();
  m_untitled = asUntitled;
  if (!same)
    m_lock = std::move(lock);
  m_pending = Pending::Open;
  m_analysis->openProject(m_path);
  return rows;
}

void ProjectSession::saveAs(const QString &path) {
  QString err;
  const bool same = QFileInfo(path).absoluteFilePath() == QFileInfo(m_path).absoluteFilePath();
  m_saveAsLock = same ? nullptr : lockFor(path, &err); // its own file: the worker answers
  if (!same && !m_saveAsLock) {
    Q_EMIT failed(true, err);
    return;
  }
  m_pending = Pending::SaveAs;
  m_savedFromUntitled = m_untitled ? m_path : QString();
  m_analysis->saveProjectAs(QFileInfo(path).absoluteFilePath());
}

void ProjectSession::onWorkerOpened(const QString &path, const QString &error) {
  const Pending op = std::exchange(m_pending, Pending::None);
  if (op == Pending::New) { // the worker created the new project: open the read connection
    QString err = error;
    if (!err.isEmpty() || !openReader(path, &err)) {
      m_store.reset();
      m_path.clear();
      Q_EMIT untitledFailed(err);
    }
    return;
  }
  if (!error.isEmpty()) {
    m_saveAsLock.reset();
    Q_EMIT failed(op == Pending::SaveAs, error);
    return;
  }
  if (op == Pending::SaveAs) {
    QString err;
    if (!openReader(path, &err)) {
      m_saveAsLock.reset();
      Q_EMIT failed(true, err);
      return;
    }
    if (m_saveAsLock)
      m_lock = std::move(m_saveAsLock);
    m_untitled = false;
    Q_EMIT savedAs(m_path, std::exchange(m_savedFromUntitled, {}));
  }
  if (op == Pending::Open && !m_emptyLeftBehind.isEmpty()) // both connections have left it
    UntitledWork::removeProjectFiles(std::exchange(m_emptyLeftBehind, {}));
  if (op != Pending::None)
    Q_EMIT opened(m_path);
}

} // namespace streetlens::ui
