#include "ui/map/MapViewport.h"

#include "core/geo/WebMercator.h"

#include <algorithm>
#include <cmath>

namespace streetlens::ui {

namespace mercator = geo::mercator;

MapViewport::MapViewport(geo::GeoPoint centre, double zoom, QSize size) {
  m_size = size;
  m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
  setCenter(centre);
}

geo::GeoPoint MapViewport::center() const {
  geo::GeoPoint p = mercator::fromWorld(m_center);
  p.lon = geo::normalizeLongitude(p.lon);
  return p;
}

double MapViewport::scale() const {
  return kTileSize * std::exp2(m_zoom);
}

double MapViewport::kmPerPixel() const {
  // Mercator stretches by 1 / cos(lat): a world width is the equator's length there.
  const double equatorKm = 2.0 * geo::kPi * geo::kEarthRadiusKm;
  return equatorKm * std::cos(geo::degToRad(center().lat)) / scale();
}

void MapViewport::setSize(QSize size) {
  m_size = size.isValid() ? size : QSize(1, 1);
  clampCenter();
}

void MapViewport::setZoom(double zoom) {
  if (!std::isfinite(zoom))
    return;
  m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
  clampCenter();
}

void MapViewport::setCenter(geo::GeoPoint centre) {
  if (!std::isfinite(centre.lat) || !std::isfinite(centre.lon))
    return;
  centre.lon = geo::normalizeLongitude(centre.lon);
  setCenterWorld(mercator::toWorld(centre));
}

void MapViewport::setCenterWorld(QPointF world) {
  if (!std::isfinite(world.x()) || !std::isfinite(world.y()))
    return;
  m_center = world;
  clampCenter();
}

QPointF MapViewport::worldToPixel(QPointF world) const {
  const double s = scale();
  return {(world.x() - m_center.x()) * s + m_size.width() / 2.0,
          (world.y() - m_center.y()) * s + m_size.height() / 2.0};
}

QPointF MapViewport::pixelToWorld(QPointF pixel) const {
  const double s = scale();
  return {(pixel.x() - m_size.width() / 2.0) / s + m_center.x(),
          (pixel.y() - m_size.height() / 2.0) / s + m_center.y()};
}

QPointF MapViewport::geoToPixel(geo::GeoPoint p) const {
  p.lon = geo::normalizeLongitude(p.lon);
  QPointF w = mercator::toWorld(p);
  const double dx = w.x() - m_center.x();
  w.setX(w.x() - std::round(dx)); // the copy nearest the centre
  return worldToPixel(w);
}

geo::GeoPoint MapViewport::pixelToGeo(QPointF pixel) const {
  QPointF w = pixelToWorld(pixel);
  w.setY(std::clamp(w.y(), 0.0, 1.0));
  geo::GeoPoint p = mercator::fromWorld(w);
  p.lon = geo::normalizeLongitude(p.lon);
  return p;
}

QTransform MapViewport::worldTransform(double worldShift) const {
  const double s = scale();
  return QTransform(s, 0, 0, s, (worldShift - m_center.x()) * s + m_size.width() / 2.0,
                    -m_center.y() * s + m_size.height() / 2.0);
}

QRectF MapViewport::visibleWorldRect() const {
  return QRectF(pixelToWorld(QPointF(0, 0)), pixelToWorld(QPointF(m_size.width(), m_size.height())));
}

std::vector<int> MapViewport::worldCopies() const {
  const QRectF r = visibleWorldRect();
  std::vector<int> out;
  const int first = static_cast<int>(std::ceil(r.left() - 1.0));
  const int last = static_cast<int>(std::floor(r.right()));
  for (int k = first; k <= last && out.size() < 64; ++k)
    out.push_back(k);
  return out;
}

void MapViewport::panByPixels(QPointF delta) {
  const double s = scale();
  setCenterWorld(m_center - QPointF(delta.x() / s, delta.y() / s));
}

void MapViewport::zoomAt(QPointF pixel, double steps) {
  if (!std::isfinite(steps))
    return;
  const QPointF anchor = pixelToWorld(pixel);
  m_zoom = std::clamp(m_zoom + steps, kMinZoom, kMaxZoom);
  const double s = scale();
  m_center =
      anchor - QPointF((pixel.x() - m_size.width() / 2.0) / s, (pixel.y() - m_size.height() / 2.0) / s);
  clampCenter();
}

void MapViewport::fitBounds(const geo::GeoBounds &bounds, double marginPx, double maxZoom) {
  if (bounds.isEmpty())
    return;
  double x0 = 0.0, x1 = 1.0;
  if (!bounds.isFullLongitude()) {
    x0 = mercator::toWorld({0.0, bounds.west()}).x();
    x1 = x0 + bounds.widthDeg() / 360.0;
  }
  const double y0 = mercator::toWorld({bounds.north(), 0.0}).y();
  const double y1 = mercator::toWorld({bounds.south(), 0.0}).y();
  const double w = std::max(1.0, m_size.width() - 2.0 * marginPx);
  const double h = std::max(1.0, m_size.height() - 2.0 * marginPx);
  double zoom = maxZoom;
  const double dx = x1 - x0, dy = y1 - y0;
  if (dx > 0.0 || dy > 0.0) {
    const double sx = dx > 0.0 ? w / (dx * kTileSize) : 1e12;
    const double sy = dy > 0.0 ? h / (dy * kTileSize) : 1e12;
    zoom = std::min(maxZoom, std::log2(std::min(sx, sy)));
  }
  m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
  m_center = QPointF((x0 + x1) / 2.0, (y0 + y1) / 2.0);
  clampCenter();
}

void MapViewport::reset() {
  m_zoom =
      std::clamp(std::max(fitWorldZoom(), std::log2(0.85 * m_size.width() / kTileSize)), kMinZoom, kMaxZoom);
  m_center = QPointF(0.5, mercator::toWorld({20.0, 0.0}).y());
  clampCenter();
}

double MapViewport::fitWorldZoom() const {
  return std::clamp(std::log2(std::max(1, m_size.height()) / kTileSize), kMinZoom, kMaxZoom);
}

void MapViewport::clampCenter() {
  double x = m_center.x() - std::floor(m_center.x());
  if (x >= 1.0)
    x = 0.0;
  const double s = scale();
  const double half = m_size.height() / 2.0 / s;
  double y = m_center.y();
  if (half >= 0.5)
    y = 0.5;
  else
    y = std::clamp(y, half, 1.0 - half);
  m_center = QPointF(x, y);
}

} // namespace streetlens::ui
