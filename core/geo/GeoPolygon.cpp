#include "core/geo/GeoPolygon.h"

#include <algorithm>
#include <cmath>

namespace streetlens::geo {

namespace {

using Vec3 = std::array<double, 3>;

double dot(const Vec3 &a, const Vec3 &b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
Vec3 cross(const Vec3 &a, const Vec3 &b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}

// Distance in km from p to the great-circle arc a-b (all unit vectors).
double arcDistanceKm(const Vec3 &p, const Vec3 &a, const Vec3 &b) {
  const Vec3 n = cross(a, b);
  const double nn = std::sqrt(dot(n, n));
  auto chordToKm = [](const Vec3 &u, const Vec3 &v) {
    const Vec3 c = cross(u, v);
    return kEarthRadiusKm * std::atan2(std::sqrt(dot(c, c)), dot(u, v));
  };
  if (nn > 1e-15) {
    const Vec3 un{n[0] / nn, n[1] / nn, n[2] / nn};
    const double s = dot(p, un);
    const Vec3 proj{p[0] - s * un[0], p[1] - s * un[1], p[2] - s * un[2]};
    // The foot of the perpendicular lies on the arc when it is "after" a and "before" b.
    if (dot(cross(a, proj), un) >= 0.0 && dot(cross(proj, b), un) >= 0.0)
      return kEarthRadiusKm * std::abs(std::asin(std::clamp(s, -1.0, 1.0)));
  }
  return std::min(chordToKm(p, a), chordToKm(p, b));
}

} // namespace

GeoRing GeoRing::fromPoints(QVector<GeoPoint> points) {
  GeoRing r;
  // Drop invalid vertices and consecutive duplicates, and the closing duplicate.
  QVector<GeoPoint> pts;
  pts.reserve(points.size() + 3);
  for (const GeoPoint &p : points) {
    if (!std::isfinite(p.lat) || !std::isfinite(p.lon) || std::abs(p.lat) > 90.0)
      continue;
    if (!pts.isEmpty() && pts.back() == p)
      continue;
    pts.push_back(p);
  }
  if (pts.size() > 1 && pts.front().lat == pts.back().lat &&
      normalizeLongitude(pts.front().lon - pts.back().lon) == 0.0)
    pts.pop_back();
  if (pts.size() < 3)
    return r;

  pts[0].lon = normalizeLongitude(pts[0].lon);
  for (int i = 1; i < pts.size(); ++i)
    pts[i].lon = pts[i - 1].lon + normalizeLongitude(pts[i].lon - pts[i - 1].lon);
  r.m_realEdges = int(pts.size());
  // The closing edge must not jump either; if following it would end 360 degrees away from the
  // start, the ring winds around a pole: close it along that pole.
  const double closingLon = pts.back().lon + normalizeLongitude(pts.front().lon - pts.back().lon);
  if (std::abs(closingLon - pts.front().lon) > 180.0) {
    double meanLat = 0.0;
    for (const GeoPoint &p : pts)
      meanLat += p.lat;
    const double pole = meanLat < 0.0 ? -90.0 : 90.0;
    pts.push_back({pts.front().lat, closingLon});
    pts.push_back({pole, closingLon});
    pts.push_back({pole, pts.front().lon});
    r.m_polar = true;
  }

  r.m_minLon = r.m_maxLon = pts.front().lon;
  r.m_minLat = r.m_maxLat = pts.front().lat;
  r.m_vectors.reserve(pts.size());
  for (const GeoPoint &p : pts) {
    r.m_minLon = std::min(r.m_minLon, p.lon);
    r.m_maxLon = std::max(r.m_maxLon, p.lon);
    r.m_minLat = std::min(r.m_minLat, p.lat);
    r.m_maxLat = std::max(r.m_maxLat, p.lat);
    r.m_vectors.push_back(toUnitVector(p));
  }
  r.m_bounds = GeoBounds::fromUnwrapped(r.m_minLat, r.m_minLon, r.m_maxLat, r.m_maxLon);
  r.m_points = std::move(pts);
  return r;
}

bool GeoRing::planarContains(double x, double y) const {
  // Crossing-number test with half-open edges (a vertex exactly on the ray counts once).
  bool inside = false;
  const qsizetype n = m_points.size();
  for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
    const GeoPoint &a = m_points[i], &b = m_points[j];
    if ((a.lat > y) != (b.lat > y)) {
      const double xCross = a.lon + (y - a.lat) * (b.lon - a.lon) / (b.lat - a.lat);
      if (x < xCross)
        inside = !inside;
    }
  }
  return inside;
}

bool GeoRing::contains(GeoPoint p) const {
  if (isEmpty() || !std::isfinite(p.lat) || !std::isfinite(p.lon))
    return false;
  if (p.lat < m_minLat || p.lat > m_maxLat)
    return false;
  const double lon = normalizeLongitude(p.lon);
  for (double shift : {0.0, 360.0, -360.0}) {
    const double x = lon + shift;
    if (x >= m_minLon && x <= m_maxLon && planarContains(x, p.lat))
      return true;
  }
  return false;
}

double GeoRing::distanceKm(GeoPoint p) const {
  double best = std::numeric_limits<double>::infinity();
  if (isEmpty())
    return best;
  const Vec3 v = toUnitVector(p);
  const qsizetype n = m_vectors.size();
  for (int e = 0; e < m_realEdges; ++e) {
    const Vec3 &a = m_vectors[e];
    const Vec3 &b = m_vectors[(e + 1) % n];
    best = std::min(best, arcDistanceKm(v, a, b));
  }
  return best;
}

GeoPolygon::GeoPolygon(QVector<GeoRing> rings) {
  for (qsizetype i = 0; i < rings.size(); ++i) {
    if (i > 0 && rings[i].isEmpty())
      continue;
    m_rings.push_back(std::move(rings[i]));
  }
  if (!m_rings.isEmpty())
    m_bounds = m_rings.front().bounds();
}

bool GeoPolygon::contains(GeoPoint p) const {
  if (isEmpty() || !outer().contains(p))
    return false;
  for (qsizetype i = 1; i < m_rings.size(); ++i)
    if (m_rings[i].contains(p))
      return false;
  return true;
}

double GeoPolygon::distanceKm(GeoPoint p, double maxKm) const {
  double best = std::numeric_limits<double>::infinity();
  for (const GeoRing &r : m_rings) {
    const double limit = std::min(best, maxKm);
    if (std::isfinite(limit) && !r.bounds().expandedKm(limit).contains(p))
      continue;
    best = std::min(best, r.distanceKm(p));
  }
  return best <= maxKm ? best : std::numeric_limits<double>::infinity();
}

GeoMultiPolygon::GeoMultiPolygon(QVector<GeoPolygon> polygons) {
  for (GeoPolygon &p : polygons) {
    if (p.isEmpty())
      continue;
    m_bounds = m_bounds.united(p.bounds());
    m_polygons.push_back(std::move(p));
  }
}

int GeoMultiPolygon::vertexCount() const {
  int n = 0;
  for (const GeoPolygon &p : m_polygons)
    for (const GeoRing &r : p.rings())
      n += int(r.points().size());
  return n;
}

bool GeoMultiPolygon::contains(GeoPoint p) const {
  if (!m_bounds.contains({p.lat, normalizeLongitude(p.lon)}))
    return false;
  for (const GeoPolygon &poly : m_polygons)
    if (poly.bounds().contains({p.lat, normalizeLongitude(p.lon)}) && poly.contains(p))
      return true;
  return false;
}

double GeoMultiPolygon::distanceKm(GeoPoint p, double maxKm) const {
  double best = std::numeric_limits<double>::infinity();
  for (const GeoPolygon &poly : m_polygons)
    best = std::min(best, poly.distanceKm(p, std::min(best, maxKm)));
  return best <= maxKm ? best : std::numeric_limits<double>::infinity();
}

} // namespace streetlens::geo
