// MapViewport: Web Mercator forward/inverse, zoom anchored at the cursor, antimeridian, poles.
#include "core/geo/WebMercator.h"
#include "ui/map/MapViewport.h"

#include <QTest>

using namespace streetlens;
using streetlens::ui::MapViewport;

class TestMapViewport : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void roundTrip_data();
  void roundTrip();
  void centreMapsToMiddle();
  void zoomAnchored_data();
  void zoomAnchored();
  void antimeridian_data();
  void antimeridian();
  void polesClamp_data();
  void polesClamp();
  void fitBounds_data();
  void fitBounds();
  void worldCopies();
};

void TestMapViewport::roundTrip_data() {
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<double>("zoom");
  QTest::newRow("equator-greenwich") << 0.0 << 0.0 << 3.0;
  QTest::newRow("paris-zoom8") << 48.8534 << 2.3488 << 8.0;
  QTest::newRow("sydney-zoom5") << -33.8679 << 151.2073 << 5.0;
  QTest::newRow("date-line-east") << 64.7 << 179.95 << 6.0;
  QTest::newRow("date-line-west") << -16.5 << -179.95 << 6.0;
  QTest::newRow("far-north-80") << 80.0 << 20.0 << 4.0;
  QTest::newRow("far-south-80") << -80.0 << -60.0 << 4.0;
  QTest::newRow("max-zoom") << 46.2 << 6.1 << MapViewport::kMaxZoom;
}

void TestMapViewport::roundTrip() {
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(double, zoom);
  // The point a little off the view centre, so both directions of the transform matter.
  MapViewport vp({lat + 0.01, lon - 0.01}, zoom, QSize(800, 600));
  const QPointF px = vp.geoToPixel({lat, lon});
  const geo::GeoPoint back = vp.pixelToGeo(px);
  QVERIFY2(std::abs(back.lat - lat) < 1e-9, qPrintable(QString::number(back.lat, 'f', 12)));
  QVERIFY2(std::abs(back.lon - lon) < 1e-9, qPrintable(QString::number(back.lon, 'f', 12)));
  // And pixel -> geo -> pixel.
  const QPointF corner(13.0, 577.0);
  const QPointF again = vp.geoToPixel(vp.pixelToGeo(corner));
  QVERIFY(std::abs(again.x() - corner.x()) < 1e-6);
  QVERIFY(std::abs(again.y() - corner.y()) < 1e-6);
}

void TestMapViewport::centreMapsToMiddle() {
  MapViewport vp({45.0, 7.0}, 5.0, QSize(640, 480));
  const QPointF px = vp.geoToPixel({45.0, 7.0});
  QCOMPARE(px.x(), 320.0);
  QVERIFY(std::abs(px.y() - 240.0) < 1e-9);
  QVERIFY(std::abs(vp.scale() - 256.0 * 32.0) < 1e-9);
}

void TestMapViewport::zoomAnchored_data() {
  QTest::addColumn<QPointF>("pixel");
  QTest::addColumn<double>("steps");
  QTest::newRow("in-top-left") << QPointF(40, 30) << 1.0;
  QTest::newRow("in-half-step") << QPointF(500, 400) << 0.5;
  QTest::newRow("out-bottom-right") << QPointF(700, 520) << -1.0;
  QTest::newRow("in-centre") << QPointF(400, 300) << 2.0;
}

void TestMapViewport::zoomAnchored() {
  QFETCH(QPointF, pixel);
  QFETCH(double, steps);
  MapViewport vp({47.0, 8.0}, 6.0, QSize(800, 600));
  const geo::GeoPoint before = vp.pixelToGeo(pixel);
  vp.zoomAt(pixel, steps);
  QCOMPARE(vp.zoom(), 6.0 + steps);
  const geo::GeoPoint after = vp.pixelToGeo(pixel);
  QVERIFY(std::abs(after.lat - before.lat) < 1e-9);
  QVERIFY(std::abs(after.lon - before.lon) < 1e-9);
}

void TestMapViewport::antimeridian_data() {
  QTest::addColumn<double>("centreLon");
  QTest::addColumn<double>("panPx");
  QTest::addColumn<double>("expectedLon");
  // Zoom 4: 4096 px per 360 degrees, so 4096 / 360 px per degree.
  QTest::newRow("east-across") << 179.0 << -(4096.0 / 360.0) * 2.0 << -179.0;
  QTest::newRow("west-across") << -179.5 << (4096.0 / 360.0) * 1.0 << 179.5;
  QTest::newRow("full-turn") << 10.0 << -4096.0 << 10.0;
}

