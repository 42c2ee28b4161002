// Solar position (core/geo/SolarPosition) against published reference values — NREL's SPA paper
// (Reda & Andreas 2008, its worked example), Meeus' "Astronomical Algorithms" (examples 7.a-7.b,
// 25.a, 28.a) — and, for a table of times and places across both hemispheres, polar day and night
// and four centuries' leap-year rules, against an independent implementation written here from
// different equations: the Astronomical Almanac's low-precision sun (Michalsky 1988: mean
// longitude and anomaly linear in days, right ascension by atan2, hour angle from sidereal time)
// and Saemundsson's refraction formula.
#include "core/geo/SolarPosition.h"
#include "tests/support/AlmanacSun.h"

#include <QTest>
#include <QTimeZone>
#include <cmath>

using namespace streetlens::geo;
using streetlens::test::almanacSun;
using streetlens::test::AlmanacSun;
using streetlens::test::kRad;

namespace {

double angleBetween(double a, double b) {
  const double d = std::fmod(std::fabs(a - b), 360.0);
  return d > 180.0 ? 360.0 - d : d;
}

QDateTime at(const char *iso) {
  const QDateTime t = QDateTime::fromString(QLatin1String(iso), Qt::ISODateWithMs);
  Q_ASSERT(t.isValid() && t.timeSpec() != Qt::LocalTime);
  return t;
}

} // namespace

class TestSolarPosition : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void julianDay_data();
  void julianDay();
  void meeusSun();
  void published_data();
  void published();
  void againstAlmanac_data();
  void againstAlmanac();
  void refraction_data();
  void refraction();
  void subsolarPointHasTheSunOverhead_data();
  void subsolarPointHasTheSunOverhead();
};

// Meeus, Astronomical Algorithms, chapter 7 (examples 7.a, 7.b and the table after them).
void TestSolarPosition::julianDay_data() {
  QTest::addColumn<QDateTime>("time");
  QTest::addColumn<double>("jd");
  QTest::newRow("sputnik 1957-10-04.81") << at("1957-10-04T19:26:24Z") << 2436116.31;
  QTest::newRow("J2000.0") << at("2000-01-01T12:00:00Z") << 2451545.0;
  QTest::newRow("1999-01-01.0") << at("1999-01-01T00:00:00Z") << 2451179.5;
  QTest::newRow("1987-01-27.0") << at("1987-01-27T00:00:00Z") << 2446822.5;
  QTest::newRow("1987-06-19.5") << at("1987-06-19T12:00:00Z") << 2446966.0;
  QTest::newRow("1988-01-27.0") << at("1988-01-27T00:00:00Z") << 2447187.5;
  QTest::newRow("1988-06-19.5") << at("1988-06-19T12:00:00Z") << 2447332.0;
  QTest::newRow("1900-01-01.0") << at("1900-01-01T00:00:00Z") << 2415020.5;
  QTest::newRow("1600-01-01.0") << at("1600-01-01T00:00:00Z") << 2305447.5;
  QTest::newRow("1600-12-31.0 (1600 is a leap year)") << at("1600-12-31T00:00:00Z") << 2305812.5;
  // 1900 and 2100 are not leap years, 2000 is: March 1 follows Jan 1 by 59 or 60 days.
  QTest::newRow("1900-03-01 (no Feb 29)") << at("1900-03-01T00:00:00Z") << 2415020.5 + 59;
  QTest::newRow("2000-03-01 (Feb 29)") << at("2000-03-01T00:00:00Z") << 2451544.5 + 60;
  QTest::newRow("SPA example, UT 19:30:30") << at("2003-10-17T12:30:30-07:00") << 2452930.312847;
}

void TestSolarPosition::julianDay() {
  QFETCH(QDateTime, time);
  QFETCH(double, jd);
  QVERIFY2(std::fabs(streetlens::geo::julianDay(time) - jd) < 1e-5,
           qPrintable(QString::number(streetlens::geo::julianDay(time), 'f', 6)));
}

// Meeus example 25.a (1992 October 13.0 TD): apparent longitude 199.90895°, right ascension
// 198.38083°, declination -7.78507°; example 28.a, the same day: equation of time 13m 42.6s.
void TestSolarPosition::meeusSun() {
  const SunEphemeris e = sunEphemeris(at("1992-10-13T00:00:00Z"));
  QVERIFY2(std::fabs(e.apparentLongitudeDeg - 199.90895) < 0.002,
           qPrintable(QString::number(e.apparentLongitudeDeg)));
  QVERIFY2(std::fabs(e.rightAscensionDeg - 198.38083) < 0.002,
           qPrintable(QString::number(e.rightAscensionDeg)));
  QVERIFY2(std::fabs(e.declinationDeg - -7.78507) < 0.002, qPrintable(QString::number(e.declinationDeg)));
  QVERIFY2(std::fabs(e.equationOfTimeMin - (13 + 42.6 / 60)) < 0.05,
           qPrintable(QString::number(e.equationOfTimeMin)));
}

