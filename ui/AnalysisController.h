#pragma once
// AnalysisController: the GUI-thread side of the analysis; it starts the pipeline (AnalysisSession
// on the worker) and observes it. Owns the "StreetLens analysis" QThread and the AnalysisWorker on
// it, the queue of images waiting to be analysed (only a small window of jobs is handed to the
// worker at a time while an engine is ready, so cancel is immediate for the rest; without one,
// every job goes to the worker to be ingested), request ids that let stale results from an
// earlier run be dropped, and the batch progress with its ETA as the window shows it. Lives on the
// GUI thread; talks to the worker only through queued calls and signals, and writes nothing.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/GeoResult.h"
#include "ui/AnalysisWorker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <deque>

class QThread;

namespace streetlens::ui {

class AnalysisController : public QObject {
  Q_OBJECT
public:
  // gazetteerPath: ":/gazetteer" in the app; cacheDir: where label embeddings are cached.
  AnalysisController(EngineFactory factory, QString gazetteerPath, QString cacheDir,
                     QObject *parent = nullptr);
  ~AnalysisController() override;

  bool hasEngineFactory() const { return m_hasFactory; }
  void loadEngine(const EngineOptions &options);
  void setAnalysisSettings(const AnalysisSettings &settings);
  // The reference gallery (empty file: none), opened by the worker; engineReady() follows with the
  // new settings key, or galleryFailed() when the file cannot be used.
  void setGallery(const QString &file, const library::GalleryOptions &options);
  // Embeds a photo from outside the project through the pipeline; photoEmbedded() answers (a newer
  // call supersedes an older one).
  void embedPhoto(const QString &path);
  bool isEngineReady() const { return m_engineReady; }
  const EngineInfo &engineInfo() const { return m_info; }
  QString settingsKey() const { return m_settingsKey; }
  std::shared_ptr<const gazetteer::Gazetteer> gazetteer() const { return m_gaz; }

  // The worker's own connection to the project (results are saved there). Answered by projectOpened().
  void openProject(const QString &path);
  void saveProjectAs(const QString &target);

  // Queues an image (ignored when the same content is already waiting or running).
  void enqueue(const QString &path, const QString &sha256);
  // Stops after the image(s) in flight; every waiting image is reported by imageCancelled().
  void cancel();
  // Drops results still coming from earlier requests (after settings changed) and queues again.
  void rerun(const QList<std::pair<QString, QString>> &images);

  // Deletes an image and its results from the project (on the worker, the project's only writer).
  void removeImage(const QString &sha256);
  // Writes removed images back (undo of a removal), on the worker.
  void restoreImages(const std::vector<store::StoredImage> &images);
  // Writes the analyst's annotation of an image (empty: removes it), on the worker.
  void setAnnotation(const QString &sha256, const Annotation &annotation);
  // Keeps the analyst's sites / constraint in the project (on the worker, after earlier writes).
  void storeSites(const std::vector<store::StoredSite> &sites);
  void storeConstraint(const GeoConstraint &constraint);
  // The analyst's class tag of an image, written by the worker ("" removes it).
  void setClassTag(const QString &sha256, const QString &tag);
  // Trains a few-shot classifier on the worker from the stored embeddings; probeTrained() follows.
  void trainProbe(const ProbeRequest &request);

  // Explains the photo at `path` on the worker (after the batch in flight); a newer call cancels
  // the one before. Answered by explainProgress / explainFinished (with this call's id).
  quint64 explain(const QString &path, const ExplainRequest &request);
  void cancelExplain();
  bool isExplaining() const { return m_explaining != 0; }

  bool isBusy() const { return !m_pending.empty() || !m_inFlight.isEmpty(); }
  // Images not yet decoded by the pipeline (no thumbnail yet).
  int ingestingCount() const;
  // Images queued and not yet started (here or at the worker).
  int waitingCount() const { return int(m_pending.size() + m_inFlight.size() - m_started.size()); }
  int done() const { return m_done; }
  int total() const { return m_total; }

Q_SIGNALS:
  void gazetteerLoaded(std::shared_ptr<const streetlens::gazetteer::Gazetteer> gazetteer);
  void engineReady(const streetlens::EngineInfo &info);
  void engineFailed(const QString &error);
  void preparing(int done, int total, const QString &what);
  void imageStarted(const QString &sha256);
  void imageFinished(const streetlens::ImageResult &result);
  // The pipeline decoded an image: thumbnail, preview, size (before its result).
  void imageIngested(const streetlens::AnalysisItemPtr &item);
  void imageCancelled(const QString &sha256);
  // done / total of the current batch and the estimated seconds left (-1 when unknown).
  void progress(int done, int total, int etaSeconds);
  void idle();
  void projectOpened(const QString &path, const QString &error);
  void galleryFailed(const QString &message);
  // embedPhoto's answer: embedding of `model`, or an error naming the file (embedding empty).
  void photoEmbedded(const QString &path, const QList<float> &embedding, const QString &model,
                     const QString &error);
  void notice(const QString &text);
  void probeTrained(const streetlens::ui::ProbeOutcome &outcome);
  void explainProgress(int done, int total);
  // result null on failure or cancel (error says which).
  void explainFinished(const streetlens::ui::ExplanationResultPtr &result, const QString &error);

private:
  void pump();
  void onStarted(quint64 id, const QString &sha);
  void onFinished(quint64 id, const AnalysisItemPtr &item);
  void onSkipped(quint64 id, const QString &sha);
  void reportProgress();
  void maybeIdle();

  QThread *m_thread = nullptr;
  AnalysisWorker *m_worker = nullptr;
  std::shared_ptr<std::atomic<quint64>> m_skipBelow = std::make_shared<std::atomic<quint64>>(0);
  bool m_hasFactory = false;
  bool m_engineReady = false;
  EngineInfo m_info;
  QString m_settingsKey;
  std::shared_ptr<const gazetteer::Gazetteer> m_gaz;
  int m_window = 4;
  quint64 m_nextExplainId = 1, m_explaining = 0; // the explain call awaited (0: none)
  quint64 m_nextEmbedId = 1, m_embedding = 0;    // the embedPhoto call awaited (0: none)

  quint64 m_nextId = 1;
  quint64 m_staleBelow = 0;
  std::deque<AnalysisJob> m_pending;
  QHash<quint64, AnalysisJob> m_inFlight;
  QSet<QString> m_queuedShas;
  QSet<quint64> m_notIngested; // sent to the worker, not decoded yet
  QSet<quint64> m_started;     // sent to the worker, in the engine (until finished or skipped)
  int m_done = 0, m_total = 0;
  QElapsedTimer m_batchClock;
};

} // namespace streetlens::ui