void TestMapViewport::antimeridian() {
  QFETCH(double, centreLon);
  QFETCH(double, panPx);
  QFETCH(double, expectedLon);
  MapViewport vp({10.0, centreLon}, 4.0, QSize(800, 600));
  vp.panByPixels({panPx, 0.0});
  QVERIFY2(std::abs(vp.center().lon - expectedLon) < 1e-9,
           qPrintable(QString::number(vp.center().lon, 'f', 12)));
  QVERIFY(vp.centerWorld().x() >= 0.0 && vp.centerWorld().x() < 1.0);
  // A point just across the line is drawn next to the centre, not a world away.
  const QPointF across = vp.geoToPixel({10.0, expectedLon + (expectedLon > 0 ? 1.0 : -1.0) * 1.5});
  QVERIFY(std::abs(across.x() - 400.0) < 4096.0 / 360.0 * 2.0);
}

void TestMapViewport::polesClamp_data() {
  QTest::addColumn<double>("zoom");
  QTest::addColumn<double>("lat");
  QTest::addColumn<int>("height");
  QTest::newRow("north-pole-zoom3") << 3.0 << 89.9 << 600;
  QTest::newRow("south-pole-zoom3") << 3.0 << -89.9 << 600;
  QTest::newRow("north-zoom8") << 8.0 << 86.0 << 600;
  QTest::newRow("world-smaller-than-view") << 0.5 << 60.0 << 600;
}

void TestMapViewport::polesClamp() {
  QFETCH(double, zoom);
  QFETCH(double, lat);
  QFETCH(int, height);
  MapViewport vp({lat, 0.0}, zoom, QSize(800, height));
  const double topY = vp.pixelToWorld(QPointF(0, 0)).y();
  const double bottomY = vp.pixelToWorld(QPointF(0, height)).y();
  if (vp.scale() >= height) {
    QVERIFY2(topY >= -1e-12, qPrintable(QString::number(topY)));
    QVERIFY2(bottomY <= 1.0 + 1e-12, qPrintable(QString::number(bottomY)));
    // Dragging further towards the pole changes nothing.
    const QPointF c = vp.centerWorld();
    vp.panByPixels({0.0, lat > 0 ? 500.0 : -500.0});
    QCOMPARE(vp.centerWorld(), c);
  } else {
    QCOMPARE(vp.centerWorld().y(), 0.5);
  }
  QVERIFY(std::abs(vp.center().lat) <= geo::mercator::kMaxLatitude);
}

void TestMapViewport::fitBounds_data() {
  QTest::addColumn<double>("south");
  QTest::addColumn<double>("west");
  QTest::addColumn<double>("north");
  QTest::addColumn<double>("east");
  QTest::newRow("france") << 42.3 << -4.8 << 51.1 << 8.2;
  QTest::newRow("fiji-across-date-line") << -19.2 << 176.8 << -16.0 << -179.0;
  QTest::newRow("city-block") << 45.75 << 4.84 << 45.76 << 4.85;
}

void TestMapViewport::fitBounds() {
  QFETCH(double, south);
  QFETCH(double, west);
  QFETCH(double, north);
  QFETCH(double, east);
  MapViewport vp({0, 0}, 1.0, QSize(800, 600));
  vp.fitBounds(geo::GeoBounds(south, west, north, east), 20.0, 12.0);
  const QRectF view(0, 0, 800, 600);
  for (const geo::GeoPoint &p : {geo::GeoPoint{south, west}, geo::GeoPoint{north, east},
                                 geo::GeoPoint{south, east}, geo::GeoPoint{north, west}}) {
    const QPointF px = vp.geoToPixel(p);
    QVERIFY2(view.adjusted(-1e-6, -1e-6, 1e-6, 1e-6).contains(px),
             qPrintable(QStringLiteral("%1,%2").arg(px.x()).arg(px.y())));
  }
  QVERIFY(vp.zoom() <= 12.0);
  QVERIFY(vp.zoom() > 3.0);
}

void TestMapViewport::worldCopies() {
  MapViewport vp({0, 0}, 0.0, QSize(1000, 256)); // the world is 256 px wide: 4 to 5 copies
  const auto copies = vp.worldCopies();
  QVERIFY(copies.size() >= 4);
  QCOMPARE(copies.front(), -2);
  QCOMPARE(copies.back(), 2);
}

QTEST_APPLESS_MAIN(TestMapViewport)
#include "tst_mapviewport.moc"
