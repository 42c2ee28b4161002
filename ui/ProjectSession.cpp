#include "ui/ProjectSession.h"

#include "ui/AnalysisController.h"
#include "ui/UntitledWork.h"

#include <QFileInfo>

namespace streetlens::ui {

ProjectSession::ProjectSession(AnalysisController *analysis, QObject *parent)
    : QObject(parent), m_analysis(analysis) {
  connect(m_analysis, &AnalysisController::projectOpened, this, &ProjectSession::onWorkerOpened);
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
  m_untitled = true;
  m_pending = Pending::New;
  m_analysis->openProject(m_path);
}

std::optional<std::vector<store::StoredImage>> ProjectSession::open(const QString &path, QString *error,
                                                                    bool asUntitled) {
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
  m_pending = Pending::Open;
  m_analysis->openProject(m_path);
  return rows;
}

void ProjectSession::saveAs(const QString &path) {
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
    Q_EMIT failed(op == Pending::SaveAs, error);
    return;
  }
  if (op == Pending::SaveAs) {
    QString err;
    if (!openReader(path, &err)) {
      Q_EMIT failed(true, err);
      return;
    }
    m_untitled = false;
    Q_EMIT savedAs(m_path, std::exchange(m_savedFromUntitled, {}));
  }
  if (op == Pending::Open && !m_emptyLeftBehind.isEmpty()) // both connections have left it
    UntitledWork::removeProjectFiles(std::exchange(m_emptyLeftBehind, {}));
  if (op != Pending::None)
    Q_EMIT opened(m_path);
}

} // namespace streetlens::ui
