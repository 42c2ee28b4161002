#include "ui/AnalysisController.h"

#include "core/gazetteer/Gazetteer.h"
#include "core/library/Gallery.h"

#include <QThread>
#include <limits>

namespace streetlens::ui {

AnalysisController::AnalysisController(EngineFactory factory, QString gazetteerPath, QString cacheDir,
                                       QObject *parent)
    : QObject(parent), m_hasFactory(bool(factory)) {
  qRegisterMetaType<streetlens::ImageResult>();
  qRegisterMetaType<streetlens::EngineInfo>();
  qRegisterMetaType<streetlens::AnalysisItemPtr>();
  qRegisterMetaType<streetlens::ui::ProbeOutcome>();
  qRegisterMetaType<std::shared_ptr<const streetlens::gazetteer::Gazetteer>>();
  qRegisterMetaType<streetlens::ui::ExplanationResultPtr>();
  qRegisterMetaType<QList<float>>();
  m_thread = new QThread(this);
  m_thread->setObjectName(QStringLiteral("StreetLens analysis"));
  m_worker =
      new AnalysisWorker(std::move(factory), std::move(gazetteerPath), std::move(cacheDir), m_skipBelow);
  m_worker->moveToThread(m_thread);
  connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
  connect(m_worker, &AnalysisWorker::gazetteerLoaded, this, [this](auto gaz) {
    m_gaz = gaz;
    Q_EMIT gazetteerLoaded(gaz);
  });
  connect(m_worker, &AnalysisWorker::engineReady, this, [this](const EngineInfo &info, const QString &key) {
    m_engineReady = true;
    m_info = info;
    m_settingsKey = key;
    Q_EMIT engineReady(info);
    pump();
  });
  connect(m_worker, &AnalysisWorker::engineFailed, this, [this](const QString &error) {
    m_engineReady = false;
    Q_EMIT engineFailed(error);
  });
  connect(m_worker, &AnalysisWorker::preparing, this, &AnalysisController::preparing);
  connect(m_worker, &AnalysisWorker::imageStarted, this, &AnalysisController::onStarted);
  connect(m_worker, &AnalysisWorker::imageFinished, this, &AnalysisController::onFinished);
  connect(m_worker, &AnalysisWorker::imageIngested, this, [this](quint64 id, const AnalysisItemPtr &item) {
    m_notIngested.remove(id);
    Q_EMIT imageIngested(item);
  });
  connect(m_worker, &AnalysisWorker::jobSkipped, this, &AnalysisController::onSkipped);
  connect(m_worker, &AnalysisWorker::projectOpened, this, &AnalysisController::projectOpened);
  connect(m_worker, &AnalysisWorker::notice, this, &AnalysisController::notice);
  connect(m_worker, &AnalysisWorker::galleryFailed, this, &AnalysisController::galleryFailed);
  connect(m_worker, &AnalysisWorker::photoEmbedded, this,
          [this](quint64 id, const QString &path, const QList<float> &embedding, const QString &model,
                 const QString &error) {
            if (id != m_embedding)
              return; // superseded
            m_embedding = 0;
            Q_EMIT photoEmbedded(path, embedding, model, error);
          });
  connect(m_worker, &AnalysisWorker::probeTrained, this, &AnalysisController::probeTrained);
  connect(m_worker, &AnalysisWorker::explainProgress, this, [this](quint64 id, int done, int total) {
    if (id == m_explaining)
      Q_EMIT explainProgress(done, total);
  });
  connect(m_worker, &AnalysisWorker::explainFinished, this,
          [this](quint64 id, const ExplanationResultPtr &result, const QString &error) {
            if (id != m_explaining)
              return; // superseded or cancelled earlier: already answered
            m_explaining = 0;
            Q_EMIT explainFinished(result, error);
          });
  m_thread->start();
  QMetaObject::invokeMethod(m_worker, &AnalysisWorker::start, Qt::QueuedConnection);
}

AnalysisController::~AnalysisController() {
  m_skipBelow->store(std::numeric_limits<quint64>::max());
  m_worker->requestStop();
  QMetaObject::invokeMethod(m_worker, &AnalysisWorker::shutdown, Qt::QueuedConnection);
  m_thread->quit();
  m_thread->wait();
}

void AnalysisController::loadEngine(const EngineOptions &options) {
  m_engineReady = false;
  // Four batches at the worker: the one in the engine, the one decoded ahead, and the next two, so
  // the decode-ahead never waits for the refill from this thread. Cancel drops the waiting ones
  // at the worker at once (dropCancelled), so a larger window does not delay it.
  m_window = options.batchSize > 0 ? qMax(4, 4 * options.batchSize) : 32; // auto: up to 8 per batch
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, options] { w->loadEngine(options); }, Qt::QueuedConnection);
}

