#include "core/geo/GreatCircle.h"

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

double norm(const Vec3 &a) {
  return std::sqrt(dot(a, a));
}

// Angle between two unit vectors, robust near 0 and pi.
double angleBetween(const Vec3 &a, const Vec3 &b) {
  return std::atan2(norm(cross(a, b)), dot(a, b));
}

} // namespace

double haversineKm(GeoPoint a, GeoPoint b) {
  const double dLat = degToRad(b.lat - a.lat);
  const double dLon = degToRad(b.lon - a.lon);
  const double s1 = std::sin(dLat / 2), s2 = std::sin(dLon / 2);
  const double h = s1 * s1 + std::cos(degToRad(a.lat)) * std::cos(degToRad(b.lat)) * s2 * s2;
  return 2.0 * kEarthRadiusKm * std::asin(std::sqrt(std::clamp(h, 0.0, 1.0)));
}

double initialBearingDeg(GeoPoint from, GeoPoint to) {
  const double p1 = degToRad(from.lat), p2 = degToRad(to.lat);
  const double dl = degToRad(to.lon - from.lon);
  const double y = std::sin(dl) * std::cos(p2);
  const double x = std::cos(p1) * std::sin(p2) - std::sin(p1) * std::cos(p2) * std::cos(dl);
  if (std::abs(x) < 1e-15 && std::abs(y) < 1e-15)
    return 0.0;
  double deg = radToDeg(std::atan2(y, x));
  deg = std::fmod(deg + 360.0, 360.0);
  return deg >= 360.0 ? 0.0 : deg;
}

GeoPoint interpolate(GeoPoint a, GeoPoint b, double t) {
  if (t == 0.0)
    return a;
  if (t == 1.0)
    return b;
  const Vec3 va = toUnitVector(a), vb = toUnitVector(b);
  const double d = angleBetween(va, vb);
  if (d < 1e-12)
    return a;
  // Rotation axis; for (near) antipodes any great circle through both points works: use the
  // meridian of a (or lon 0 / 90 when a is a pole).
  Vec3 axis = cross(va, vb);
  if (norm(axis) < 1e-9) {
    const Vec3 helper = std::abs(va[2]) < 0.9 ? Vec3{0, 0, 1} : Vec3{1, 0, 0};
    axis = cross(va, helper);
  }
  const double n = norm(axis);
  axis = {axis[0] / n, axis[1] / n, axis[2] / n};
  // Rodrigues rotation of va about axis by t*d (va is perpendicular to axis).
  const double ang = t * d;
  const Vec3 perp = cross(axis, va);
  const Vec3 v{va[0] * std::cos(ang) + perp[0] * std::sin(ang),
               va[1] * std::cos(ang) + perp[1] * std::sin(ang),
               va[2] * std::cos(ang) + perp[2] * std::sin(ang)};
  return fromVector(v);
}

QVector<GeoPoint> greatCirclePath(GeoPoint a, GeoPoint b, int count) {
  count = std::max(2, count);
  QVector<GeoPoint> out;
  out.reserve(count);
  for (int i = 0; i < count; ++i) {
    GeoPoint p = i == 0 ? a : (i == count - 1 ? b : interpolate(a, b, double(i) / (count - 1)));
    if (!out.isEmpty()) {
      const double prev = out.back().lon;
      p.lon = prev + normalizeLongitude(p.lon - prev);
    }
    out.push_back(p);
  }
  return out;
}

std::optional<GeoPoint> sphericalMean(std::span<const GeoPoint> points, std::span<const double> weights) {
  if (points.size() != weights.size())
    return std::nullopt;
  Vec3 sum{0, 0, 0};
  double total = 0.0;
  for (size_t i = 0; i < points.size(); ++i) {
    const double w = weights[i];
    if (!(w > 0.0) || !std::isfinite(w) || !points[i].isValid())
      continue;
    const Vec3 v = toUnitVector(points[i]);
    for (int k = 0; k < 3; ++k)
      sum[k] += w * v[k];
    total += w;
  }
  if (total <= 0.0 || norm(sum) < 1e-9 * total)
    return std::nullopt;
  return fromVector(sum);
}

} // namespace streetlens::geo
