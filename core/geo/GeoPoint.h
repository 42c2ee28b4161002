#pragma once
// GeoPoint: a WGS84 latitude/longitude pair in degrees, plus the few conversions every geo
// routine needs (longitude normalisation, 3-D unit vectors). Plain value type, any thread.
#include <array>
#include <cmath>

namespace streetlens::geo {

// Mean Earth radius (IUGG R1) used for every great-circle distance in the app.
inline constexpr double kEarthRadiusKm = 6371.0088;
inline constexpr double kPi = 3.14159265358979323846;

inline constexpr double degToRad(double deg) {
  return deg * (kPi / 180.0);
}
inline constexpr double radToDeg(double rad) {
  return rad * (180.0 / kPi);
}

struct GeoPoint {
  double lat = 0.0; // degrees, north positive, [-90, 90]
  double lon = 0.0; // degrees, east positive, normally [-180, 180]

  // True when both values are finite and lat is within [-90, 90] and lon within [-180, 180].
  bool isValid() const;
  friend bool operator==(const GeoPoint &, const GeoPoint &) = default;
};

// Maps any finite longitude to [-180, 180); 180 becomes -180.
double normalizeLongitude(double lon);

// Unit vector (x towards lon 0 on the equator, z towards the north pole).
std::array<double, 3> toUnitVector(GeoPoint p);
// Inverse of toUnitVector; the vector need not be normalised but must not be zero.
GeoPoint fromVector(const std::array<double, 3> &v);

} // namespace streetlens::geo
