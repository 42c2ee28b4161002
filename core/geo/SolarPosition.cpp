#include "core/geo/SolarPosition.h"

#include <algorithm>
#include <cmath>

namespace streetlens::geo {

namespace {

double wrap360(double deg) {
  const double r = std::fmod(deg, 360.0);
  return r < 0 ? r + 360.0 : r;
}

double sinDeg(double deg) {
  return std::sin(degToRad(deg));
}
double cosDeg(double deg) {
  return std::cos(degToRad(deg));
}

} // namespace

double julianDay(const QDateTime &time) {
  // The Unix epoch, 1970-01-01T00:00:00Z, is JD 2440587.5.
  return 2440587.5 + double(time.toMSecsSinceEpoch()) / 86400000.0;
}

SunEphemeris sunEphemeris(const QDateTime &time) {
  SunEphemeris e;
  e.julianDay = julianDay(time);
  const double T = (e.julianDay - 2451545.0) / 36525.0;                     // Julian centuries since J2000.0
  const double L0 = wrap360(280.46646 + T * (36000.76983 + T * 0.0003032)); // geometric mean longitude
  const double M = 357.52911 + T * (35999.05029 - 0.0001537 * T);           // mean anomaly
  const double ecc = 0.016708634 - T * (0.000042037 + 0.0000001267 * T);    // Earth's orbit
  const double C = sinDeg(M) * (1.914602 - T * (0.004817 + 0.000014 * T)) +
                   sinDeg(2 * M) * (0.019993 - 0.000101 * T) + sinDeg(3 * M) * 0.000289;
  const double omega = 125.04 - 1934.136 * T; // the Moon's ascending node
  e.apparentLongitudeDeg = wrap360(L0 + C - 0.00569 - 0.00478 * sinDeg(omega));
  const double eps0 = 23.0 + (26.0 + (21.448 - T * (46.815 + T * (0.00059 - T * 0.001813))) / 60.0) / 60.0;
  e.obliquityDeg = eps0 + 0.00256 * cosDeg(omega);
  const double lambda = e.apparentLongitudeDeg, eps = e.obliquityDeg;
  e.declinationDeg = radToDeg(std::asin(sinDeg(eps) * sinDeg(lambda)));
  e.rightAscensionDeg = wrap360(radToDeg(std::atan2(cosDeg(eps) * sinDeg(lambda), cosDeg(lambda))));
  // Equation of time (Meeus 28.3, Smart's series).
  const double y = std::pow(std::tan(degToRad(eps / 2)), 2);
  const double eot = y * sinDeg(2 * L0) - 2 * ecc * sinDeg(M) + 4 * ecc * y * sinDeg(M) * cosDeg(2 * L0) -
                     0.5 * y * y * sinDeg(4 * L0) - 1.25 * ecc * ecc * sinDeg(2 * M);
  e.equationOfTimeMin = 4.0 * radToDeg(eot);
  const double dayFraction = e.julianDay + 0.5 - std::floor(e.julianDay + 0.5);
  e.utcMinutes = dayFraction * 1440.0;
  return e;
}

SunPosition sunPosition(const SunEphemeris &e, GeoPoint place) {
  SunPosition s;
  // True solar time in minutes, then the hour angle (0 at local apparent noon).
  const double trueSolarMin = e.utcMinutes + e.equationOfTimeMin + 4.0 * place.lon;
  double ha = wrap360(trueSolarMin / 4.0 - 180.0);
  if (ha > 180.0)
    ha -= 360.0;
  s.hourAngleDeg = ha;
  const double lat = degToRad(place.lat), dec = degToRad(e.declinationDeg), h = degToRad(ha);
  const double cosZenith = std::sin(lat) * std::sin(dec) + std::cos(lat) * std::cos(dec) * std::cos(h);
  s.trueElevationDeg = radToDeg(std::asin(std::clamp(cosZenith, -1.0, 1.0)));
  s.elevationDeg = s.trueElevationDeg + atmosphericRefractionDeg(s.trueElevationDeg);
  // Azimuth from the south, westward positive, turned to clockwise from north.
  s.azimuthDeg = wrap360(
      180.0 + radToDeg(std::atan2(std::sin(h), std::cos(h) * std::sin(lat) - std::tan(dec) * std::cos(lat))));
  return s;
}

SunPosition sunPosition(const QDateTime &time, GeoPoint place) {
  return sunPosition(sunEphemeris(time), place);
}

GeoPoint subsolarPoint(const SunEphemeris &e) {
  // Hour angle 0 where true solar time is 720 minutes.
  return {e.declinationDeg, normalizeLongitude((720.0 - e.utcMinutes - e.equationOfTimeMin) / 4.0)};
}

double atmosphericRefractionDeg(double trueElevationDeg) {
  const double h = trueElevationDeg;
  if (h > 85.0 || h < -0.575)
    return 0.0;
  double arcsec = 0.0;
  if (h > 5.0) {
    const double t = std::tan(degToRad(h));
    arcsec = 58.1 / t - 0.07 / (t * t * t) + 0.000086 / std::pow(t, 5);
  } else {
    arcsec = 1735.0 + h * (-518.2 + h * (103.4 + h * (-12.79 + h * 0.711)));
  }
  return arcsec / 3600.0;
}

} // namespace streetlens::geo