// Published zenith and azimuth. SPA's example: its zenith is topocentric with the refraction of
// 820 hPa and 11 °C, which differ from this model by under 0.006°.
void TestSolarPosition::published_data() {
  QTest::addColumn<QDateTime>("time");
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<double>("zenith");
  QTest::addColumn<double>("azimuth");
  QTest::newRow("SPA paper, Golden CO")
      << at("2003-10-17T12:30:30-07:00") << 39.742476 << -105.1786 << 50.11162 << 194.34024;
}

void TestSolarPosition::published() {
  QFETCH(QDateTime, time);
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(double, zenith);
  QFETCH(double, azimuth);
  const SunPosition s = sunPosition(time, {lat, lon});
  QVERIFY2(std::fabs(90.0 - s.elevationDeg - zenith) < 0.05,
           qPrintable(QString::number(90.0 - s.elevationDeg, 'f', 5)));
  QVERIFY2(angleBetween(s.azimuthDeg, azimuth) < 0.05, qPrintable(QString::number(s.azimuthDeg, 'f', 5)));
}

void TestSolarPosition::againstAlmanac_data() {
  QTest::addColumn<QDateTime>("time");
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<int>("expectSign"); // +1 the sun is up, -1 down, 0 either
  // Both hemispheres, all four quadrants of azimuth.
  QTest::newRow("Budapest morning, June solstice")
      << at("2024-06-21T09:30:00+02:00") << 47.4979 << 19.0402 << 1;
  QTest::newRow("Sydney afternoon, June") << at("2024-06-21T15:00:00+10:00") << -33.8688 << 151.2093 << 1;
  QTest::newRow("Buenos Aires noon, December")
      << at("2023-12-22T12:00:00-03:00") << -34.6037 << -58.3816 << 1;
  QTest::newRow("Quito, equinox noon") << at("2024-03-20T12:00:00-05:00") << -0.1807 << -78.4678 << 1;
  QTest::newRow("Nairobi morning") << at("2021-09-05T07:15:00+03:00") << -1.2921 << 36.8219 << 1;
  QTest::newRow("Cape Town evening") << at("2022-01-15T19:00:00+02:00") << -33.9249 << 18.4241 << 1;
  QTest::newRow("Anchorage, just after sunset")
      << at("2019-11-30T16:30:00-09:00") << 61.2181 << -149.9003 << -1;
  QTest::newRow("Auckland, across the antimeridian")
      << at("2020-02-29T08:00:00+13:00") << -36.8485 << 174.7633 << 1;
  QTest::newRow("Fiji, west of the antimeridian")
      << at("2020-07-01T17:00:00+12:00") << -18.1248 << 178.4501 << 1;
  QTest::newRow("Honolulu night") << at("2018-05-05T23:00:00-10:00") << 21.3069 << -157.8583 << -1;
  // Polar day and night.
  QTest::newRow("North Pole, June midnight UTC: day") << at("2024-06-21T00:00:00Z") << 90.0 << 0.0 << 1;
  QTest::newRow("North Pole, December: night") << at("2024-12-21T12:00:00Z") << 90.0 << 0.0 << -1;
  QTest::newRow("Tromsø midnight sun") << at("2023-06-25T00:30:00+02:00") << 69.6492 << 18.9553 << 1;
  QTest::newRow("Tromsø polar night noon") << at("2023-12-21T12:00:00+01:00") << 69.6492 << 18.9553 << -1;
  QTest::newRow("McMurdo midnight sun") << at("2022-12-21T00:00:00+13:00") << -77.8463 << 166.6682 << 1;
  QTest::newRow("McMurdo polar night") << at("2022-06-21T12:00:00+12:00") << -77.8463 << 166.6682 << -1;
  QTest::newRow("South Pole, December") << at("2022-12-10T06:00:00Z") << -90.0 << 0.0 << 1;
  // Centuries and leap-year rules: 1800, 1900 and 2100 are not leap years; 2000 is.
  QTest::newRow("1800-02-28 London") << at("1800-02-28T12:00:00Z") << 51.4779 << -0.0015 << 1;
  QTest::newRow("1800-03-01 London") << at("1800-03-01T12:00:00Z") << 51.4779 << -0.0015 << 1;
  QTest::newRow("1900-03-01 Rio") << at("1900-03-01T10:00:00-03:00") << -22.9068 << -43.1729 << 1;
  QTest::newRow("1900-02-28 Tokyo") << at("1900-02-28T09:00:00+09:00") << 35.6762 << 139.6503 << 1;
  QTest::newRow("2000-02-29 Paris") << at("2000-02-29T15:00:00+01:00") << 48.8566 << 2.3522 << 1;
  QTest::newRow("2000-03-01 Paris") << at("2000-03-01T15:00:00+01:00") << 48.8566 << 2.3522 << 1;
  QTest::newRow("2100-02-28 Lima") << at("2100-02-28T14:00:00-05:00") << -12.0464 << -77.0428 << 1;
  QTest::newRow("2100-03-01 Lima") << at("2100-03-01T14:00:00-05:00") << -12.0464 << -77.0428 << 1;
  QTest::newRow("2200-08-01 Delhi") << at("2200-08-01T16:00:00+05:30") << 28.6139 << 77.2090 << 1;
  QTest::newRow("1850-12-01 Montreal, low sun")
      << at("1850-12-01T15:30:00-05:00") << 45.5017 << -73.5673 << 0;
  QTest::newRow("1700-06-01 Beijing") << at("1700-06-01T10:00:00+08:00") << 39.9042 << 116.4074 << 1;
}

