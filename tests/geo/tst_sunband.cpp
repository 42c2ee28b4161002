// The shadow's sun band (core/geo/SunBand) and its constraint (core/analysis/GeoConstraint): the
// band's grid holds exactly the cells whose sun elevation is within the tolerance — checked cell by
// cell against the band's own test and against an independent sun (tests/support/AlmanacSun.h) —
// the shadow ratio's elevation, zoned ISO 8601 times, the GeoJSON and the constraint.
#include "core/analysis/GeoConstraint.h"
#include "core/geo/SunBand.h"
#include "tests/support/AlmanacSun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

using namespace streetlens;
using namespace streetlens::geo;

class TestSunBand : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void shadowRatio_data();
  void shadowRatio();
  void zonedTime_data();
  void zonedTime();
  void gridHoldsExactlyTheBand_data();
  void gridHoldsExactlyTheBand();
  void azimuthBand();
  void geoJson();
  void constraint();
};

// Right triangles with known angles: a shadow sqrt(3) times the height means a sun at 30°.
void TestSunBand::shadowRatio_data() {
  QTest::addColumn<double>("ratio");
  QTest::addColumn<double>("elevation");
  QTest::newRow("equal: 45") << 1.0 << 45.0;
  QTest::newRow("sqrt3: 30") << std::sqrt(3.0) << 30.0;
  QTest::newRow("1/sqrt3: 60") << 1.0 / std::sqrt(3.0) << 60.0;
  QTest::newRow("long shadow (2+sqrt3): 15") << 2.0 + std::sqrt(3.0) << 15.0;
  QTest::newRow("short shadow (2-sqrt3): 75") << 2.0 - std::sqrt(3.0) << 75.0;
}

void TestSunBand::shadowRatio() {
  QFETCH(double, ratio);
  QFETCH(double, elevation);
  QVERIFY(std::fabs(elevationFromShadowRatio(ratio) - elevation) < 1e-9);
}

void TestSunBand::zonedTime_data() {
  QTest::addColumn<QString>("text");
  QTest::addColumn<QString>("utc"); // empty: an error is expected
  QTest::addColumn<QString>("errorPart");
  QTest::newRow("Z") << "2024-06-21T09:30:00Z"
                     << "2024-06-21T09:30:00.000Z"
                     << "";
  QTest::newRow("lower z, no seconds") << "2024-06-21T09:30z"
                                       << "2024-06-21T09:30:00.000Z"
                                       << "";
  QTest::newRow("+02:00") << "2024-06-21T11:30:00+02:00"
                          << "2024-06-21T09:30:00.000Z"
                          << "";
  QTest::newRow("-0330 and a space") << "2024-06-21 06:00:00-0330"
                                     << "2024-06-21T09:30:00.000Z"
                                     << "";
  QTest::newRow("+05:45 Nepal") << "2024-06-21T15:15:00+05:45"
                                << "2024-06-21T09:30:00.000Z"
                                << "";
  QTest::newRow("fraction") << "2024-06-21T09:30:00.25Z"
                            << "2024-06-21T09:30:00.250Z"
                            << "";
  QTest::newRow("across midnight") << "2024-01-01T01:00:00+03:00"
                                   << "2023-12-31T22:00:00.000Z"
                                   << "";
  QTest::newRow("+14 hours, Kiribati") << "2024-03-01T00:00:00+14"
                                       << "2024-02-29T10:00:00.000Z"
                                       << "";
  QTest::newRow("no zone") << "2024-06-21T09:30:00"
                           << ""
                           << "no time zone";
  QTest::newRow("date only") << "2024-06-21"
                             << ""
                             << "not an ISO 8601";
  QTest::newRow("Feb 30") << "2023-02-30T10:00:00Z"
                          << ""
                          << "not a valid date";
  QTest::newRow("Feb 29 of a common year") << "1900-02-29T10:00:00Z"
                                           << ""
                                           << "not a valid date";
  QTest::newRow("hour 24") << "2024-06-21T24:00:00Z"
                           << ""
                           << "not a valid date";
  QTest::newRow("offset +15:00") << "2024-06-21T09:30:00+15:00"
                                 << ""
                                 << "out of range";
  QTest::newRow("words") << "noon"
                         << ""
                         << "not an ISO 8601";
}

void TestSunBand::zonedTime() {
  QFETCH(QString, text);
  QFETCH(QString, utc);
  QFETCH(QString, errorPart);
  QString error;
  const auto t = parseZonedTime(text, &error);
  if (utc.isEmpty()) {
    QVERIFY(!t);
    QVERIFY2(error.contains(errorPart) && error.contains(text), qPrintable(error));
    return;
  }
  QVERIFY2(t, qPrintable(error));
  QCOMPARE(t->toUTC().toString(Qt::ISODateWithMs), utc);
}

