#include "core/geo/WebMercator.h"

#include <algorithm>
#include <cmath>

namespace streetlens::geo::mercator {

double clampLatitude(double lat) {
  if (std::isnan(lat))
    return lat;
  return std::clamp(lat, -kMaxLatitude, kMaxLatitude);
}

QPointF toWorld(GeoPoint p) {
  const double lat = degToRad(clampLatitude(p.lat));
  const double x = (p.lon + 180.0) / 360.0;
  const double y = 0.5 - std::log(std::tan(kPi / 4.0 + lat / 2.0)) / (2.0 * kPi);
  return {x, y};
}

GeoPoint fromWorld(QPointF world) {
  const double lon = world.x() * 360.0 - 180.0;
  const double lat = radToDeg(2.0 * std::atan(std::exp((0.5 - world.y()) * 2.0 * kPi)) - kPi / 2.0);
  return {clampLatitude(lat), lon};
}

QPointF toMeters(GeoPoint p) {
  const QPointF w = toWorld(p);
  return {(w.x() - 0.5) * 2.0 * kOriginShiftM, (0.5 - w.y()) * 2.0 * kOriginShiftM};
}

GeoPoint fromMeters(QPointF meters) {
  return fromWorld({meters.x() / (2.0 * kOriginShiftM) + 0.5, 0.5 - meters.y() / (2.0 * kOriginShiftM)});
}

} // namespace streetlens::geo::mercator
