#pragma once
// GeoBounds: a latitude/longitude box that may cross the antimeridian. The longitude extent is
// the arc going east from west() to east(); west() > east() means it crosses +-180. An empty box
// contains nothing; a box whose longitude arc covers 360 degrees is world-wide in longitude.
// Value type, any thread.
#include "core/geo/GeoPoint.h"

namespace streetlens::geo {

class GeoBounds {
public:
  GeoBounds() = default; // empty
  // west/east in degrees (normalised to [-180, 180]); fullLongitude() when east - west >= 360.
  GeoBounds(double south, double west, double north, double east);

  // Bounds of an unwrapped longitude interval [minLon, maxLon] (values may leave [-180, 180],
  // as the rings of GeoPolygon do) and a latitude interval.
  static GeoBounds fromUnwrapped(double south, double minLon, double north, double maxLon);

  bool isEmpty() const { return m_empty; }
  double south() const { return m_south; }
  double north() const { return m_north; }
  double west() const { return m_west; }
  double east() const { return m_east; }
  bool crossesAntimeridian() const { return !m_empty && m_west > m_east; }
  bool isFullLongitude() const { return !m_empty && m_widthDeg >= 360.0; }
  // Longitude extent in degrees, [0, 360].
  double widthDeg() const { return m_empty ? 0.0 : m_widthDeg; }
  double heightDeg() const { return m_empty ? 0.0 : m_north - m_south; }
  // Middle of the box (longitude in the middle of the arc).
  GeoPoint center() const;

  bool contains(GeoPoint p) const;
  bool intersects(const GeoBounds &other) const;

  // Smallest box (in longitude arc) containing both.
  GeoBounds united(const GeoBounds &other) const;
  GeoBounds extended(GeoPoint p) const { return united(GeoBounds(p.lat, p.lon, p.lat, p.lon)); }
  // Grown by `km` on every side (longitude growth uses the cosine of the latitude nearer a pole;
  // a box reaching within `km` of a pole becomes full-longitude).
  GeoBounds expandedKm(double km) const;

  friend bool operator==(const GeoBounds &, const GeoBounds &) = default;

private:
  static GeoBounds make(double south, double west, double north, double widthDeg);
  bool containsLon(double lon) const;

  bool m_empty = true;
  double m_south = 0, m_west = 0, m_north = 0, m_east = 0;
  double m_widthDeg = 0;
};

} // namespace streetlens::geo
