#pragma once
// AnalysisSession: the one analysis pipeline of the app and the CLI (docs/ARCHITECTURE.md).
// Owns, for one project: the queue of images to analyse; the decode-ahead of the next batch on a
// pool thread, where each file is decoded once for everything (SHA-256, EXIF, thumbnail, preview
// and the model's input pixels); the engine calls; the geolocation scoring (GeoAnalyzer); the
// project file, of which it is the only writer (images, results, the "model" and "settings"
// records); resume (an image whose stored result has the same settings key is not analysed
// again); the shard this task analyses (inputs of other shards are dropped when enqueued, see
// Shard.h); cancellation; progress with ETA; and the engine's notices.
// No Widgets, no torch. Lives on one thread — the CLI's main thread, which drives it with
// runAll(), or the app's analysis worker thread, which calls runBatch() once per event-loop turn —
// and reports through callbacks on that thread. Only requestCancel() may be called from elsewhere.
// Results travel as shared immutable AnalysisItems: moved or shared, never copied per hop.
#include "core/analysis/GeoResult.h"
#include "core/analysis/Shard.h"
#include "core/imageio/ExifInfo.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QImage>
#include <QString>
#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace streetlens {

class EmbeddingEngine;
class GeoAnalyzer;
namespace store {
class ProjectStore;
}

// One image handed to the pipeline.
struct AnalysisInput {
  quint64 id = 0; // the caller's request id (the app's; 0 in the CLI)
  QString path;
  QString expectedSha256; // when set, a file whose bytes changed since it was listed fails
  QString shardKey;       // what Shard partitions on (shardKeyOf); empty: the file's name
};

// What the pipeline made of one image: the result and what the app shows next to it.
struct AnalysisItem {
  quint64 id = 0;
  ImageResult result; // Done / Failed when finished; Queued or Running when only ingested
  qint64 fileSize = 0;
  ExifInfo exif;
  QImage thumbnail;     // longer side kThumbnailSide, from the one decode (null when not decoded)
  QImage preview;       // longer side <= kPreviewSide, for the photo view (null when not decoded)
  bool resumed = false; // taken from the project (same model and settings), not recomputed
};
using AnalysisItemPtr = std::shared_ptr<const AnalysisItem>;

class AnalysisSession {
public:
  static constexpr int kThumbnailSide = 128;
  static constexpr int kPreviewSide = 1024;

  struct Callbacks {
    std::function<void(const AnalysisInput &)> started;    // its batch goes to the engine
    std::function<void(const AnalysisItemPtr &)> ingested; // decoded (and stored, with a project)
    // Final, committed before this call; the session keeps no reference (the receiver may move from it).
    std::function<void(std::shared_ptr<AnalysisItem>)> finished;
    std::function<void(const AnalysisInput &)> skipped;                // dropped by the skip predicate
    std::function<void(const QString &)> notice;                       // engine notices, failed writes
    std::function<void(int done, int total, int etaSeconds)> progress; // after each batch
  };

  explicit AnalysisSession(Callbacks callbacks);
  ~AnalysisSession();
  AnalysisSession(const AnalysisSession &) = delete;
  AnalysisSession &operator=(const AnalysisSession &) = delete;

  // The engine and its prepared analyzer (not owned; both null: ingest only, e.g. before a model is
  // loaded). batchSize <= 0: the engine's own choice (EmbeddingEngine::imageBatchSize, "auto").
  // Records the model and the settings in the project.
  void setAnalyzer(EmbeddingEngine *engine, GeoAnalyzer *analyzer, int batchSize = 0);
  // The project this session writes (owned; null: results are not stored). Records the model and
  // settings when an analyzer is set.
  void setProject(std::unique_ptr<store::ProjectStore> project);
  store::ProjectStore *project() const { return m_project.get(); }
  // Whether thumbnails and previews are made from the decode (the app; the CLI stores none).
  void setMakeImages(bool on) { m_makeImages = on; }
  // Inputs for which this answers true are dropped when their batch is taken (the app's cancel).
  void setSkipPredicate(std::function<bool(const AnalysisInput &)> skip) { m_skip = std::move(skip); }
  int batchSize() const;
  // Only inputs of this shard are analysed; enqueue() drops the others (counted, not reported).
  void setShard(Shard shard) { m_shard = shard; }
  const Shard &shard() const { return m_shard; }
  int outOfShard() const { return m_outOfShard; }

  void enqueue(AnalysisInput input);
  // Removes every waiting input (not the batch in flight) and returns them.
  std::vector<AnalysisInput> takePending();
  // Drops, now, every waiting input the skip predicate rejects (reported through `skipped`).
  void dropSkipped();
  // Deletes an image and its results from the project (the app's "Remove").
  bool removeImage(const QString &sha256, QString *error);
  // True while inputs wait for analysis (or, without an analyzer, for their ingest).
  bool hasWork() const;
  // Ingests and analyses one batch while the next one is decoded; false when there was nothing
  // to do. Without an analyzer, inputs are only ingested and stay queued.
  bool runBatch();
  // Runs batches until every input is finished or cancel is requested (the CLI).
  void runAll();
  void requestCancel() { m_cancel = true; } // any thread: stops before the next batch
  bool isCancelRequested() const { return m_cancel; }

  int done() const { return m_done; }
  int total() const { return m_total; }

  // Everything the pool thread makes of one file (public for the implementation's free functions).
  struct Decoded;

private:
  struct Entry {
    AnalysisInput input;
    bool ingested = false; // decoded and stored once (without an analyzer); decoded again for analysis
  };
  std::vector<Entry> takeBatch();
  QFuture<std::vector<Decoded>> startDecode(const std::vector<Entry> &batch) const;
  void recordProjectMeta();
  void ingestOnly(std::vector<Decoded> &decoded);
  void analyse(std::vector<Decoded> &decoded);
  bool save(ImageResult &r, const QImage &thumbnail = {});
  void reportProgress();

  Callbacks m_cb;
  EmbeddingEngine *m_engine = nullptr;
  GeoAnalyzer *m_analyzer = nullptr;
  int m_batchSize = 0;
  std::unique_ptr<store::ProjectStore> m_project;
  bool m_makeImages = true;
  std::function<bool(const AnalysisInput &)> m_skip;
  Shard m_shard;
  int m_outOfShard = 0;
  std::deque<Entry> m_queue;
  // Decode-ahead: the batch being decoded on the pool, identified by its inputs.
  std::vector<Entry> m_aheadBatch;
  std::unique_ptr<QFuture<std::vector<Decoded>>> m_ahead;
  std::atomic<bool> m_cancel{false};
  int m_done = 0, m_total = 0;
  QElapsedTimer m_clock;
};

} // namespace streetlens
