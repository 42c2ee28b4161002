#include "core/geo/GeoPoint.h"

#include <algorithm>

namespace streetlens::geo {

bool GeoPoint::isValid() const {
  return std::isfinite(lat) && std::isfinite(lon) && lat >= -90.0 && lat <= 90.0 && lon >= -180.0 &&
         lon <= 180.0;
}

double normalizeLongitude(double lon) {
  if (!std::isfinite(lon))
    return lon;
  double r = std::fmod(lon + 180.0, 360.0);
  if (r < 0)
    r += 360.0;
  return r - 180.0;
}

std::array<double, 3> toUnitVector(GeoPoint p) {
  const double la = degToRad(p.lat), lo = degToRad(p.lon);
  return {std::cos(la) * std::cos(lo), std::cos(la) * std::sin(lo), std::sin(la)};
}

GeoPoint fromVector(const std::array<double, 3> &v) {
  const double n = std::sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  const double z = std::clamp(v[2] / n, -1.0, 1.0);
  GeoPoint p{radToDeg(std::asin(z)), radToDeg(std::atan2(v[1], v[0]))};
  if (std::abs(std::abs(p.lat) - 90.0) < 1e-12)
    p.lon = 0.0; // longitude is meaningless at a pole
  return p;
}

} // namespace streetlens::geo
