#pragma once
// AnalysisWorker: the app's host of the shared pipeline. Owns the engine (made through the
// EngineFactory), the GeoAnalyzer, the gazetteer and the AnalysisSession — which owns the worker's
// ProjectStore connection, the only one that writes the project file. Lives on the
// "StreetLens analysis" QThread and is driven only by queued calls from AnalysisController (GUI
// thread); it never blocks the GUI and runs no nested event loops. The session runs one batch per
// event-loop turn, so settings changes, project switches and cancellations are seen between
// batches; it commits each result before imageFinished() is emitted.
#include "core/analysis/AnalysisSession.h"
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/GeoResult.h"
#include "core/analysis/SceneTask.h"
#include "core/store/ProjectStore.h"
#include "ui/EngineFactory.h"
#include "ui/ExplanationResult.h"

#include <QObject>
#include <atomic>
#include <memory>

namespace streetlens {
class GeoAnalyzer;
namespace library {
class Gallery;
struct GalleryOptions;
} // namespace library
namespace gazetteer {
class Gazetteer;
}
} // namespace streetlens

namespace streetlens::ui {

// A few-shot classifier to train from the analyst's class tags (photo SHA-256 -> class).
struct ProbeRequest {
  QString name;
  QString question;
  QList<std::pair<QString, QString>> tags;
};

// What training gave: the probe as a task (unset on failure, `error` says why), how many tagged
// photos had an embedding of the model and how many had none (not analysed yet with it).
struct ProbeOutcome {
  std::optional<streetlens::SceneTask> task;
  QString error;
  int used = 0, missing = 0;
};

struct AnalysisJob {
  quint64 requestId = 0;
  QString path;
  QString sha256; // from the list: the identity of the image in the project
};

class AnalysisWorker : public QObject {
  Q_OBJECT
public:
  // skipBelow: shared with the controller; queued jobs with a smaller request id are dropped
  // (the batch in flight always finishes).
  AnalysisWorker(EngineFactory factory, QString gazetteerPath, QString cacheDir,
                 std::shared_ptr<std::atomic<quint64>> skipBelow);
  ~AnalysisWorker() override;

  // Everything below runs on the worker thread (call through QMetaObject::invokeMethod).
  void start(); // loads the gazetteer
  void loadEngine(const streetlens::EngineOptions &options);
  void setAnalysisSettings(const streetlens::AnalysisSettings &settings);
  // The reference gallery (empty file: none), opened here against the loaded model's SHA-256 and
  // handed to the GeoAnalyzer (part of its settings key, so engineReady() follows with the new
  // key). A file that cannot be used is reported by galleryFailed() (once per choice, not at each
  // later rebuild of the analyzer); analysis goes on without it.
  void setGallery(const QString &file, const streetlens::library::GalleryOptions &options);
  // Embeds a photo from outside the project through the pipeline (an AnalysisSession into a
  // scratch project, as the CLI's `search` does) and answers with photoEmbedded().
  void embedPhoto(quint64 id, const QString &path);
  void openProject(const QString &path);     // switches the session's project file
  void saveProjectAs(const QString &target); // copy, then continue in the copy
  void submit(const streetlens::ui::AnalysisJob &job);
  void removeImage(const QString &sha256);
  // Puts removed images back into the project: row, thumbnail and latest result (undo).
  void restoreImages(const std::vector<streetlens::store::StoredImage> &images);
  // Writes the analyst's annotation of an image (empty: removes the record).
  void setAnnotation(const QString &sha256, const streetlens::Annotation &annotation);
  // The analyst's evidence records of the project open (ProjectStore::setSites / setConstraint).
  void storeSites(const std::vector<streetlens::store::StoredSite> &sites);
  void storeConstraint(const streetlens::GeoConstraint &constraint);
  // The analyst's class tag of an image ("probe-tag/<sha256>" record; empty removes it).
  void setClassTag(const QString &sha256, const QString &tag);
  // Trains a linear probe on the stored embeddings of the tagged photos (the engine's model, else
  // the project's model record) and reports it with probeTrained().
  void trainProbe(const streetlens::ui::ProbeRequest &request);
  static QString classTagKey(const QString &sha256) { return QStringLiteral("probe-tag/") + sha256; }
  // Explains the photo at `path` with the engine (between batches: the worker runs one thing at a
  // time). Cancelled when the shared explain-cancel id reaches `id` (set from the GUI thread).
  void explain(quint64 id, const QString &path, const streetlens::ExplainRequest &request);
  void dropCancelled(); // reports every queued job below skipBelow as skipped, now
  void shutdown();      // frees session, engine and analyzer here
  // Thread-safe: makes a label preparation in progress stop early (used before shutdown).
  void requestStop() { m_shutdown = true; }
  // Any thread: explain calls with an id <= this are cancelled.
  std::atomic<quint64> &explainCancelledUpTo() { return m_explainCancelledUpTo; }

Q_SIGNALS:
  void gazetteerLoaded(std::shared_ptr<const streetlens::gazetteer::Gazetteer> gazetteer);
  void engineReady(const streetlens::EngineInfo &info, const QString &settingsKey);
  void engineFailed(const QString &error);
  void preparing(int done, int total, const QString &what);
  void imageStarted(quint64 requestId, const QString &sha256);
  // Decoded once: thumbnail, preview, size and EXIF (before the result, or without an engine).
  void imageIngested(quint64 requestId, streetlens::AnalysisItemPtr item);
  void imageFinished(quint64 requestId, streetlens::AnalysisItemPtr item);
  void jobSkipped(quint64 requestId, const QString &sha256);
  void projectOpened(const QString &path, const QString &error); // error empty on success
  // The gallery setting could not be used (the message names the file and the problem).
  void galleryFailed(const QString &message);
  // embedPhoto's answer: the photo's projected image embedding and the model's SHA-256, or an
  // error naming the file (embedding empty).
  void photoEmbedded(quint64 id, const QString &path, const QList<float> &embedding, const QString &model,
                     const QString &error);
  void notice(const QString &text);
  void probeTrained(const streetlens::ui::ProbeOutcome &outcome);
  void explainProgress(quint64 id, int done, int total);
  // result null on failure (error says why; "cancelled" when cancelled).
  void explainFinished(quint64 id, streetlens::ui::ExplanationResultPtr result, const QString &error);

private:
  void rebuildAnalyzer();
  void attachGallery(); // opens m_galleryFile for the analyzer (or none)
  void scheduleNext();
  void processNext();

  EngineFactory m_factory;
  QString m_gazetteerPath, m_cacheDir;
  std::shared_ptr<std::atomic<quint64>> m_skipBelow;
  std::shared_ptr<const gazetteer::Gazetteer> m_gaz;
  CreatedEngine m_engine;
  EngineOptions m_options;
  AnalysisSettings m_settings;
  std::unique_ptr<GeoAnalyzer> m_analyzer;
  QString m_galleryFile;
  QString m_galleryReported; // the last refusal reported (galleryFailed), so it is said once
  std::unique_ptr<library::GalleryOptions> m_galleryOptions;
  std::unique_ptr<AnalysisSession> m_session;
  bool m_scheduled = false;
  std::atomic<bool> m_shutdown{false};
  std::atomic<quint64> m_explainCancelledUpTo{0};
};

} // namespace streetlens::ui

Q_DECLARE_METATYPE(streetlens::AnalysisItemPtr)
Q_DECLARE_METATYPE(streetlens::ui::ProbeOutcome)
