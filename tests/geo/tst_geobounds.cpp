// GeoBounds: containment, union and intersection, including boxes across the antimeridian.
#include "core/geo/GeoBounds.h"

#include <QTest>

using namespace streetlens::geo;

Q_DECLARE_METATYPE(GeoBounds)

namespace {
GeoBounds box(double s, double w, double n, double e) {
  return GeoBounds(s, w, n, e);
}
} // namespace

class TestGeoBounds : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void contains_data();
  void contains();
  void united_data();
  void united();
  void intersects_data();
  void intersects();
  void emptyAndExpand();
};

void TestGeoBounds::contains_data() {
  QTest::addColumn<GeoBounds>("bounds");
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<bool>("inside");
  QTest::newRow("plain-inside") << box(40, -10, 50, 10) << 45.0 << 0.0 << true;
  QTest::newRow("plain-edge") << box(40, -10, 50, 10) << 50.0 << 10.0 << true;
  QTest::newRow("plain-outside-lat") << box(40, -10, 50, 10) << 51.0 << 0.0 << false;
  QTest::newRow("plain-outside-lon") << box(40, -10, 50, 10) << 45.0 << 11.0 << false;
  QTest::newRow("crossing-at-180") << box(-20, 170, -10, -170) << -15.0 << 180.0 << true;
  QTest::newRow("crossing-at-minus-180") << box(-20, 170, -10, -170) << -15.0 << -180.0 << true;
  QTest::newRow("crossing-east-part") << box(-20, 170, -10, -170) << -15.0 << -175.0 << true;
  QTest::newRow("crossing-excludes-0") << box(-20, 170, -10, -170) << -15.0 << 0.0 << false;
  QTest::newRow("full-longitude") << box(-90, -180, -60, 180) << -70.0 << 123.0 << true;
  QTest::newRow("empty") << GeoBounds() << 0.0 << 0.0 << false;
}

void TestGeoBounds::contains() {
  QFETCH(GeoBounds, bounds);
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(bool, inside);
  QCOMPARE(bounds.contains({lat, lon}), inside);
}

void TestGeoBounds::united_data() {
  QTest::addColumn<GeoBounds>("a");
  QTest::addColumn<GeoBounds>("b");
  QTest::addColumn<double>("west");
  QTest::addColumn<double>("east");
  QTest::addColumn<double>("width");
  QTest::newRow("disjoint-plain") << box(0, -10, 1, 10) << box(0, 20, 1, 30) << -10.0 << 30.0 << 40.0;
  QTest::newRow("overlap") << box(0, -10, 1, 10) << box(0, 5, 1, 15) << -10.0 << 15.0 << 25.0;
  QTest::newRow("nested") << box(0, -10, 1, 10) << box(0, -5, 1, 5) << -10.0 << 10.0 << 20.0;
  QTest::newRow("across-antimeridian")
      << box(0, 170, 1, 175) << box(0, -175, 1, -170) << 170.0 << -170.0 << 20.0;
  QTest::newRow("across-antimeridian-reversed")
      << box(0, -175, 1, -170) << box(0, 170, 1, 175) << 170.0 << -170.0 << 20.0;
  QTest::newRow("crossing-plus-plain")
      << box(0, 170, 1, -170) << box(0, -100, 1, -90) << 170.0 << -90.0 << 100.0;
  QTest::newRow("with-empty") << box(0, 1, 1, 2) << GeoBounds() << 1.0 << 2.0 << 1.0;
  QTest::newRow("covering-world") << box(0, -180, 1, 0) << box(0, 0, 1, 180) << -180.0 << 180.0 << 360.0;
}

void TestGeoBounds::united() {
  QFETCH(GeoBounds, a);
  QFETCH(GeoBounds, b);
  QFETCH(double, west);
  QFETCH(double, east);
  QFETCH(double, width);
  const GeoBounds u = a.united(b);
  QCOMPARE(u.west(), west);
  QCOMPARE(u.east(), east);
  QCOMPARE(u.widthDeg(), width);
  QCOMPARE(b.united(a).widthDeg(), width);
  QVERIFY(u.contains(a.center()));
  if (!b.isEmpty())
    QVERIFY(u.contains(b.center()));
}

void TestGeoBounds::intersects_data() {
  QTest::addColumn<GeoBounds>("a");
  QTest::addColumn<GeoBounds>("b");
  QTest::addColumn<bool>("expected");
  QTest::newRow("overlap") << box(0, 0, 10, 10) << box(5, 5, 15, 15) << true;
  QTest::newRow("disjoint-lat") << box(0, 0, 10, 10) << box(11, 0, 15, 10) << false;
  QTest::newRow("disjoint-lon") << box(0, 0, 10, 10) << box(0, 11, 10, 15) << false;
  QTest::newRow("crossing-vs-east-side") << box(0, 170, 10, -170) << box(0, -175, 10, -160) << true;
  QTest::newRow("crossing-vs-far") << box(0, 170, 10, -170) << box(0, 0, 10, 10) << false;
  QTest::newRow("empty") << box(0, 0, 10, 10) << GeoBounds() << false;
}

void TestGeoBounds::intersects() {
  QFETCH(GeoBounds, a);
  QFETCH(GeoBounds, b);
  QFETCH(bool, expected);
  QCOMPARE(a.intersects(b), expected);
  QCOMPARE(b.intersects(a), expected);
}

void TestGeoBounds::emptyAndExpand() {
  QVERIFY(GeoBounds().isEmpty());
  QVERIFY(!GeoBounds().contains({0, 0}));
  const GeoBounds p = GeoBounds().extended({10, 20}).extended({12, 25});
  QCOMPARE(p.south(), 10.0);
  QCOMPARE(p.north(), 12.0);
  QCOMPARE(p.west(), 20.0);
  QCOMPARE(p.east(), 25.0);
  const GeoBounds crossing = GeoBounds().extended({0, 179}).extended({0, -179});
  QVERIFY(crossing.crossesAntimeridian());
  QCOMPARE(crossing.widthDeg(), 2.0);
  // 111.2 km is one degree of latitude.
  const GeoBounds grown = box(0, 0, 1, 1).expandedKm(111.195);
  QVERIFY(std::abs(grown.south() + 1.0) < 1e-3);
  QVERIFY(grown.contains({1.99, 1.99}));
  QVERIFY(!grown.contains({2.1, 0.5}));
  QVERIFY(box(80, 0, 89.9, 1).expandedKm(50).isFullLongitude());
  QVERIFY(GeoBounds::fromUnwrapped(-10, 170, 10, 190).crossesAntimeridian());
  QCOMPARE(GeoBounds::fromUnwrapped(-10, 170, 10, 190).east(), -170.0);
  QVERIFY(GeoBounds::fromUnwrapped(-90, -180, -60, 180).isFullLongitude());
}

QTEST_APPLESS_MAIN(TestGeoBounds)
#include "tst_geobounds.moc"
