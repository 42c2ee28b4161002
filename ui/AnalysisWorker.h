#pragma once
// AnalysisWorker: owns the engine (made through the EngineFactory), the GeoAnalyzer, the
// gazetteer and its own ProjectStore connection. Lives on the "StreetLens analysis" QThread and is
// driven only by queued calls from AnalysisController (GUI thread); it never blocks the GUI and
// runs no nested event loops. Images are processed a batch per event-loop turn, so settings
// changes, project switches and cancellations are seen between batches. Each result is committed to
// the project file before imageFinished() is emitted.
#include "core/analysis/AnalysisSettings.h"
#include "core/analysis/GeoResult.h"
#include "ui/EngineFactory.h"

#include <QObject>
#include <atomic>
#include <deque>
#include <memory>

namespace streetlens {
class GeoAnalyzer;
namespace gazetteer {
class Gazetteer;
}
namespace store {
class ProjectStore;
}
} // namespace streetlens

namespace streetlens::ui {

struct AnalysisJob {
  quint64 requestId = 0;
  QString path;
  QString sha256; // from ingest: the identity of the image in the project
};

class AnalysisWorker : public QObject {
  Q_OBJECT
public:
  // skipBelow: shared with the controller; queued jobs with a smaller request id are dropped
  // (the image in flight always finishes).
  AnalysisWorker(EngineFactory factory, QString gazetteerPath, QString cacheDir,
                 std::shared_ptr<std::atomic<quint64>> skipBelow);
  ~AnalysisWorker() override;

  // Everything below runs on the worker thread (call through QMetaObject::invokeMethod).
  void start(); // loads the gazetteer
  void loadEngine(const streetlens::ui::EngineRequest &request);
  void setAnalysisSettings(const streetlens::AnalysisSettings &settings);
  void openProject(const QString &path);     // switches the worker's connection
  void saveProjectAs(const QString &target); // copy, then continue in the copy
  void submit(const streetlens::ui::AnalysisJob &job);
  void shutdown(); // frees engine, analyzer and store here
  // Thread-safe: makes a label preparation in progress stop early (used before shutdown).
  void requestStop() { m_shutdown = true; }

Q_SIGNALS:
  void gazetteerLoaded(std::shared_ptr<const streetlens::gazetteer::Gazetteer> gazetteer);
  void engineReady(const streetlens::EngineInfo &info, const QString &settingsKey);
  void engineFailed(const QString &error);
  void preparing(int done, int total, const QString &what);
  void imageStarted(quint64 requestId, const QString &sha256);
  void imageFinished(quint64 requestId, const streetlens::ImageResult &result);
  void jobSkipped(quint64 requestId, const QString &sha256);
  void projectOpened(const QString &path, const QString &error); // error empty on success
  void notice(const QString &text);

private:
  void rebuildAnalyzer();
  void scheduleNext();
  void processNext();
  bool saveResult(ImageResult &r);

  EngineFactory m_factory;
  QString m_gazetteerPath, m_cacheDir;
  std::shared_ptr<std::atomic<quint64>> m_skipBelow;
  std::shared_ptr<const gazetteer::Gazetteer> m_gaz;
  CreatedEngine m_engine;
  EngineRequest m_request;
  AnalysisSettings m_settings;
  std::unique_ptr<GeoAnalyzer> m_analyzer;
  std::unique_ptr<store::ProjectStore> m_store;
  std::deque<AnalysisJob> m_queue;
  bool m_ready = false, m_scheduled = false;
  std::atomic<bool> m_shutdown{false};
};

} // namespace streetlens::ui
