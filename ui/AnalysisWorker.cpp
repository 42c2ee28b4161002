#include "ui/AnalysisWorker.h"

#include "core/analysis/GeoAnalyzer.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/imageio/ImageLoader.h"
#include "core/store/ProjectStore.h"

#include <QDir>
#include <QFileInfo>

namespace streetlens::ui {

AnalysisWorker::AnalysisWorker(EngineFactory factory, QString gazetteerPath, QString cacheDir,
                               std::shared_ptr<std::atomic<quint64>> skipBelow)
    : m_factory(std::move(factory)), m_gazetteerPath(std::move(gazetteerPath)),
      m_cacheDir(std::move(cacheDir)), m_skipBelow(std::move(skipBelow)) {}

AnalysisWorker::~AnalysisWorker() = default;

void AnalysisWorker::start() {
  QString err;
  m_gaz = gazetteer::Gazetteer::load(m_gazetteerPath, &err);
  if (!m_gaz) {
    Q_EMIT engineFailed(tr("The built-in gazetteer could not be loaded: %1").arg(err));
    return;
  }
  Q_EMIT gazetteerLoaded(m_gaz);
}

void AnalysisWorker::loadEngine(const EngineRequest &request) {
  m_ready = false;
  m_analyzer.reset();
  m_engine = {};
  m_request = request;
  if (!m_factory) {
    Q_EMIT engineFailed(tr("This build of StreetLens has no inference engine."));
    return;
  }
  if (request.modelDir.isEmpty()) {
    Q_EMIT engineFailed(tr("No model folder is set."));
    return;
  }
  m_engine = m_factory(request);
  if (!m_engine.engine) {
    const QString why = m_engine.error.isEmpty() ? tr("unknown error") : m_engine.error;
    m_engine = {};
    Q_EMIT engineFailed(why);
    return;
  }
  rebuildAnalyzer();
}

void AnalysisWorker::setAnalysisSettings(const AnalysisSettings &settings) {
  m_settings = settings;
  if (m_engine.engine)
    rebuildAnalyzer();
}

void AnalysisWorker::rebuildAnalyzer() {
  m_ready = false;
  m_analyzer.reset();
  if (!m_gaz) {
    Q_EMIT engineFailed(tr("The built-in gazetteer is not loaded."));
    return;
  }
  auto analyzer = std::make_unique<GeoAnalyzer>(*m_engine.engine, m_gaz, m_settings, m_cacheDir);
  QString err;
  const bool ok = analyzer->prepare(
      [this](int done, int total, const QString &what) {
        Q_EMIT preparing(done, total, what);
        return !m_shutdown;
      },
      &err);
  if (!ok) {
    Q_EMIT engineFailed(tr("Preparing the place labels failed: %1").arg(err));
    return;
  }
  m_analyzer = std::move(analyzer);
  m_ready = true;
  Q_EMIT engineReady(m_engine.engine->info(), m_analyzer->settingsKey());
  scheduleNext();
}

void AnalysisWorker::openProject(const QString &path) {
  m_store.reset();
  QString err;
  m_store = store::ProjectStore::open(path, &err);
  Q_EMIT projectOpened(path, m_store ? QString() : err);
}

void AnalysisWorker::saveProjectAs(const QString &target) {
  QString err;
  if (!m_store) {
    Q_EMIT projectOpened(target, tr("No project is open."));
    return;
  }
  if (QFileInfo::exists(target) && !QFile::remove(target)) {
    Q_EMIT projectOpened(target, tr("%1 cannot be replaced.").arg(QDir::toNativeSeparators(target)));
    return;
  }
  if (!m_store->saveCopyAs(target, &err)) {
    Q_EMIT projectOpened(target, err);
    return;
  }
  openProject(target);
}

void AnalysisWorker::submit(const AnalysisJob &job) {
  m_queue.push_back(job);
  scheduleNext();
}

void AnalysisWorker::shutdown() {
  m_shutdown = true;
  m_queue.clear();
  m_analyzer.reset();
  m_engine = {};
  m_store.reset();
}

void AnalysisWorker::scheduleNext() {
  if (m_scheduled || m_queue.empty() || !m_ready || m_shutdown)
    return;
  m_scheduled = true;
  QMetaObject::invokeMethod(this, &AnalysisWorker::processNext, Qt::QueuedConnection);
}

bool AnalysisWorker::saveResult(ImageResult &r) {
  if (!m_store)
    return true; // no project: results live in the window only
  QString err;
  if (m_store->saveResult(r, &err))
    return true;
  r.status = ImageStatus::Failed;
  r.error = tr("The result could not be saved: %1").arg(err);
  Q_EMIT notice(r.error);
  return false;
}

void AnalysisWorker::processNext() {
  m_scheduled = false;
  if (!m_ready || m_shutdown)
    return;
  const int batch = qMax(1, m_request.batchSize);
  std::vector<AnalysisJob> jobs;
  while (!m_queue.empty() && int(jobs.size()) < batch) {
    AnalysisJob job = std::move(m_queue.front());
    m_queue.pop_front();
    if (job.requestId < m_skipBelow->load()) {
      Q_EMIT jobSkipped(job.requestId, job.sha256);
      continue;
    }
    jobs.push_back(std::move(job));
  }
  std::vector<LoadedImage> loaded;
  QStringList paths;
  std::vector<size_t> loadedIndex; // job index of each loaded image
  std::vector<ImageResult> results(jobs.size());
  for (size_t i = 0; i < jobs.size(); ++i) {
    Q_EMIT imageStarted(jobs[i].requestId, jobs[i].sha256);
    QString err;
    auto img = loadImage(jobs[i].path, ImageLimits{}, &err);
    if (!img) {
      results[i].status = ImageStatus::Failed;
      results[i].error = err;
    } else if (!jobs[i].sha256.isEmpty() && QString::fromLatin1(img->sha256Hex) != jobs[i].sha256) {
      results[i].status = ImageStatus::Failed;
      results[i].error = tr("%1: the file changed since it was added; add it again.").arg(jobs[i].path);
    } else {
      loadedIndex.push_back(i);
      paths << jobs[i].path;
      loaded.push_back(std::move(*img));
    }
  }
  if (!loaded.empty()) {
    std::vector<ImageResult> scored = m_analyzer->analyzeLoaded(loaded, paths);
    for (size_t k = 0; k < scored.size(); ++k)
      results[loadedIndex[k]] = std::move(scored[k]);
  }
  for (size_t i = 0; i < jobs.size(); ++i) {
    ImageResult &r = results[i];
    r.path = jobs[i].path;
    if (r.sha256.isEmpty())
      r.sha256 = jobs[i].sha256;
    if (!r.analyzedAt.isValid())
      r.analyzedAt = QDateTime::currentDateTimeUtc();
    saveResult(r); // committed before it is reported
    Q_EMIT imageFinished(jobs[i].requestId, r);
  }
  if (m_engine.takeNotices)
    for (const QString &n : m_engine.takeNotices())
      Q_EMIT notice(n);
  scheduleNext();
}

} // namespace streetlens::ui
