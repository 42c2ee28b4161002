#pragma once
// MapViewport: what part of the Web Mercator world is shown in a widget-sized pixel frame
// (centre, zoom, size), with forward/inverse transforms. A value type in the manner of QGIS's
// QgsMapSettings / Marble's ViewportParams: the widget edits its own copy and every render job
// gets a copy. Zoom z means the whole world is 256 * 2^z pixels wide (slippy-map levels). The
// centre's x is kept in [0, 1) (it wraps at the antimeridian, so panning east goes on forever);
// its y is clamped so that the map never leaves blank space beyond +-85.05 degrees when it is
// taller than the view (centred vertically otherwise). Any thread.
#include "core/geo/GeoBounds.h"
#include "core/geo/GeoPoint.h"

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>
#include <vector>

namespace streetlens::ui {

class MapViewport {
public:
  static constexpr double kTileSize = 256.0;
  static constexpr double kMinZoom = 0.0;
  static constexpr double kMaxZoom = 14.0;

  MapViewport() = default;
  MapViewport(geo::GeoPoint centre, double zoom, QSize size);

  QSize size() const { return m_size; }
  double zoom() const { return m_zoom; }
  // Centre in world coordinates ([0, 1) x [0, 1], y southwards) and as a geographic point.
  QPointF centerWorld() const { return m_center; }
  geo::GeoPoint center() const;
  // Pixels per world unit (the world's width in pixels).
  double scale() const;
  // Kilometres per pixel at the centre latitude.
  double kmPerPixel() const;

  void setSize(QSize size);
  void setZoom(double zoom);
  void setCenter(geo::GeoPoint centre);
  void setCenterWorld(QPointF world);

  // World <-> pixel for the copy of the world around the centre (x may leave [0, 1]).
  QPointF worldToPixel(QPointF world) const;
  QPointF pixelToWorld(QPointF pixel) const;
  // Geographic point -> pixel, choosing the copy of the world nearest the view centre.
  QPointF geoToPixel(geo::GeoPoint p) const;
  // Pixel -> geographic point (longitude normalised to [-180, 180)).
  geo::GeoPoint pixelToGeo(QPointF pixel) const;
  // Maps world units to pixels (for painting world-coordinate paths): pixel = T(world).
  QTransform worldTransform(double worldShift = 0.0) const;
  // The view as a world rectangle (x may leave [0, 1]).
  QRectF visibleWorldRect() const;
  // Integer shifts k for which the world copy [k, k + 1] intersects the view.
  std::vector<int> worldCopies() const;

  // Moves the map by a pixel delta (content follows the mouse: dragging right shows the west).
  void panByPixels(QPointF delta);
  // Changes the zoom by `steps` (1 step = factor 2) keeping the point under `pixel` fixed.
  void zoomAt(QPointF pixel, double steps);
  // Centre and zoom so that `bounds` fits inside the view with `marginPx` on each side, no closer
  // than maxZoom. An empty box leaves the viewport unchanged.
  void fitBounds(const geo::GeoBounds &bounds, double marginPx = 24.0, double maxZoom = 10.0);
  // The whole world, as large as fits.
  void reset();
  // Zoom at which the world fills the view's height (the smallest useful zoom).
  double fitWorldZoom() const;

  friend bool operator==(const MapViewport &, const MapViewport &) = default;

private:
  void clampCenter();

  QPointF m_center{0.5, 0.5};
  double m_zoom = 1.0;
  QSize m_size{512, 512};
};

} // namespace streetlens::ui