quint64 AnalysisController::explain(const QString &path, const ExplainRequest &request) {
  cancelExplain();
  const quint64 id = m_nextExplainId++;
  m_explaining = id;
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, id, path, request] { w->explain(id, path, request); }, Qt::QueuedConnection);
  return id;
}

void AnalysisController::cancelExplain() {
  if (!m_explaining)
    return;
  // Atomic, read by the worker between the steps of the call it is in.
  m_worker->explainCancelledUpTo().store(m_explaining);
  m_explaining = 0;
  Q_EMIT explainFinished(nullptr, explainCancelledError());
}

void AnalysisController::removeImage(const QString &sha256) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, sha256] { w->removeImage(sha256); }, Qt::QueuedConnection);
}

void AnalysisController::restoreImages(const std::vector<store::StoredImage> &images) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, images] { w->restoreImages(images); }, Qt::QueuedConnection);
}

void AnalysisController::setAnnotation(const QString &sha256, const Annotation &annotation) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, sha256, annotation] { w->setAnnotation(sha256, annotation); },
      Qt::QueuedConnection);
}

void AnalysisController::storeSites(const std::vector<store::StoredSite> &sites) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, sites] { w->storeSites(sites); }, Qt::QueuedConnection);
}

void AnalysisController::storeConstraint(const GeoConstraint &constraint) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, constraint] { w->storeConstraint(constraint); }, Qt::QueuedConnection);
}

int AnalysisController::ingestingCount() const {
  return int(m_notIngested.size()) + (m_engineReady ? 0 : int(m_pending.size()));
}

void AnalysisController::setAnalysisSettings(const AnalysisSettings &settings) {
  m_engineReady = false;
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, settings] { w->setAnalysisSettings(settings); }, Qt::QueuedConnection);
}

void AnalysisController::setGallery(const QString &file, const library::GalleryOptions &options) {
  if (m_hasFactory && m_engineReady)
    m_engineReady = false; // until the worker answers with the new settings key
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, file, options] { w->setGallery(file, options); }, Qt::QueuedConnection);
}

void AnalysisController::embedPhoto(const QString &path) {
  const quint64 id = m_nextEmbedId++;
  m_embedding = id;
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, id, path] { w->embedPhoto(id, path); }, Qt::QueuedConnection);
}

void AnalysisController::setClassTag(const QString &sha256, const QString &tag) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, sha256, tag] { w->setClassTag(sha256, tag); }, Qt::QueuedConnection);
}

void AnalysisController::trainProbe(const ProbeRequest &request) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, request] { w->trainProbe(request); }, Qt::QueuedConnection);
}

void AnalysisController::openProject(const QString &path) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, path] { w->openProject(path); }, Qt::QueuedConnection);
}

void AnalysisController::saveProjectAs(const QString &target) {
  QMetaObject::invokeMethod(
      m_worker, [w = m_worker, target] { w->saveProjectAs(target); }, Qt::QueuedConnection);
}

