#include "ui/map/MapRenderJob.h"

#include "ui/map/MapRenderer.h"

#include <QtConcurrent/QtConcurrentRun>

namespace streetlens::ui {

MapRenderJob::MapRenderJob(QObject *parent) : QObject(parent) {
  connect(&m_watcher, &QFutureWatcher<QImage>::finished, this, &MapRenderJob::onDone);
}

MapRenderJob::~MapRenderJob() {
  m_pending.reset();
  if (m_cancel)
    m_cancel->store(true);
  m_watcher.waitForFinished();
}

void MapRenderJob::start(const MapViewport &vp, const MapScene &scene) {
  if (m_running) {
    m_pending.emplace(vp, scene); // coalesce: only the latest request survives
    if (m_cancel)
      m_cancel->store(true);
    return;
  }
  launch(vp, scene);
}

void MapRenderJob::cancel() {
  m_pending.reset();
  if (m_cancel)
    m_cancel->store(true);
}

void MapRenderJob::launch(const MapViewport &vp, const MapScene &scene) {
  m_cancel = std::make_shared<std::atomic<bool>>(false);
  m_runningViewport = vp;
  m_running = true;
  auto flag = m_cancel;
  m_watcher.setFuture(
      QtConcurrent::run([vp, scene, flag]() { return MapRenderer::renderStatic(vp, scene, flag.get()); }));
}

void MapRenderJob::onDone() {
  m_running = false;
  const QImage img = m_watcher.result();
  const bool wasCancelled = !m_cancel || m_cancel->load();
  const MapViewport doneViewport = m_runningViewport;
  if (m_pending) {
    auto next = std::move(*m_pending);
    m_pending.reset();
    launch(next.first, next.second);
  }
  if (!wasCancelled && !img.isNull()) {
    ++m_completed;
    Q_EMIT finished(img, doneViewport);
  }
}

} // namespace streetlens::ui