void TestSunBand::gridHoldsExactlyTheBand_data() {
  QTest::addColumn<QString>("time");
  QTest::addColumn<double>("elevation");
  QTest::addColumn<double>("tolerance");
  QTest::addColumn<double>("grid");
  QTest::newRow("June solstice morning, 40 deg, 1 deg grid") << "2024-06-21T09:30:00Z" << 40.0 << 1.0 << 1.0;
  QTest::newRow("December, low sun, 0.5 deg grid") << "2023-12-21T16:00:00+01:00" << 8.0 << 0.5 << 0.5;
  QTest::newRow("equinox, high sun, 2 deg tolerance") << "2024-03-20T12:00:00Z" << 75.0 << 2.0 << 1.0;
  QTest::newRow("1900, ratio 1") << "1900-07-01T06:00:00Z" << 45.0 << 1.0 << 2.0;
}

void TestSunBand::gridHoldsExactlyTheBand() {
  QFETCH(QString, time);
  QFETCH(double, elevation);
  QFETCH(double, tolerance);
  QFETCH(double, grid);
  QString error;
  const auto t = parseZonedTime(time, &error);
  QVERIFY2(t, qPrintable(error));
  SunObservation o;
  o.time = *t;
  o.elevationDeg = elevation;
  o.toleranceDeg = tolerance;
  const SunBand band(o);
  const GeoMultiPolygon cells = band.toMultiPolygon(grid);
  QVERIFY(!cells.isEmpty());
  int inside = 0, checked = 0;
  for (double lat = 90 - grid / 2; lat > -90; lat -= grid)
    for (double lon = -180 + grid / 2; lon < 180; lon += grid) {
      const GeoPoint p{lat, lon};
      const bool inGrid = cells.contains(p);
      // Exactly the cells the band's own test keeps...
      QVERIFY2(inGrid == band.contains(p), qPrintable(QStringLiteral("%1,%2").arg(lat).arg(lon)));
      // ...which are those whose sun elevation is within the tolerance by the independent sun,
      // away from the edge (where the two models, 0.02° apart, may disagree).
      const double ref = test::almanacSun(*t, lat, lon).elevationDeg;
      const double margin = std::fabs(std::fabs(ref - elevation) - tolerance);
      if (margin > 0.05) {
        QVERIFY2(inGrid == (std::fabs(ref - elevation) <= tolerance),
                 qPrintable(QStringLiteral("%1,%2: independent elevation %3").arg(lat).arg(lon).arg(ref)));
        ++checked;
      }
      inside += inGrid;
    }
  QVERIFY(inside > 0);
  QVERIFY(checked > 0.9 * (180 / grid) * (360 / grid));
}

// With the shadow's direction only the part of the ring where the sun stood opposite the shadow is
// left: a shadow pointing north-west in the morning (sun in the south-east).
void TestSunBand::azimuthBand() {
  QString error;
  const QDateTime t = *parseZonedTime(QStringLiteral("2024-06-21T09:30:00+02:00"), &error);
  const GeoPoint budapest{47.4979, 19.0402};
  const SunPosition s = sunPosition(t, budapest);
  SunObservation o;
  o.time = t;
  o.elevationDeg = s.elevationDeg;
  o.toleranceDeg = 1.0;
  o.shadowAzimuthDeg = std::fmod(s.azimuthDeg + 180.0, 360.0);
  o.azimuthToleranceDeg = 5.0;
  const SunBand band(o);
  QVERIFY(band.contains(budapest));
  QVERIFY(std::fabs(*band.sunAzimuthDeg() - s.azimuthDeg) < 1e-9);
  const SunBand ringOnly([&] {
    SunObservation r = o;
    r.shadowAzimuthDeg.reset();
    return r;
  }());
  const GeoMultiPolygon withDirection = band.toMultiPolygon(1.0), ring = ringOnly.toMultiPolygon(1.0);
  int inRing = 0, inBoth = 0;
  for (double lat = -89.5; lat < 90; lat += 1.0)
    for (double lon = -179.5; lon < 180; lon += 1.0) {
      const GeoPoint p{lat, lon};
      const bool r = ring.contains(p), d = withDirection.contains(p);
      QVERIFY(!d || r); // the direction only narrows the ring
      if (r) {
        ++inRing;
        const double az = test::almanacSun(t, lat, lon).azimuthDeg;
        const double off = std::fabs(std::remainder(az - s.azimuthDeg, 360.0));
        if (std::fabs(off - 5.0) > 0.05)
          QCOMPARE(d, off <= 5.0);
      }
      inBoth += d;
    }
  QVERIFY(inBoth > 0 && inBoth < inRing / 4);
}

