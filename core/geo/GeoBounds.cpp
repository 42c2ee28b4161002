#include "core/geo/GeoBounds.h"

#include <algorithm>
#include <cmath>

namespace streetlens::geo {

namespace {

// Longitude difference going east from `from` to `to`, in [0, 360).
double eastwardDelta(double from, double to) {
  double d = std::fmod(to - from, 360.0);
  if (d < 0)
    d += 360.0;
  return d;
}

} // namespace

GeoBounds GeoBounds::make(double south, double west, double north, double widthDeg) {
  GeoBounds b;
  if (!(south <= north) || !std::isfinite(west) || !std::isfinite(widthDeg))
    return b;
  b.m_empty = false;
  b.m_south = std::clamp(south, -90.0, 90.0);
  b.m_north = std::clamp(north, -90.0, 90.0);
  if (widthDeg >= 360.0) {
    b.m_west = -180.0;
    b.m_east = 180.0;
    b.m_widthDeg = 360.0;
    return b;
  }
  b.m_widthDeg = std::max(0.0, widthDeg);
  b.m_west = normalizeLongitude(west);
  b.m_east = normalizeLongitude(b.m_west + b.m_widthDeg);
  // Keep the natural spelling of a box ending exactly at the antimeridian: [..., 180].
  if (b.m_east == -180.0 && b.m_widthDeg > 0.0)
    b.m_east = 180.0;
  return b;
}

GeoBounds::GeoBounds(double south, double west, double north, double east) {
  double width = 0.0;
  if (east - west >= 360.0)
    width = 360.0;
  else
    width = eastwardDelta(west, east);
  *this = make(south, west, north, width);
}

GeoBounds GeoBounds::fromUnwrapped(double south, double minLon, double north, double maxLon) {
  if (!(minLon <= maxLon))
    return {};
  return make(south, minLon, north, maxLon - minLon);
}

GeoPoint GeoBounds::center() const {
  if (m_empty)
    return {};
  return {(m_south + m_north) / 2.0, normalizeLongitude(m_west + m_widthDeg / 2.0)};
}

bool GeoBounds::containsLon(double lon) const {
  if (m_widthDeg >= 360.0)
    return true;
  return eastwardDelta(m_west, lon) <= m_widthDeg;
}

bool GeoBounds::contains(GeoPoint p) const {
  if (m_empty || !std::isfinite(p.lat) || !std::isfinite(p.lon))
    return false;
  return p.lat >= m_south && p.lat <= m_north && containsLon(p.lon);
}

bool GeoBounds::intersects(const GeoBounds &o) const {
  if (m_empty || o.m_empty)
    return false;
  if (o.m_north < m_south || o.m_south > m_north)
    return false;
  return containsLon(o.m_west) || o.containsLon(m_west);
}

GeoBounds GeoBounds::united(const GeoBounds &o) const {
  if (m_empty)
    return o;
  if (o.m_empty)
    return *this;
  const double south = std::min(m_south, o.m_south), north = std::max(m_north, o.m_north);
  if (m_widthDeg >= 360.0 || o.m_widthDeg >= 360.0)
    return make(south, -180.0, north, 360.0);
  // The smallest covering arc starts at one of the two west edges.
  auto widthFrom = [](const GeoBounds &a, const GeoBounds &b) {
    const double offset = eastwardDelta(a.m_west, b.m_west);
    if (offset <= a.m_widthDeg)
      return std::max(a.m_widthDeg, offset + b.m_widthDeg);
    return offset + b.m_widthDeg;
  };
  const double w1 = widthFrom(*this, o), w2 = widthFrom(o, *this);
  if (w1 <= w2)
    return make(south, m_west, north, w1);
  return make(south, o.m_west, north, w2);
}

GeoBounds GeoBounds::expandedKm(double km) const {
  if (m_empty || !(km > 0.0))
    return *this;
  const double dLat = radToDeg(km / kEarthRadiusKm);
  const double south = m_south - dLat, north = m_north + dLat;
  if (south <= -90.0 || north >= 90.0)
    return make(std::max(south, -90.0), -180.0, std::min(north, 90.0), 360.0);
  const double cosLat = std::cos(degToRad(std::max(std::abs(south), std::abs(north))));
  const double dLon = std::min(180.0, dLat / std::max(cosLat, 1e-6));
  return make(south, m_west - dLon, north, m_widthDeg + 2.0 * dLon);
}

} // namespace streetlens::geo
