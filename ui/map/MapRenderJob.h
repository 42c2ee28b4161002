#pragma once
// MapRenderJob: renders the static map layers (MapRenderer::renderStatic) on a worker thread
// (QtConcurrent), like QGIS's QgsMapRendererJob: start() with a copy of the viewport and scene,
// cancel() flips an atomic flag the renderer checks, finished() delivers the image with the
// viewport it was made for. Requests are coalesced: while a render runs, a new start() cancels it
// and only the latest request is rendered next. The object lives on the GUI thread.
#include "ui/map/MapScene.h"
#include "ui/map/MapViewport.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

namespace streetlens::ui {

class MapRenderJob : public QObject {
  Q_OBJECT
public:
  explicit MapRenderJob(QObject *parent = nullptr);
  ~MapRenderJob() override; // cancels and waits for a running render

  void start(const MapViewport &vp, const MapScene &scene);
  void cancel();
  bool isActive() const { return m_running || m_pending.has_value(); }
  int completedCount() const { return m_completed; }

Q_SIGNALS:
  void finished(const QImage &image, const streetlens::ui::MapViewport &viewport);

private:
  void launch(const MapViewport &vp, const MapScene &scene);
  void onDone();

  QFutureWatcher<QImage> m_watcher;
  std::shared_ptr<std::atomic<bool>> m_cancel;
  MapViewport m_runningViewport;
  bool m_running = false;
  std::optional<std::pair<MapViewport, MapScene>> m_pending;
  int m_completed = 0;
};

} // namespace streetlens::ui