void TestSolarPosition::againstAlmanac() {
  QFETCH(QDateTime, time);
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(int, expectSign);
  const SunPosition s = sunPosition(time, {lat, lon});
  const AlmanacSun ref = almanacSun(time, lat, lon);
  const QString both = QStringLiteral("ours el %1 (true %2) az %3; almanac el %4 (true %5) az %6")
                           .arg(s.elevationDeg, 0, 'f', 4)
                           .arg(s.trueElevationDeg, 0, 'f', 4)
                           .arg(s.azimuthDeg, 0, 'f', 4)
                           .arg(ref.elevationDeg, 0, 'f', 4)
                           .arg(ref.trueElevationDeg, 0, 'f', 4)
                           .arg(ref.azimuthDeg, 0, 'f', 4);
  QVERIFY2(std::fabs(s.trueElevationDeg - ref.trueElevationDeg) < 0.05, qPrintable(both));
  if (ref.trueElevationDeg > 1.0 || ref.trueElevationDeg < -1.0) // the two refraction models agree here
    QVERIFY2(std::fabs(s.elevationDeg - ref.elevationDeg) < 0.05, qPrintable(both));
  if (std::fabs(lat) < 89.99) // the azimuth is undefined at the poles
    QVERIFY2(angleBetween(s.azimuthDeg, ref.azimuthDeg) < 0.05, qPrintable(both));
  if (expectSign != 0)
    QCOMPARE(s.elevationDeg > 0 ? 1 : -1, expectSign);
}

// NOAA's refraction against Saemundsson's formula (independent fit to the same tables): within
// 0.01° from the horizon up; nothing below -0.575° (the sun is not visible) or above 85°.
void TestSolarPosition::refraction_data() {
  QTest::addColumn<double>("trueElevation");
  for (double h : {-0.5, 0.0, 0.5, 1.0, 2.0, 4.0, 5.0, 6.0, 10.0, 20.0, 30.0, 45.0, 60.0, 80.0})
    QTest::addRow("%g deg", h) << h;
}

void TestSolarPosition::refraction() {
  QFETCH(double, trueElevation);
  const double saemundsson = 1.02 / std::tan((trueElevation + 10.3 / (trueElevation + 5.11)) * kRad) / 60.0;
  const double ours = atmosphericRefractionDeg(trueElevation);
  QVERIFY2(std::fabs(ours - saemundsson) < 0.01 + 0.05 * saemundsson,
           qPrintable(QStringLiteral("%1 vs %2").arg(ours).arg(saemundsson)));
  QCOMPARE(atmosphericRefractionDeg(-2.0), 0.0);
  QCOMPARE(atmosphericRefractionDeg(89.0), 0.0);
}

void TestSolarPosition::subsolarPointHasTheSunOverhead_data() {
  QTest::addColumn<QDateTime>("time");
  QTest::newRow("June solstice") << at("2024-06-20T20:51:00Z");
  QTest::newRow("March") << at("2025-03-02T06:00:00Z");
  QTest::newRow("December") << at("1999-12-31T23:59:59Z");
}

void TestSolarPosition::subsolarPointHasTheSunOverhead() {
  QFETCH(QDateTime, time);
  const SunEphemeris e = sunEphemeris(time);
  const GeoPoint p = subsolarPoint(e);
  QVERIFY(sunPosition(e, p).trueElevationDeg > 89.999);
  // And by the independent sun.
  QVERIFY(almanacSun(time, p.lat, p.lon).trueElevationDeg > 89.95);
}

QTEST_GUILESS_MAIN(TestSolarPosition)
#include "tst_solarposition.moc"