void TestSunBand::geoJson() {
  QString error;
  SunObservation o;
  o.time = *parseZonedTime(QStringLiteral("2024-06-21T11:30:00+02:00"), &error);
  o.timeSource = QStringLiteral("analyst");
  o.shadowRatio = 1.0;
  o.elevationDeg = elevationFromShadowRatio(1.0);
  o.toleranceDeg = 1.0;
  const SunBand band(o);
  const QJsonObject f = QJsonDocument::fromJson(sunBandGeoJson(band, 2.0)).object();
  QCOMPARE(f.value(QStringLiteral("type")).toString(), QStringLiteral("Feature"));
  const QJsonObject g = f.value(QStringLiteral("geometry")).toObject();
  QCOMPARE(g.value(QStringLiteral("type")).toString(), QStringLiteral("MultiPolygon"));
  const QJsonObject props = f.value(QStringLiteral("properties")).toObject();
  QCOMPARE(props.value(QStringLiteral("time")).toString(), QStringLiteral("2024-06-21T11:30:00+02:00"));
  QCOMPARE(props.value(QStringLiteral("time_utc")).toString(), QStringLiteral("2024-06-21T09:30:00Z"));
  QCOMPARE(props.value(QStringLiteral("time_source")).toString(), QStringLiteral("analyst"));
  QCOMPARE(props.value(QStringLiteral("shadow_ratio")).toDouble(), 1.0);
  // Read back as the constraint's areas: the same cells.
  const auto areas = parseGeoJsonAreas(sunBandGeoJson(band, 2.0), QStringLiteral("band"), &error);
  QVERIFY2(areas && areas->size() == 1, qPrintable(error));
  const GeoMultiPolygon cells = band.toMultiPolygon(2.0);
  QCOMPARE(areas->front().polygons().size(), cells.polygons().size());
  for (double lat = -89; lat < 90; lat += 2.0)
    for (double lon = -179; lon < 180; lon += 2.0)
      QCOMPARE(areas->front().contains({lat, lon}), band.contains({lat, lon}));
}

// A band is an area of the constraint: a point is allowed when it lies in every band (and the
// other areas), and the description records the time, its source and the measurement.
void TestSunBand::constraint() {
  QString error;
  SunObservation o;
  o.time = *parseZonedTime(QStringLiteral("2024-06-21T09:30:00Z"), &error);
  o.timeSource = QStringLiteral("EXIF DateTimeOriginal + OffsetTimeOriginal");
  o.shadowRatio = 0.8;
  o.elevationDeg = elevationFromShadowRatio(0.8);
  o.toleranceDeg = 1.5;
  GeoConstraint c;
  QVERIFY(c.isEmpty());
  c.sunBands << SunBand(o);
  QVERIFY(!c.isEmpty() && c.hasAreas());
  for (double lat = -85; lat < 90; lat += 5)
    for (double lon = -175; lon < 180; lon += 5)
      QCOMPARE(c.allowsPoint({lat, lon}), c.sunBands.front().contains({lat, lon}));
  // And with a circle around a point of the band at 45° N: only the part of the band near it.
  GeoPoint centre{45.0, 0.0};
  for (double lon = -180; lon < 180 && !c.sunBands.front().contains(centre); lon += 0.1)
    centre.lon = lon;
  QVERIFY(c.sunBands.front().contains(centre));
  c.near << GeoCircle{centre, 300};
  int both = 0;
  for (double lat = 35; lat < 55; lat += 0.25)
    for (double lon = centre.lon - 10; lon < centre.lon + 10; lon += 0.25) {
      // Spherical law of cosines (the constraint uses the haversine).
      const double km =
          6371.0088 *
          std::acos(std::clamp(std::sin(lat * test::kRad) * std::sin(centre.lat * test::kRad) +
                                   std::cos(lat * test::kRad) * std::cos(centre.lat * test::kRad) *
                                       std::cos((lon - centre.lon) * test::kRad),
                               -1.0, 1.0));
      if (std::fabs(km - 300) < 0.01)
        continue;
      QCOMPARE(c.allowsPoint({lat, lon}), km <= 300 && c.sunBands.front().contains({lat, lon}));
      both += c.allowsPoint({lat, lon});
    }
  QVERIFY(both > 0);
  const QString d = c.describe();
  QVERIFY2(d.contains(QStringLiteral("shadow ratio 0.8")) &&
               d.contains(QStringLiteral("2024-06-21T09:30:00Z")) &&
               d.contains(QStringLiteral("OffsetTimeOriginal")) && d.contains(QStringLiteral("± 1.5°")),
           qPrintable(d));
}

QTEST_GUILESS_MAIN(TestSunBand)
#include "tst_sunband.moc"
