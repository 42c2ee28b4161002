#include "ui/AnalysisWorker.h"

#include "core/analysis/GeoAnalyzer.h"
#include "core/analysis/LinearProbe.h"
#include "core/analysis/PhotoExplanation.h"
#include "core/gazetteer/Gazetteer.h"
#include "core/imageio/ImageLoader.h"
#include "core/library/Gallery.h"
#include "core/store/ProjectStore.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

namespace streetlens::ui {

AnalysisWorker::AnalysisWorker(EngineFactory factory, QString gazetteerPath, QString cacheDir,
                               std::shared_ptr<std::atomic<quint64>> skipBelow)
    : m_factory(std::move(factory)), m_gazetteerPath(std::move(gazetteerPath)),
      m_cacheDir(std::move(cacheDir)), m_skipBelow(std::move(skipBelow)) {
  AnalysisSession::Callbacks cb;
  cb.started = [this](const AnalysisInput &in) { Q_EMIT imageStarted(in.id, in.expectedSha256); };
  cb.ingested = [this](const AnalysisItemPtr &item) { Q_EMIT imageIngested(item->id, item); };
  cb.finished = [this](std::shared_ptr<AnalysisItem> item) {
    const quint64 id = item->id;
    Q_EMIT imageFinished(id, AnalysisItemPtr(std::move(item)));
  };
  cb.skipped = [this](const AnalysisInput &in) { Q_EMIT jobSkipped(in.id, in.expectedSha256); };
  cb.notice = [this](const QString &text) { Q_EMIT notice(text); };
  m_session = std::make_unique<AnalysisSession>(std::move(cb));
  m_session->setSkipPredicate([skip = m_skipBelow](const AnalysisInput &in) { return in.id < skip->load(); });
}

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

void AnalysisWorker::loadEngine(const EngineOptions &options) {
  if (m_session)
    m_session->setAnalyzer(nullptr, nullptr); // before the engine and analyzer go
  m_analyzer.reset();
  m_engine = {};
  m_options = options;
  if (!m_factory) {
    Q_EMIT engineFailed(tr("This build of StreetLens has no inference engine."));
    return;
  }
  if (options.modelDir.isEmpty()) {
    Q_EMIT engineFailed(tr("No model folder is set."));
    return;
  }
  m_engine = m_factory(options);
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
  if (m_session)
    m_session->setAnalyzer(nullptr, nullptr);
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
  attachGallery();
  if (m_session) // batch size 0 = auto: the engine's own choice
    m_session->setAnalyzer(m_engine.engine.get(), m_analyzer.get(), m_options.batchSize);
  Q_EMIT engineReady(m_engine.engine->info(), m_analyzer->settingsKey());
  scheduleNext();
}

void AnalysisWorker::setGallery(const QString &file, const library::GalleryOptions &options) {
  m_galleryFile = file;
  m_galleryReported.clear(); // the analyst chose again: a refusal is worth saying again
  m_galleryOptions = std::make_unique<library::GalleryOptions>(options);
  if (!m_analyzer || !m_engine.engine)
    return; // attached when the analyzer is made
  attachGallery();
  if (m_session) // records the new settings key in the project
    m_session->setAnalyzer(m_engine.engine.get(), m_analyzer.get(), m_options.batchSize);
  Q_EMIT engineReady(m_engine.engine->info(), m_analyzer->settingsKey());
  scheduleNext();
}

void AnalysisWorker::attachGallery() {
  if (!m_analyzer)
    return;
  m_analyzer->setGallery(nullptr);
  if (m_galleryFile.isEmpty())
    return;
  QString err;
  std::shared_ptr<const library::Gallery> gallery =
      library::Gallery::open(m_galleryFile, m_engine.engine->info().modelHash,
                             m_galleryOptions ? *m_galleryOptions : library::GalleryOptions(), &err);
  if (!gallery) {
    const QString message =
        tr("The reference gallery %1 is not used: %2").arg(QDir::toNativeSeparators(m_galleryFile), err);
    if (message != m_galleryReported) // once, not again at every rebuild of the analyzer
      Q_EMIT galleryFailed(message);
    m_galleryReported = message;
    return;
  }
  m_analyzer->setGallery(std::move(gallery));
}

void AnalysisWorker::embedPhoto(quint64 id, const QString &path) {
  const QString name = QDir::toNativeSeparators(path);
  if (!m_engine.engine || !m_analyzer) {
    Q_EMIT photoEmbedded(id, path, {}, {}, tr("%1: no model is loaded to compare it with.").arg(name));
    return;
  }
  // The scratch project: the session writes the photo's embedding there as for any project.
  QTemporaryDir dir;
  QString err;
  auto project = dir.isValid()
                     ? store::ProjectStore::open(dir.filePath(QStringLiteral("search.streetlens")), &err)
                     : nullptr;
  if (!project) {
    Q_EMIT photoEmbedded(id, path, {}, {}, tr("%1: no scratch project: %2").arg(name, err));
    return;
  }
  ImageResult result;
  AnalysisSession::Callbacks cb;
  cb.finished = [&result](std::shared_ptr<AnalysisItem> item) { result = std::move(item->result); };
  AnalysisSession session(std::move(cb));
  session.setMakeImages(false);
  session.setProject(std::move(project));
  session.setAnalyzer(m_engine.engine.get(), m_analyzer.get(), 1);
  session.enqueue({id, path, {}, {}});
  session.runAll();
  const QString model = m_engine.engine->info().modelHash;
  if (result.status != ImageStatus::Done) {
    Q_EMIT photoEmbedded(id, path, {}, model,
                         result.error.isEmpty() ? tr("%1: could not be analysed.").arg(name) : result.error);
    return;
  }
  const auto kept = session.project()->imageEmbedding(result.sha256, model);
  if (!kept || kept->empty()) {
    Q_EMIT photoEmbedded(id, path, {}, model, tr("%1: the model gave no embedding.").arg(name));
    return;
  }
  Q_EMIT photoEmbedded(id, path, QList<float>(kept->begin(), kept->end()), model, QString());
}

void AnalysisWorker::openProject(const QString &path) {
  if (!m_session)
    return;
  m_session->setProject(nullptr);
  QString err;
  auto store = store::ProjectStore::open(path, &err);
  const bool ok = bool(store);
  m_session->setProject(std::move(store));
  Q_EMIT projectOpened(path, ok ? QString() : err);
}

void AnalysisWorker::saveProjectAs(const QString &target) {
  QString err;
  store::ProjectStore *current = m_session ? m_session->project() : nullptr;
  if (!current) {
    Q_EMIT projectOpened(target, tr("No project is open."));
    return;
  }
  if (QFileInfo::exists(target) && !QFile::remove(target)) {
    Q_EMIT projectOpened(target, tr("%1 cannot be replaced.").arg(QDir::toNativeSeparators(target)));
    return;
  }
  if (!current->saveCopyAs(target, &err)) {
    Q_EMIT projectOpened(target, err);
    return;
  }
  openProject(target);
}

void AnalysisWorker::submit(const AnalysisJob &job) {
  if (!m_session)
    return;
  m_session->enqueue({job.requestId, job.path, job.sha256, {}});
  scheduleNext();
}

void AnalysisWorker::removeImage(const QString &sha256) {
  QString err;
  if (m_session && !m_session->removeImage(sha256, &err))
    Q_EMIT notice(err);
}

void AnalysisWorker::restoreImages(const std::vector<store::StoredImage> &images) {
  store::ProjectStore *project = m_session ? m_session->project() : nullptr;
  if (!project)
    return;
  for (const store::StoredImage &s : images) {
    QString err;
    bool ok = bool(project->addImage(s.image, &err));
    if (ok && s.result) {
      ok = project->saveResult(*s.result, s.image.thumbnail, &err);
    } else if (ok && s.status == ImageStatus::Failed) {
      ImageResult failed;
      failed.path = s.image.path;
      failed.sha256 = s.image.sha256;
      failed.status = ImageStatus::Failed;
      failed.error = s.error;
      ok = project->saveResult(failed, s.image.thumbnail, &err);
    }
    if (ok && !s.annotation.isEmpty())
      ok = project->setAnnotation(s.image.sha256, s.annotation, &err);
    if (!ok)
      Q_EMIT notice(err);
  }
}

void AnalysisWorker::setAnnotation(const QString &sha256, const Annotation &annotation) {
  store::ProjectStore *project = m_session ? m_session->project() : nullptr;
  QString err;
  if (project && !project->setAnnotation(sha256, annotation, &err))
    Q_EMIT notice(err);
}

void AnalysisWorker::storeSites(const std::vector<store::StoredSite> &sites) {
  store::ProjectStore *project = m_session ? m_session->project() : nullptr;
  QString err;
  if (project && !project->setSites(sites, &err))
    Q_EMIT notice(err);
}

void AnalysisWorker::storeConstraint(const GeoConstraint &constraint) {
  store::ProjectStore *project = m_session ? m_session->project() : nullptr;
  QString err;
  if (project && !project->setConstraint(constraint, &err))
    Q_EMIT notice(err);
}

void AnalysisWorker::setClassTag(const QString &sha256, const QString &tag) {
  store::ProjectStore *project = m_session ? m_session->project() : nullptr;
  QString err;
  if (project && !(tag.isEmpty() ? project->removeMeta(classTagKey(sha256), &err)
                                 : project->setMeta(classTagKey(sha256), tag, &err)))
    Q_EMIT notice(err);
}

void AnalysisWorker::trainProbe(const ProbeRequest &request) {
  ProbeOutcome out;
  store::ProjectStore *project = m_session ? m_session->project() : nullptr;
  QString model = m_engine.engine ? m_engine.engine->info().modelHash : QString();
  if (model.isEmpty() && project)
    if (const auto rec = project->modelRecord())
      model = rec->sha256;
  if (!project || model.isEmpty()) {
    out.error = tr("No model is known for this project: analyse the photos first.");
    Q_EMIT probeTrained(out);
    return;
  }
  std::vector<ProbeSample> samples;
  for (const auto &[sha, tag] : request.tags) {
    auto emb = project->imageEmbedding(sha, model);
    if (!emb) {
      ++out.missing;
      continue;
    }
    samples.push_back({std::move(*emb), tag});
  }
  out.used = int(samples.size());
  ProbeTraining options;
  options.name = request.name;
  options.question = request.question;
  options.modelSha256 = model;
  QString err;
  out.task = trainLinearProbe(samples, options, &err);
  if (!out.task)
    out.error = err;
  Q_EMIT probeTrained(out);
}

void AnalysisWorker::explain(quint64 id, const QString &path, const ExplainRequest &request) {
  auto cancelled = [this, id] { return m_shutdown.load() || m_explainCancelledUpTo.load() >= id; };
  if (cancelled()) {
    Q_EMIT explainFinished(id, nullptr, explainCancelledError());
    return;
  }
  if (!m_engine.engine) {
    Q_EMIT explainFinished(id, nullptr, tr("No model is loaded."));
    return;
  }
  QString err;
  const auto img = loadImage(path, ImageLimits{}, &err);
  if (!img) {
    Q_EMIT explainFinished(id, nullptr, err);
    return;
  }
  ExplainControl control;
  control.progress = [this, id](int done, int total) { Q_EMIT explainProgress(id, done, total); };
  control.cancelled = cancelled;
  const auto grid = explainPhoto(*m_engine.engine, img->image, request, control, &err);
  if (!grid) {
    Q_EMIT explainFinished(id, nullptr, err);
    return;
  }
  auto result = std::make_shared<ExplanationResult>();
  result->path = path;
  result->grid = *grid;
  result->imageConfig = m_engine.engine->imageConfig();
  Q_EMIT explainFinished(id, std::move(result), QString());
}

void AnalysisWorker::dropCancelled() {
  if (m_session)
    m_session->dropSkipped();
}

void AnalysisWorker::shutdown() {
  m_shutdown = true;
  m_session.reset(); // waits for its decode-ahead, closes the project
  m_analyzer.reset();
  m_engine = {};
}

void AnalysisWorker::scheduleNext() {
  if (m_scheduled || m_shutdown || !m_session || !m_session->hasWork())
    return;
  m_scheduled = true;
  QMetaObject::invokeMethod(this, &AnalysisWorker::processNext, Qt::QueuedConnection);
}

void AnalysisWorker::processNext() {
  m_scheduled = false;
  if (m_shutdown || !m_session)
    return;
  m_session->runBatch();
  scheduleNext();
}

} // namespace streetlens::ui
