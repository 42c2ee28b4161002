#pragma once
// Reference computations for tests, written independently of core/geo: the great-circle distance
// by the spherical law of cosines in long double (the app uses the haversine form), on the same
// mean Earth radius. Header-only, any thread.
#include "core/geo/GeoPoint.h"

#include <algorithm>
#include <cmath>

namespace streetlens::test {

inline double cosineLawKm(geo::GeoPoint a, geo::GeoPoint b) {
  const long double d = 3.14159265358979323846264338327950288L / 180.0L;
  const long double c = std::sin(a.lat * d) * std::sin(b.lat * d) +
                        std::cos(a.lat * d) * std::cos(b.lat * d) * std::cos((b.lon - a.lon) * d);
  return double(6371.0088L * std::acos(std::clamp(c, -1.0L, 1.0L)));
}

} // namespace streetlens::test
