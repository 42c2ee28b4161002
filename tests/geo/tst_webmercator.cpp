// Web Mercator (EPSG:3857): known values, round trips, clamping at the poles and +-180.
#include "core/geo/WebMercator.h"

#include <QTest>
#include <cmath>

using namespace streetlens::geo;

class TestWebMercator : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void knownValues_data();
  void knownValues();
  void roundTrip_data();
  void roundTrip();
  void clampsAtPoles_data();
  void clampsAtPoles();
  void monotonic();
};

void TestWebMercator::knownValues_data() {
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<double>("wx");
  QTest::addColumn<double>("wy");
  QTest::addColumn<double>("mx");
  QTest::addColumn<double>("my");
  const double half = 20037508.342789244; // pi * 6378137
  QTest::newRow("origin") << 0.0 << 0.0 << 0.5 << 0.5 << 0.0 << 0.0;
  QTest::newRow("north-west-corner") << 85.05112878 << -180.0 << 0.0 << 0.0 << -half << half;
  QTest::newRow("south-east-corner") << -85.05112878 << 180.0 << 1.0 << 1.0 << half << -half;
  QTest::newRow("lat45") << 45.0 << 90.0 << 0.75 << 0.5 - 5621521.486192066 / (2 * half) << half / 2
                         << 5621521.486192066;
  QTest::newRow("antimeridian-west") << 0.0 << -180.0 << 0.0 << 0.5 << -half << 0.0;
  QTest::newRow("antimeridian-east") << 0.0 << 180.0 << 1.0 << 0.5 << half << 0.0;
  QTest::newRow("unwrapped-190") << 0.0 << 190.0 << 370.0 / 360.0 << 0.5 << half * 190.0 / 180.0 << 0.0;
}

void TestWebMercator::knownValues() {
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(double, wx);
  QFETCH(double, wy);
  QFETCH(double, mx);
  QFETCH(double, my);
  const QPointF w = mercator::toWorld({lat, lon});
  QVERIFY2(std::abs(w.x() - wx) < 1e-9 && std::abs(w.y() - wy) < 1e-9,
           qPrintable(QStringLiteral("world %1, %2").arg(w.x(), 0, 'g', 15).arg(w.y(), 0, 'g', 15)));
  const QPointF m = mercator::toMeters({lat, lon});
  QVERIFY2(std::abs(m.x() - mx) < 1e-3 && std::abs(m.y() - my) < 1e-3,
           qPrintable(QStringLiteral("metres %1, %2").arg(m.x(), 0, 'f', 4).arg(m.y(), 0, 'f', 4)));
}

void TestWebMercator::roundTrip_data() {
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::newRow("zurich") << 47.3769 << 8.5417;
  QTest::newRow("sao-paulo") << -23.5475 << -46.63611;
  QTest::newRow("lon-plus-180") << 10.0 << 180.0;
  QTest::newRow("lon-minus-180") << -10.0 << -180.0;
  QTest::newRow("max-lat") << 85.05112878 << 0.0;
  QTest::newRow("min-lat") << -85.05112878 << 0.0;
  QTest::newRow("near-max") << 85.0 << 179.999;
}

void TestWebMercator::roundTrip() {
  QFETCH(double, lat);
  QFETCH(double, lon);
  const GeoPoint viaWorld = mercator::fromWorld(mercator::toWorld({lat, lon}));
  QVERIFY(std::abs(viaWorld.lat - lat) < 1e-9 && std::abs(viaWorld.lon - lon) < 1e-9);
  const GeoPoint viaMeters = mercator::fromMeters(mercator::toMeters({lat, lon}));
  QVERIFY(std::abs(viaMeters.lat - lat) < 1e-9 && std::abs(viaMeters.lon - lon) < 1e-9);
}

void TestWebMercator::clampsAtPoles_data() {
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("expectedLat");
  QTest::newRow("north-pole") << 90.0 << mercator::kMaxLatitude;
  QTest::newRow("south-pole") << -90.0 << -mercator::kMaxLatitude;
  QTest::newRow("89") << 89.0 << mercator::kMaxLatitude;
  QTest::newRow("inside") << 85.0 << 85.0;
}

void TestWebMercator::clampsAtPoles() {
  QFETCH(double, lat);
  QFETCH(double, expectedLat);
  const QPointF w = mercator::toWorld({lat, 0.0});
  QVERIFY(std::isfinite(w.y()));
  QVERIFY(w.y() >= -1e-9 && w.y() <= 1.0 + 1e-9);
  QVERIFY(std::abs(mercator::fromWorld(w).lat - expectedLat) < 1e-9);
  // Beyond the square the inverse clamps too.
  QVERIFY(std::abs(mercator::fromWorld({0.5, -0.5}).lat - mercator::kMaxLatitude) < 1e-12);
  QVERIFY(std::abs(mercator::fromWorld({0.5, 1.5}).lat + mercator::kMaxLatitude) < 1e-12);
}

void TestWebMercator::monotonic() {
  double prevY = 2.0;
  for (double lat = -85.0; lat <= 85.0; lat += 5.0) {
    const double y = mercator::toWorld({lat, 0}).y();
    QVERIFY(y < prevY); // y grows southwards
    prevY = y;
  }
}

QTEST_APPLESS_MAIN(TestWebMercator)
#include "tst_webmercator.moc"
