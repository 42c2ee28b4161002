// Hit-testing: which country is under a pixel (basemap polygons) and which marker.
#include "MapTestData.h"
#include "ui/map/BasemapData.h"
#include "ui/map/MapMarkers.h"

#include <QTest>

using namespace streetlens;
using namespace streetlens::ui;

class TestMapHitTest : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void country_data();
  void country();
  void coastAndBorderSplit();
  void marker_data();
  void marker();
  void toolTips();

private:
  std::shared_ptr<const BasemapData> m_basemap;
};

void TestMapHitTest::initTestCase() {
  const auto gaz = test::mapGazetteer();
  QVERIFY2(gaz, "gazetteer missing in resources/gazetteer");
  m_basemap = BasemapData::build(*gaz);
  QVERIFY(m_basemap->countries().size() > 200);
}

void TestMapHitTest::country_data() {
  QTest::addColumn<double>("centreLat");
  QTest::addColumn<double>("centreLon");
  QTest::addColumn<double>("zoom");
  QTest::addColumn<double>("lat");
  QTest::addColumn<double>("lon");
  QTest::addColumn<QString>("code");
  QTest::newRow("paris") << 46.0 << 2.0 << 5.0 << 48.85 << 2.35 << "FR";
  QTest::newRow("madrid") << 46.0 << 2.0 << 5.0 << 40.42 << -3.70 << "ES";
  QTest::newRow("bern") << 46.0 << 2.0 << 5.0 << 46.95 << 7.45 << "CH";
  QTest::newRow("bay-of-biscay-sea") << 46.0 << 2.0 << 5.0 << 45.5 << -5.0 << "";
  QTest::newRow("lesotho-hole-in-south-africa") << -29.0 << 28.0 << 6.0 << -29.5 << 28.2 << "LS";
  QTest::newRow("south-africa-around-lesotho") << -29.0 << 28.0 << 6.0 << -30.5 << 25.0 << "ZA";
  QTest::newRow("chukotka-across-date-line") << 66.0 << -175.0 << 4.0 << 66.0 << 177.0 << "RU";
  QTest::newRow("alaska-across-date-line") << 66.0 << 175.0 << 4.0 << 65.0 << -155.0 << "US";
  QTest::newRow("world-view-brazil") << 0.0 << 0.0 << 1.0 << -10.0 << -50.0 << "BR";
}

void TestMapHitTest::country() {
  QFETCH(double, centreLat);
  QFETCH(double, centreLon);
  QFETCH(double, zoom);
  QFETCH(double, lat);
  QFETCH(double, lon);
  QFETCH(QString, code);
  const MapViewport vp({centreLat, centreLon}, zoom, QSize(1000, 700));
  const int idx = m_basemap->countryAtPixel(vp, vp.geoToPixel({lat, lon}));
  const QString got = idx < 0 ? QString() : m_basemap->countries()[static_cast<size_t>(idx)].code2;
  QCOMPARE(got, code);
}

void TestMapHitTest::coastAndBorderSplit() {
  // France has both coast and land borders; Iceland only coast; Lesotho only borders.
  auto shape = [&](const char *code) -> const BasemapData::CountryShape & {
    return m_basemap->countries()[static_cast<size_t>(m_basemap->indexOf(QString::fromLatin1(code)))];
  };
  const int full = BasemapData::kLevels - 1;
  QVERIFY(!shape("IS").coast[full].isEmpty());
  QVERIFY(shape("IS").border[full].isEmpty());
  QVERIFY(shape("LS").coast[full].isEmpty());
  QVERIFY(!shape("FR").coast[full].isEmpty());
  // A shared border is drawn once: by Lesotho or by South Africa, not both.
  QVERIFY(shape("LS").border[full].isEmpty() != shape("ZA").border[full].isEmpty() ||
          !shape("ZA").border[full].isEmpty());
}

void TestMapHitTest::marker_data() {
  QTest::addColumn<QPointF>("offset");   // from the named marker, in pixels
  QTest::addColumn<QString>("near");     // marker title the offset is taken from
  QTest::addColumn<QString>("expected"); // title of the marker hit, "" for none
  QTest::newRow("exact-grenoble") << QPointF(0, 0) << "Grenoble"
                                  << "Grenoble";
  QTest::newRow("5px-off-grenoble") << QPointF(4, -3) << "Grenoble"
                                    << "Grenoble";
  QTest::newRow("far-from-grenoble") << QPointF(30, 0) << "Grenoble"
                                     << "";
  QTest::newRow("estimate-on-top-of-lyon") << QPointF(1, 1) << "Lyon"
                                           << "Estimate";
  QTest::newRow("exif-point") << QPointF(0, 0) << "EXIF GPS position"
                              << "EXIF GPS position";
}

void TestMapHitTest::marker() {
  QFETCH(QPointF, offset);
  QFETCH(QString, near);
  QFETCH(QString, expected);
  const MarkerSet set =
      buildMarkers({test::annecyResult()}, MultiImageMode::Combined, 5, test::mapGazetteer().get());
  const MapViewport vp({45.8, 5.5}, 8.0, QSize(1000, 700));
  const auto it = std::find_if(set.markers.begin(), set.markers.end(),
                               [&](const MapMarker &m) { return m.title == near; });
  QVERIFY(it != set.markers.end());
  const int hit = set.hitTest(vp, vp.geoToPixel(it->location) + offset);
  QCOMPARE(hit < 0 ? QString() : set.markers[static_cast<size_t>(hit)].title, expected);
}

void TestMapHitTest::toolTips() {
  const MarkerSet set =
      buildMarkers({test::annecyResult()}, MultiImageMode::Combined, 5, test::mapGazetteer().get());
  QCOMPARE(set.links.size(), size_t(1));
  QVERIFY(std::abs(set.links.front().km - 101.0) < 5.0); // Lyon - Annecy
  for (int i = 0; i < static_cast<int>(set.markers.size()); ++i) {
    const MapMarker &m = set.markers[static_cast<size_t>(i)];
    const QString tip = set.toolTip(i);
    QVERIFY2(tip.contains(m.title), qPrintable(tip));
    if (m.title == QLatin1String("Grenoble")) {
      QVERIFY2(tip.contains(QStringLiteral("#2 Grenoble")), qPrintable(tip));
      QVERIFY2(tip.contains(QStringLiteral("Auvergne-Rhône-Alpes, France")), qPrintable(tip));
      QVERIFY2(tip.contains(QStringLiteral("9.0 %")), qPrintable(tip));
    }
    if (m.kind == MapMarker::Kind::Exif)
      QVERIFY2(tip.contains(QStringLiteral("km")), qPrintable(tip));
  }
}

QTEST_GUILESS_MAIN(TestMapHitTest)
#include "tst_maphittest.moc"
