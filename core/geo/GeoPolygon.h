#pragma once
// Polygons on lon/lat for borders: GeoRing (one closed ring), GeoPolygon (outer ring + holes) and
// GeoMultiPolygon (a country's parts). Containment is ray casting in the lon/lat plane (edges are
// treated as straight in degrees, as Natural Earth's data is drawn) after a bounding-box check.
//
// Antimeridian: rings whose consecutive vertices jump by more than 180 degrees of longitude
// (Russia's Chukotka, Fiji, Antarctica in world-atlas, which stitches Natural Earth's cuts) are
// unwrapped on construction so that longitudes are continuous; they may then leave [-180, 180]
// (e.g. 170 .. 190). A ring that goes once around a pole (Antarctica) is closed along that pole.
// Queries test the point at lon, lon + 360 and lon - 360, so callers pass ordinary longitudes.
// Immutable after construction; const methods are safe from any thread.
#include "core/geo/GeoBounds.h"
#include "core/geo/GeoPoint.h"

#include <QVector>
#include <array>
#include <limits>

namespace streetlens::geo {

class GeoRing {
public:
  GeoRing() = default;
  // Vertices in order, closed or not (a final vertex equal to the first is dropped). Fewer than
  // three distinct vertices give an empty ring that contains nothing.
  static GeoRing fromPoints(QVector<GeoPoint> points);

  bool isEmpty() const { return m_points.size() < 3; }
  // Unwrapped vertices (implicitly closed). For a polar ring this includes the vertices added
  // along the pole; realEdgeCount() tells how many edges (from vertex 0) are original.
  const QVector<GeoPoint> &points() const { return m_points; }
  int realEdgeCount() const { return m_realEdges; }
  bool isPolar() const { return m_polar; }
  const GeoBounds &bounds() const { return m_bounds; }
  // Unwrapped longitude range of points().
  double minLon() const { return m_minLon; }
  double maxLon() const { return m_maxLon; }

  bool contains(GeoPoint p) const;
  // Great-circle distance in km from p to the nearest original edge (infinity when empty).
  double distanceKm(GeoPoint p) const;

private:
  bool planarContains(double x, double y) const;

  QVector<GeoPoint> m_points;
  QVector<std::array<double, 3>> m_vectors; // unit vectors of m_points, for distances
  int m_realEdges = 0;
  bool m_polar = false;
  double m_minLon = 0, m_maxLon = 0, m_minLat = 0, m_maxLat = 0;
  GeoBounds m_bounds;
};

class GeoPolygon {
public:
  GeoPolygon() = default;
  // rings[0] is the outer ring, the rest are holes. Empty holes are dropped.
  explicit GeoPolygon(QVector<GeoRing> rings);

  bool isEmpty() const { return m_rings.isEmpty() || m_rings.front().isEmpty(); }
  const QVector<GeoRing> &rings() const { return m_rings; }
  const GeoRing &outer() const { return m_rings.front(); }
  const GeoBounds &bounds() const { return m_bounds; }

  // Inside the outer ring and outside every hole.
  bool contains(GeoPoint p) const;
  // Distance to the nearest edge of any ring, skipping rings whose bounds are farther than
  // maxKm (then infinity is returned when nothing is within maxKm).
  double distanceKm(GeoPoint p, double maxKm = std::numeric_limits<double>::infinity()) const;

private:
  QVector<GeoRing> m_rings;
  GeoBounds m_bounds;
};

class GeoMultiPolygon {
public:
  GeoMultiPolygon() = default;
  explicit GeoMultiPolygon(QVector<GeoPolygon> polygons);

  bool isEmpty() const { return m_polygons.isEmpty(); }
  const QVector<GeoPolygon> &polygons() const { return m_polygons; }
  const GeoBounds &bounds() const { return m_bounds; }
  int vertexCount() const;

  bool contains(GeoPoint p) const;
  double distanceKm(GeoPoint p, double maxKm = std::numeric_limits<double>::infinity()) const;

private:
  QVector<GeoPolygon> m_polygons;
  GeoBounds m_bounds;
};

} // namespace streetlens::geo
