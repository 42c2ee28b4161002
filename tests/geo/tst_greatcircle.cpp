// Great-circle distance, bearing, interpolation, spherical mean and GeoScore.
#include "core/geo/GeoScore.h"
#include "core/geo/GreatCircle.h"

#include <QTest>
#include <cmath>
#include <vector>

using namespace streetlens::geo;

class TestGreatCircle : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void haversine_data();
  void haversine();
  void bearing_data();
  void bearing();
  void interpolation_data();
  void interpolation();
  void pathAcrossAntimeridian();
  void antipodalInterpolation();
  void sphericalMean_data();
  void sphericalMean();
  void score_data();
  void score();
};

void TestGreatCircle::haversine_data() {
  QTest::addColumn<double>("lat1");
  QTest::addColumn<double>("lon1");
  QTest::addColumn<double>("lat2");
  QTest::addColumn<double>("lon2");
  QTest::addColumn<double>("km");
  QTest::addColumn<double>("tolKm");
  QTest::newRow("paris-london") << 48.8566 << 2.3522 << 51.5074 << -0.1278 << 343.5 << 0.5;
  // 3983 km is the WGS84 ellipsoidal distance; on the 6371.0088 km sphere it is 3974.3 km.
  QTest::newRow("jfk-lax-sphere") << 40.6413 << -73.7781 << 33.9416 << -118.4085 << 3974.34 << 0.1;
  QTest::newRow("jfk-lax-vs-ellipsoid") << 40.6413 << -73.7781 << 33.9416 << -118.4085 << 3983.0 << 10.0;
  QTest::newRow("antipodes") << 10.0 << 20.0 << -10.0 << -160.0 << 20015.114 << 0.01;
  QTest::newRow("pole-to-pole") << 90.0 << 0.0 << -90.0 << 0.0 << 20015.114 << 0.01;
  QTest::newRow("pole-to-equator") << 90.0 << 123.0 << 0.0 << -45.0 << 10007.557 << 0.01;
  QTest::newRow("across-antimeridian") << 0.0 << 179.0 << 0.0 << -179.0 << 222.390 << 0.001;
  QTest::newRow("zero") << 47.3769 << 8.5417 << 47.3769 << 8.5417 << 0.0 << 1e-9;
  QTest::newRow("one-metre") << 0.0 << 0.0 << 0.0 << 0.0000089932 << 0.001 << 1e-6;
}

void TestGreatCircle::haversine() {
  QFETCH(double, lat1);
  QFETCH(double, lon1);
  QFETCH(double, lat2);
  QFETCH(double, lon2);
  QFETCH(double, km);
  QFETCH(double, tolKm);
  const double d = haversineKm({lat1, lon1}, {lat2, lon2});
  QVERIFY2(std::abs(d - km) <= tolKm,
           qPrintable(QStringLiteral("got %1 km, expected %2").arg(d, 0, 'f', 4).arg(km)));
  QCOMPARE(haversineKm({lat2, lon2}, {lat1, lon1}), d); // symmetric
}

void TestGreatCircle::bearing_data() {
  QTest::addColumn<double>("lat1");
  QTest::addColumn<double>("lon1");
  QTest::addColumn<double>("lat2");
  QTest::addColumn<double>("lon2");
  QTest::addColumn<double>("deg");
  QTest::newRow("north") << 0.0 << 0.0 << 10.0 << 0.0 << 0.0;
  QTest::newRow("east") << 0.0 << 0.0 << 0.0 << 10.0 << 90.0;
  QTest::newRow("south") << 0.0 << 0.0 << -10.0 << 0.0 << 180.0;
  QTest::newRow("west") << 0.0 << 0.0 << 0.0 << -10.0 << 270.0;
  QTest::newRow("east-across-antimeridian") << 0.0 << 179.0 << 0.0 << -179.0 << 90.0;
  // Paris -> London is north-west; initial azimuth on the sphere ~ 330.0 degrees.
  QTest::newRow("paris-london") << 48.8566 << 2.3522 << 51.5074 << -0.1278 << 330.0;
  QTest::newRow("same-point") << 12.0 << 34.0 << 12.0 << 34.0 << 0.0;
}

void TestGreatCircle::bearing() {
  QFETCH(double, lat1);
  QFETCH(double, lon1);
  QFETCH(double, lat2);
  QFETCH(double, lon2);
  QFETCH(double, deg);
  const double b = initialBearingDeg({lat1, lon1}, {lat2, lon2});
  QVERIFY(b >= 0.0 && b < 360.0);
  QVERIFY2(std::abs(b - deg) < 0.6, qPrintable(QString::number(b)));
}

void TestGreatCircle::interpolation_data() {
  QTest::addColumn<double>("lat1");
  QTest::addColumn<double>("lon1");
  QTest::addColumn<double>("lat2");
  QTest::addColumn<double>("lon2");
  QTest::newRow("equator") << 0.0 << 0.0 << 0.0 << 90.0;
  QTest::newRow("paris-tokyo") << 48.8566 << 2.3522 << 35.6895 << 139.6917;
  QTest::newRow("across-antimeridian") << -17.8 << 177.4 << 21.3 << -157.8;
  QTest::newRow("over-pole") << 80.0 << 0.0 << 80.0 << 180.0;
}

