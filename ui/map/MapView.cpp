#include "ui/map/MapView.h"

#include "core/gazetteer/Gazetteer.h"
#include "ui/map/MapOverlay.h"
#include "ui/map/MapRenderer.h"
#include "ui/map/ReportMap.h"
#include "ui/map/TileSource.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolBar>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>

namespace streetlens::ui {

namespace {
constexpr int kRenderMarginPx = 192; // rendered around the view so short pans show no gaps
constexpr int kDragThresholdPx = 3;
constexpr double kWheelStepsPerNotch = 0.5;
} // namespace

MapView::MapView(QWidget *parent) : QWidget(parent) {
  setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setAttribute(Qt::WA_OpaquePaintEvent);
  setMinimumSize(200, 150);
  m_job = new MapRenderJob(this);
  connect(m_job, &MapRenderJob::finished, this, &MapView::onRendered);
  m_renderTimer.setSingleShot(true);
  connect(&m_renderTimer, &QTimer::timeout, this, &MapView::startRender);
  connect(&m_fieldWatcher, &QFutureWatcherBase::finished, this, &MapView::onFieldReady);
  m_tiles = new TileFetcher(this);
  connect(m_tiles, &TileFetcher::tilesChanged, this, [this] { scheduleRender(50); });
  connect(m_tiles, &TileFetcher::offlineChanged, this, [this] {
    update();
    scheduleRender();
  });
  buildActions();
  m_viewport.setSize(size());
  m_viewport.reset();
}

MapView::~MapView() {
  m_fieldWatcher.waitForFinished();
}

void MapView::setViewport(const MapViewport &vp) {
  m_viewport = vp;
  m_viewport.setSize(size());
  m_viewportInitialised = true;
  viewportEdited();
}

void MapView::zoomIn() {
  m_viewport.zoomAt(QPointF(width() / 2.0, height() / 2.0), 1.0);
  viewportEdited();
}

void MapView::zoomOut() {
  m_viewport.zoomAt(QPointF(width() / 2.0, height() / 2.0), -1.0);
  viewportEdited();
}

void MapView::resetView() {
  m_viewport.setSize(size());
  m_viewport.reset();
  viewportEdited();
}

void MapView::fitToResults() {
  ResultLayers layers;
  layers.markers = m_markers;
  layers.countryProbabilities = m_countryProbs;
  m_viewport.setSize(size());
  fitViewportToResults(m_viewport, layers, m_gaz.get());
  viewportEdited();
}

void MapView::viewportEdited() {
  update();
  scheduleRender(m_dragging ? 120 : 0);
  Q_EMIT viewportChanged(m_viewport);
}

void MapView::scheduleRender(int delayMs) {
  if (!m_renderTimer.isActive() || delayMs < m_renderTimer.remainingTime())
    m_renderTimer.start(delayMs);
}

MapViewport MapView::renderViewport() const {
  MapViewport vp = m_viewport;
  vp.setSize(size() + QSize(2 * kRenderMarginPx, 2 * kRenderMarginPx));
  vp.setCenterWorld(m_viewport.centerWorld());
  return vp;
}

void MapView::startRender() {
  const MapViewport vp = renderViewport();
  MapScene s = scene();
  if (s.has(MapLayer::Tiles) && m_tiles->isEnabled()) {
    std::vector<TileKey> keys;
    for (const TilePlacement &t : tilesFor(vp, tileZoomFor(vp.zoom())))
      keys.push_back(t.key);
    m_tiles->request(keys);
    s.tiles = m_tiles->snapshot(keys);
  }
  m_job->start(vp, s);
}

void MapView::onRendered(const QImage &image, const MapViewport &vp) {
  m_cache = image;
  m_cacheViewport = vp;
  update();
  Q_EMIT rendered();
}

bool MapView::isBusy() const {
  return m_fieldRunning > 0 || m_job->isActive() || m_renderTimer.isActive();
}

void MapView::paintEvent(QPaintEvent *) {
  QPainter p(this);
  p.fillRect(rect(), m_style.sea);
  if (!m_cache.isNull()) {
    // Reuse the last render, moved and scaled to the current viewport (zoom preview).
    QPointF topLeft = m_cacheViewport.pixelToWorld(QPointF(0, 0));
    topLeft.rx() -= std::round(m_cacheViewport.centerWorld().x() - m_viewport.centerWorld().x());
    const double f = m_viewport.scale() / m_cacheViewport.scale();
    const QRectF target(m_viewport.worldToPixel(topLeft), QSizeF(m_cache.size()) * f);
    p.setRenderHint(QPainter::SmoothPixmapTransform, std::abs(f - 1.0) > 1e-9);
    // World copies: the cached image may be narrower than the view at low zoom.
    const double worldPx = m_viewport.scale();
    const double cachePx = target.width();
    if (cachePx >= worldPx - 1.0 && cachePx < width()) {
      for (double dx = -std::ceil(target.left() / worldPx) * worldPx; target.left() + dx < width();
           dx += worldPx)
        p.drawImage(target.translated(dx, 0), m_cache);
    } else {
      p.drawImage(target, m_cache);
    }
  }
  if (m_basemap && !m_selectedCountry.isEmpty()) {
    const int idx = m_basemap->indexOf(m_selectedCountry);
    if (idx >= 0) {
      p.save();
      p.setRenderHint(QPainter::Antialiasing, true);
      QPen pen(QColor(0xff, 0xb0, 0x00), 2.2);
      pen.setCosmetic(true);
      p.setPen(pen);
      p.setBrush(Qt::NoBrush);
      for (int k : m_viewport.worldCopies()) {
        p.setTransform(m_viewport.worldTransform(k));
        p.drawPath(
            m_basemap->countries()[static_cast<size_t>(idx)].fill[BasemapData::levelFor(m_viewport.zoom())]);
      }
      p.restore();
    }
  }
  MapScene s = scene();
  MapRenderer::paintOverlay(p, m_viewport, s, m_hoverMarker);
  if (!m_gaz) {
    p.setPen(m_style.panelText);
    p.drawText(rect(), Qt::AlignCenter, tr("No basemap loaded"));
  }
}

void MapView::resizeEvent(QResizeEvent *) {
  m_viewport.setSize(size());
  if (!m_viewportInitialised) {
    m_viewport.reset();
  }
  if (m_toolBar)
    m_toolBar->move(width() - m_toolBar->sizeHint().width() - 8, 8);
  viewportEdited();
}

void MapView::mousePressEvent(QMouseEvent *e) {
  if (e->button() == Qt::LeftButton) {
    m_pressed = true;
    m_dragging = false;
    m_pressPos = m_lastPos = e->position().toPoint();
    e->accept();
    return;
  }
  QWidget::mousePressEvent(e);
}

void MapView::mouseMoveEvent(QMouseEvent *e) {
  const QPoint pos = e->position().toPoint();
  if (m_pressed && (e->buttons() & Qt::LeftButton)) {
    if (!m_dragging && (pos - m_pressPos).manhattanLength() >= kDragThresholdPx) {
      m_dragging = true;
      setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
      m_viewport.panByPixels(QPointF(pos - m_lastPos));
      m_viewportInitialised = true;
      m_lastPos = pos;
      viewportEdited();
    }
    return;
  }
  const int hover = markerAt(pos);
  if (hover != m_hoverMarker) {
    m_hoverMarker = hover;
    setCursor(hover >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
  }
}

void MapView::mouseReleaseEvent(QMouseEvent *e) {
  if (e->button() != Qt::LeftButton || !m_pressed) {
    QWidget::mouseReleaseEvent(e);
    return;
  }
  const bool wasDragging = m_dragging;
  m_pressed = m_dragging = false;
  unsetCursor();
  if (wasDragging)
    scheduleRender();
  else
    click(e->position().toPoint());
}

void MapView::mouseDoubleClickEvent(QMouseEvent *e) {
  if (e->button() == Qt::LeftButton) {
    m_viewport.zoomAt(e->position(), 1.0);
    m_viewportInitialised = true;
    viewportEdited();
  }
}

void MapView::wheelEvent(QWheelEvent *e) {
  const double notches = e->angleDelta().y() / 120.0;
  if (notches == 0.0)
    return;
  m_viewport.zoomAt(e->position(), notches * kWheelStepsPerNotch);
  m_viewportInitialised = true;
  viewportEdited();
  e->accept();
}

void MapView::keyPressEvent(QKeyEvent *e) {
  const double step = 80.0;
  switch (e->key()) {
  case Qt::Key_Left:
    m_viewport.panByPixels({step, 0});
    break;
  case Qt::Key_Right:
    m_viewport.panByPixels({-step, 0});
    break;
  case Qt::Key_Up:
    m_viewport.panByPixels({0, step});
    break;
  case Qt::Key_Down:
    m_viewport.panByPixels({0, -step});
    break;
  case Qt::Key_Plus:
  case Qt::Key_Equal:
    zoomIn();
    return;
  case Qt::Key_Minus:
    zoomOut();
    return;
  case Qt::Key_Home:
    resetView();
    return;
  case Qt::Key_F:
    fitToResults();
    return;
  default:
    QWidget::keyPressEvent(e);
    return;
  }
  m_viewportInitialised = true;
  viewportEdited();
}

bool MapView::event(QEvent *e) {
  if (e->type() == QEvent::ToolTip) {
    auto *help = static_cast<QHelpEvent *>(e);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(help->globalPos(), text, this);
    return true;
  }
  return QWidget::event(e);
}

int MapView::markerAt(QPoint pos) const {
  if (!m_markers || !m_layers.testFlag(MapLayer::Markers))
    return -1;
  return m_markers->hitTest(m_viewport, pos);
}

QString MapView::countryAt(QPoint pos) const {
  if (!m_basemap)
    return {};
  const int idx = m_basemap->countryAtPixel(m_viewport, pos);
  return idx < 0 ? QString() : m_basemap->countries()[static_cast<size_t>(idx)].code2;
}

QString MapView::toolTipAt(QPoint pos) const {
  const int marker = markerAt(pos);
  if (marker >= 0)
    return m_markers->toolTip(marker);
  const QString code = countryAt(pos);
  if (code.isEmpty())
    return {};
  const auto &shape = m_basemap->countries()[static_cast<size_t>(m_basemap->indexOf(code))];
  if (!m_countryProbs || m_countryProbs->isEmpty())
    return shape.name;
  return tr("%1\nProbability: %2").arg(shape.name, formatProbability(m_countryProbs->value(code, 0.0)));
}

void MapView::click(QPoint pos) {
  const int marker = markerAt(pos);
  const QPoint global = mapToGlobal(pos);
  if (marker >= 0) {
    const MapMarker &m = m_markers->markers[static_cast<size_t>(marker)];
    QToolTip::showText(global, m_markers->toolTip(marker), this);
    Q_EMIT markerClicked(m.imageIndex, m.title, m.probability);
    return;
  }
  const QString code = countryAt(pos);
  m_selectedCountry = code;
  update();
  if (code.isEmpty())
    return;
  const auto &shape = m_basemap->countries()[static_cast<size_t>(m_basemap->indexOf(code))];
  const double prob = m_countryProbs ? m_countryProbs->value(code, 0.0) : 0.0;
  QToolTip::showText(global, toolTipAt(pos), this);
  Q_EMIT countryClicked(code, shape.name, prob);
}

} // namespace streetlens::ui
