#pragma once
// An independent sun for tests: the Astronomical Almanac's low-precision algorithm (Michalsky,
// Solar Energy 40, 1988) — mean longitude and anomaly linear in days, right ascension by atan2,
// the hour angle from Greenwich mean sidereal time — and Saemundsson's refraction (1986, for
// 1010 hPa and 10 °C). Written from other equations than core/geo/SolarPosition (NOAA/Meeus), so
// that the two can check each other: they agree within about 0.02° for 1700-2200.
#include <QDateTime>
#include <cmath>

namespace streetlens::test {

inline constexpr double kRad = 3.14159265358979323846 / 180.0;

struct AlmanacSun {
  double trueElevationDeg, elevationDeg, azimuthDeg;
};

// The Astronomical Almanac's algorithm (Michalsky, Solar Energy 40, 1988), from the UTC moment.
inline AlmanacSun almanacSun(const QDateTime &utc, double latDeg, double lonDeg) {
  const QDateTime t = utc.toUTC();
  // Julian Day from the civil date (Fliegel & Van Flandern's integer formula, Gregorian calendar).
  const int y = t.date().year(), m = t.date().month(), d = t.date().day();
  const long jdn = (1461L * (y + 4800 + (m - 14) / 12)) / 4 + (367L * (m - 2 - 12 * ((m - 14) / 12))) / 12 -
                   (3L * ((y + 4900 + (m - 14) / 12) / 100)) / 4 + d - 32075;
  const double hour = t.time().msecsSinceStartOfDay() / 3600000.0;
  const double jd = double(jdn) - 0.5 + hour / 24.0;
  const double n = jd - 2451545.0;
  const double L = std::fmod(280.460 + 0.9856474 * n, 360.0);
  const double g = std::fmod(357.528 + 0.9856003 * n, 360.0) * kRad;
  const double lambda = (L + 1.915 * std::sin(g) + 0.020 * std::sin(2 * g)) * kRad;
  const double eps = (23.439 - 0.0000004 * n) * kRad;
  const double ra = std::atan2(std::cos(eps) * std::sin(lambda), std::cos(lambda));
  const double dec = std::asin(std::sin(eps) * std::sin(lambda));
  const double gmstHours = 6.697375 + 0.0657098242 * n + hour;
  const double lmst = std::fmod(gmstHours * 15.0 + lonDeg, 360.0) * kRad;
  const double ha = lmst - ra;
  const double lat = latDeg * kRad;
  const double el = std::asin(std::sin(dec) * std::sin(lat) + std::cos(dec) * std::cos(lat) * std::cos(ha));
  double az = std::atan2(-std::cos(dec) * std::sin(ha),
                         std::sin(dec) * std::cos(lat) - std::cos(dec) * std::cos(ha) * std::sin(lat));
  az = std::fmod(az / kRad + 360.0, 360.0);
  const double elDeg = el / kRad;
  // Saemundsson (1986): refraction in arc minutes from the true altitude, for 1010 hPa and 10 °C.
  const double refr = elDeg > -1.0 ? 1.02 / std::tan((elDeg + 10.3 / (elDeg + 5.11)) * kRad) / 60.0 : 0.0;
  return {elDeg, elDeg + refr, az};
}

} // namespace streetlens::test