void AnalysisController::enqueue(const QString &path, const QString &sha256) {
  if (m_queuedShas.contains(sha256))
    return;
  if (!isBusy()) {
    m_done = 0;
    m_total = 0;
    m_batchClock.start();
  }
  m_queuedShas.insert(sha256);
  m_pending.push_back({m_nextId++, path, sha256});
  ++m_total;
  reportProgress();
  pump();
}

void AnalysisController::pump() {
  // Without an engine every job goes to the worker, whose pipeline ingests it (thumbnail, project
  // row) and keeps it until an engine is ready.
  const qsizetype window = m_engineReady ? m_window : std::numeric_limits<qsizetype>::max();
  while (!m_pending.empty() && m_inFlight.size() < window) {
    AnalysisJob job = std::move(m_pending.front());
    m_pending.pop_front();
    m_inFlight.insert(job.requestId, job);
    m_notIngested.insert(job.requestId);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, job] { w->submit(job); }, Qt::QueuedConnection);
  }
}

void AnalysisController::cancel() {
  m_skipBelow->store(m_nextId);
  const std::deque<AnalysisJob> dropped = std::exchange(m_pending, {});
  for (const AnalysisJob &job : dropped) {
    m_queuedShas.remove(job.sha256);
    --m_total;
    Q_EMIT imageCancelled(job.sha256);
  }
  // Jobs already at the worker but not in its batch in flight are dropped there now.
  QMetaObject::invokeMethod(m_worker, &AnalysisWorker::dropCancelled, Qt::QueuedConnection);
  reportProgress();
  maybeIdle();
}

void AnalysisController::rerun(const QList<std::pair<QString, QString>> &images) {
  cancel();
  m_staleBelow = m_nextId;
  // Jobs still at the worker belong to the old request: forget them so the images queue again.
  for (const AnalysisJob &job : std::as_const(m_inFlight))
    m_queuedShas.remove(job.sha256);
  m_done = 0;
  m_total = 0;
  m_batchClock.start();
  for (const auto &[path, sha] : images)
    enqueue(path, sha);
}

void AnalysisController::onStarted(quint64 id, const QString &sha) {
  if (m_inFlight.contains(id))
    m_started.insert(id);
  if (id < m_staleBelow)
    return;
  Q_EMIT imageStarted(sha);
}

void AnalysisController::onFinished(quint64 id, const AnalysisItemPtr &item) {
  m_notIngested.remove(id);
  m_started.remove(id);
  const ImageResult &r = item->result;
  const auto it = m_inFlight.find(id);
  if (it == m_inFlight.end())
    return;
  const AnalysisJob job = it.value();
  m_inFlight.erase(it);
  if (id < m_staleBelow) { // an earlier run's result: saved, but no longer what the user asked for
    pump();
    maybeIdle();
    return;
  }
  m_queuedShas.remove(job.sha256);
  ++m_done;
  Q_EMIT imageFinished(r);
  reportProgress();
  pump();
  maybeIdle();
}

void AnalysisController::onSkipped(quint64 id, const QString &sha) {
  m_notIngested.remove(id);
  m_started.remove(id);
  const auto it = m_inFlight.find(id);
  if (it == m_inFlight.end())
    return;
  m_inFlight.erase(it);
  if (id >= m_staleBelow) {
    m_queuedShas.remove(sha);
    --m_total;
    Q_EMIT imageCancelled(sha);
    reportProgress();
  }
  pump();
  maybeIdle();
}

void AnalysisController::reportProgress() {
  int eta = -1;
  if (m_done > 0 && m_batchClock.isValid()) {
    const double perImage = double(m_batchClock.elapsed()) / 1000.0 / m_done;
    eta = int(perImage * (m_total - m_done) + 0.5);
  }
  Q_EMIT progress(m_done, m_total, eta);
}

void AnalysisController::maybeIdle() {
  if (!isBusy())
    Q_EMIT idle();
}

} // namespace streetlens::ui
