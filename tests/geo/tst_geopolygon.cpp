// Point-in-polygon on hand-made rings: holes, multipolygons, vertices on the ray, rings across
// the antimeridian and around a pole; distances to the boundary.
#include "core/geo/GeoPolygon.h"

#include <QTest>
#include <cmath>

using namespace streetlens::geo;

namespace {

// Ring from (lon, lat) pairs, the order GeoJSON uses.
GeoRing ring(std::initializer_list<std::pair<double, double>> lonLat) {
  QVector<GeoPoint> pts;
  for (const auto &[lon, lat] : lonLat)
    pts.push_back({lat, lon});
  return GeoRing::fromPoints(pts);
}

GeoMultiPolygon testShapes(const QString &shape) {
  if (shape == QLatin1String("square-with-hole")) {
    return GeoMultiPolygon({GeoPolygon(
        {ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}), ring({{4, 4}, {4, 6}, {6, 6}, {6, 4}})})});
  }
  if (shape == QLatin1String("two-parts")) {
    return GeoMultiPolygon({GeoPolygon({ring({{0, 0}, {2, 0}, {2, 2}, {0, 2}})}),
                            GeoPolygon({ring({{20, 20}, {22, 20}, {22, 22}, {20, 22}})})});
  }
  if (shape == QLatin1String("diamond")) // vertices at the test latitudes
    return GeoMultiPolygon({GeoPolygon({ring({{5, 0}, {10, 5}, {5, 10}, {0, 5}})})});
  if (shape == QLatin1String("concave-u")) // a U open to the north
    return GeoMultiPolygon(
        {GeoPolygon({ring({{0, 0}, {9, 0}, {9, 9}, {6, 9}, {6, 3}, {3, 3}, {3, 9}, {0, 9}})})});
  if (shape == QLatin1String("across-antimeridian")) // as world-atlas stores Fiji / Chukotka
    return GeoMultiPolygon({GeoPolygon({ring({{170, -10}, {-170, -10}, {-170, 10}, {170, 10}}),
                                        ring({{178, -2}, {-178, -2}, {-178, 2}, {178, 2}})})});
  if (shape == QLatin1String("around-south-pole")) { // like Antarctica: one ring around the pole
    QVector<GeoPoint> coast;
    for (int lon = -180; lon <= 180; lon += 10)
      coast.push_back({lon % 60 == 0 ? -65.0 : -70.0, double(lon)});
    return GeoMultiPolygon({GeoPolygon({GeoRing::fromPoints(coast)})});
  }
  return {};
}

} // namespace

class TestGeoPolygon : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void contains_data();
  void contains();
  void bounds();
  void distance_data();
  void distance();
  void degenerate();
};

void TestGeoPolygon::contains_data() {
  QTest::addColumn<QString>("shape");
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<bool>("inside");
  QTest::newRow("square-inside") << "square-with-hole" << 2.0 << 2.0 << true;
  QTest::newRow("square-in-hole") << "square-with-hole" << 5.0 << 5.0 << false;
  QTest::newRow("square-between-hole-and-edge") << "square-with-hole" << 5.0 << 8.0 << true;
  QTest::newRow("square-outside-east") << "square-with-hole" << 5.0 << 11.0 << false;
  QTest::newRow("square-outside-south") << "square-with-hole" << -1.0 << 5.0 << false;
  QTest::newRow("parts-first") << "two-parts" << 1.0 << 1.0 << true;
  QTest::newRow("parts-second") << "two-parts" << 21.0 << 21.0 << true;
  QTest::newRow("parts-between") << "two-parts" << 10.0 << 10.0 << false;
  QTest::newRow("diamond-ray-through-vertex") << "diamond" << 5.0 << 1.0 << true;
  QTest::newRow("diamond-west-of-vertex") << "diamond" << 5.0 << -1.0 << false;
  QTest::newRow("diamond-east-of-vertex") << "diamond" << 5.0 << 11.0 << false;
  QTest::newRow("diamond-corner-cut") << "diamond" << 1.0 << 1.0 << false;
  QTest::newRow("u-left-arm") << "concave-u" << 6.0 << 1.5 << true;
  QTest::newRow("u-notch") << "concave-u" << 6.0 << 4.5 << false;
  QTest::newRow("u-base") << "concave-u" << 1.5 << 4.5 << true;
  QTest::newRow("am-east-of-180") << "across-antimeridian" << 5.0 << -175.0 << true;
  QTest::newRow("am-west-of-180") << "across-antimeridian" << -5.0 << 175.0 << true;
  QTest::newRow("am-at-180") << "across-antimeridian" << 5.0 << 180.0 << true;
  QTest::newRow("am-at-minus-180") << "across-antimeridian" << 5.0 << -180.0 << true;
  QTest::newRow("am-in-hole") << "across-antimeridian" << 0.0 << 179.5 << false;
  QTest::newRow("am-in-hole-east") << "across-antimeridian" << 0.0 << -179.5 << false;
  QTest::newRow("am-outside-greenwich") << "across-antimeridian" << 0.0 << 0.0 << false;
  QTest::newRow("am-outside-165") << "across-antimeridian" << 0.0 << 165.0 << false;
  QTest::newRow("am-unwrapped-input") << "across-antimeridian" << 5.0 << 185.0 << true;
  QTest::newRow("pole-inside") << "around-south-pole" << -80.0 << 45.0 << true;
  QTest::newRow("pole-near-pole") << "around-south-pole" << -89.9 << -170.0 << true;
  QTest::newRow("pole-at-pole") << "around-south-pole" << -90.0 << 0.0 << true;
  QTest::newRow("pole-at-180") << "around-south-pole" << -75.0 << 180.0 << true;
  QTest::newRow("pole-outside") << "around-south-pole" << -60.0 << 45.0 << false;
  QTest::newRow("pole-north") << "around-south-pole" << 80.0 << 0.0 << false;
  QTest::newRow("pole-bay") << "around-south-pole" << -67.0 << 30.0 << false;
  QTest::newRow("pole-cape") << "around-south-pole" << -67.0 << 0.0 << true;
}