void TestGreatCircle::interpolation() {
  QFETCH(double, lat1);
  QFETCH(double, lon1);
  QFETCH(double, lat2);
  QFETCH(double, lon2);
  const GeoPoint a{lat1, lon1}, b{lat2, lon2};
  const double total = haversineKm(a, b);
  for (double t : {0.0, 0.25, 0.5, 0.9, 1.0}) {
    const GeoPoint p = interpolate(a, b, t);
    QVERIFY(p.isValid());
    QVERIFY2(std::abs(haversineKm(a, p) - t * total) < 1e-6, qPrintable(QString::number(t)));
    QVERIFY(std::abs(haversineKm(p, b) - (1 - t) * total) < 1e-6);
  }
  QCOMPARE(interpolate(a, b, 0.0), a);
  QCOMPARE(interpolate(a, b, 1.0), b);
  const QVector<GeoPoint> path = greatCirclePath(a, b, 11);
  QCOMPARE(path.size(), 11);
  QCOMPARE(path.front(), a);
  for (qsizetype i = 1; i < path.size(); ++i)
    QVERIFY(std::abs(haversineKm(path[i - 1], path[i]) - total / 10) < 1e-6);
}

void TestGreatCircle::pathAcrossAntimeridian() {
  const QVector<GeoPoint> path = greatCirclePath({0, 170}, {0, -170}, 5);
  QCOMPARE(path.size(), 5);
  for (qsizetype i = 1; i < path.size(); ++i)
    QVERIFY2(std::abs(path[i].lon - path[i - 1].lon) < 10.0 + 1e-9, "longitudes must be continuous");
  QVERIFY(std::abs(path.back().lon - 190.0) < 1e-9);
  QCOMPARE(greatCirclePath({1, 2}, {3, 4}, 0).size(), 2);
}

void TestGreatCircle::antipodalInterpolation() {
  const GeoPoint a{10, 20}, b{-10, -160};
  const GeoPoint mid = interpolate(a, b, 0.5);
  QVERIFY(std::abs(haversineKm(a, mid) - kPi * kEarthRadiusKm / 2) < 1e-6);
  QVERIFY(std::abs(haversineKm(mid, b) - kPi * kEarthRadiusKm / 2) < 1e-6);
}

void TestGreatCircle::sphericalMean_data() {
  QTest::addColumn<QVector<double>>("coords"); // lat, lon, weight triples
  QTest::addColumn<bool>("defined");
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::newRow("symmetric-equator") << QVector<double>{0, -10, 1, 0, 10, 1} << true << 0.0 << 0.0;
  QTest::newRow("across-antimeridian") << QVector<double>{0, 179, 1, 0, -179, 1} << true << 0.0 << 180.0;
  QTest::newRow("single") << QVector<double>{47.37, 8.54, 5} << true << 47.37 << 8.54;
  QTest::newRow("weights-pull") << QVector<double>{0, 0, 3, 0, 90, 1} << true << 0.0
                                << radToDeg(std::atan2(1.0, 3.0));
  QTest::newRow("zero-weight-ignored") << QVector<double>{0, 0, 1, 50, 50, 0} << true << 0.0 << 0.0;
  QTest::newRow("negative-weight-ignored") << QVector<double>{0, 0, 1, 50, 50, -2} << true << 0.0 << 0.0;
  QTest::newRow("antipodes-cancel") << QVector<double>{0, 0, 1, 0, 180, 1} << false << 0.0 << 0.0;
  QTest::newRow("empty") << QVector<double>{} << false << 0.0 << 0.0;
}

void TestGreatCircle::sphericalMean() {
  QFETCH(QVector<double>, coords);
  QFETCH(bool, defined);
  QFETCH(double, lat);
  QFETCH(double, lon);
  std::vector<GeoPoint> pts;
  std::vector<double> w;
  for (qsizetype i = 0; i + 2 < coords.size(); i += 3) {
    pts.push_back({coords[i], coords[i + 1]});
    w.push_back(coords[i + 2]);
  }
  const auto m = streetlens::geo::sphericalMean(pts, w);
  QCOMPARE(m.has_value(), defined);
  if (!defined)
    return;
  QVERIFY2(haversineKm(*m, {lat, lon}) < 1e-6,
           qPrintable(QStringLiteral("got %1, %2").arg(m->lat, 0, 'f', 8).arg(m->lon, 0, 'f', 8)));
}

void TestGreatCircle::score_data() {
  QTest::addColumn<double>("km");
  QTest::addColumn<double>("score");
  QTest::newRow("exact") << 0.0 << 5000.0;
  QTest::newRow("one-scale") << 1492.7 << 5000.0 / std::exp(1.0);
  QTest::newRow("country-scale-750km") << 750.0 << 5000.0 * std::exp(-750.0 / 1492.7);
  QTest::newRow("antipode") << 20015.114 << 5000.0 * std::exp(-20015.114 / 1492.7);
  QTest::newRow("negative-clamped") << -5.0 << 5000.0;
}

void TestGreatCircle::score() {
  QFETCH(double, km);
  QFETCH(double, score);
  QVERIFY(std::abs(geoScore(km) - score) < 1e-9);
  if (km >= 0.0)
    QVERIFY(geoScore(km + 1.0) < geoScore(km));
}

QTEST_APPLESS_MAIN(TestGreatCircle)
#include "tst_greatcircle.moc"