void TestGeoPolygon::contains() {
  QFETCH(QString, shape);
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(bool, inside);
  const GeoMultiPolygon mp = testShapes(shape);
  QVERIFY(!mp.isEmpty());
  QCOMPARE(mp.contains({lat, lon}), inside);
}

void TestGeoPolygon::bounds() {
  const GeoMultiPolygon am = testShapes(QStringLiteral("across-antimeridian"));
  QVERIFY(am.bounds().crossesAntimeridian());
  QCOMPARE(am.bounds().west(), 170.0);
  QCOMPARE(am.bounds().east(), -170.0);
  const GeoRing &outer = am.polygons().front().outer();
  QVERIFY(!outer.isPolar());
  QCOMPARE(outer.minLon(), 170.0);
  QCOMPARE(outer.maxLon(), 190.0);

  const GeoMultiPolygon pole = testShapes(QStringLiteral("around-south-pole"));
  const GeoRing &polar = pole.polygons().front().outer();
  QVERIFY(polar.isPolar());
  QVERIFY(pole.bounds().isFullLongitude());
  QCOMPARE(pole.bounds().south(), -90.0);
  QCOMPARE(pole.bounds().north(), -65.0);
  QCOMPARE(pole.bounds().west(), -180.0);
  QCOMPARE(polar.realEdgeCount(), 36);

  const GeoMultiPolygon parts = testShapes(QStringLiteral("two-parts"));
  QCOMPARE(parts.bounds().west(), 0.0);
  QCOMPARE(parts.bounds().east(), 22.0);
  QCOMPARE(parts.vertexCount(), 8);
}

void TestGeoPolygon::distance_data() {
  QTest::addColumn<QString>("shape");
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<double>("km");
  QTest::addColumn<double>("tolKm");
  const double oneDeg = kPi * kEarthRadiusKm / 180.0;
  QTest::newRow("east-of-square-on-equator") << "square-with-hole" << 0.0 << 11.0 << oneDeg << 0.5;
  QTest::newRow("south-of-square") << "square-with-hole" << -1.0 << 5.0 << oneDeg << 0.5;
  QTest::newRow("inside-near-hole") << "square-with-hole" << 5.0 << 3.0 << oneDeg * std::cos(kPi / 36.0)
                                    << 0.5;
  QTest::newRow("across-antimeridian") << "across-antimeridian" << 0.0 << -169.0 << oneDeg << 0.5;
  // The pole closure is not a real edge: the distance is to the coast at -70 (a few km less, as
  // the 10-degree edges are great-circle arcs bulging towards the pole).
  QTest::newRow("pole-ignores-closure") << "around-south-pole" << -89.0 << 10.0 << 19.0 * oneDeg << 15.0;
}

void TestGeoPolygon::distance() {
  QFETCH(QString, shape);
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(double, km);
  QFETCH(double, tolKm);
  const GeoMultiPolygon mp = testShapes(shape);
  const double d = mp.distanceKm({lat, lon});
  QVERIFY2(std::abs(d - km) < tolKm, qPrintable(QStringLiteral("got %1 km, expected %2").arg(d).arg(km)));
  // With a limit below the distance nothing is found.
  QVERIFY(std::isinf(mp.distanceKm({lat, lon}, km * 0.5)));
}

void TestGeoPolygon::degenerate() {
  QVERIFY(GeoRing::fromPoints({}).isEmpty());
  QVERIFY(GeoRing::fromPoints({{0, 0}, {1, 1}, {0, 0}}).isEmpty());
  QVERIFY(!GeoRing::fromPoints({{0, 0}, {qQNaN(), 1}, {1, 1}}).contains({0.5, 0.5}));
  const GeoMultiPolygon none;
  QVERIFY(!none.contains({0, 0}));
  QVERIFY(std::isinf(none.distanceKm({0, 0})));
  QVERIFY(!testShapes(QStringLiteral("square-with-hole")).contains({qQNaN(), 1.0}));
}

QTEST_APPLESS_MAIN(TestGeoPolygon)
#include "tst_geopolygon.moc"
