// MapView UI: wheel zoom, drag pan, keyboard, fit to results, layer toggles, tooltips, clicks,
// multi-image mode and PNG export, on the offscreen platform.
#include "MapTestData.h"
#include "ui/map/MapView.h"

#include <QAction>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

using namespace streetlens;
using namespace streetlens::ui;

class TestMapView : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void init();
  void cleanup();
  void rendersOffTheGuiThread();
  void wheelZoom_data();
  void wheelZoom();
  void dragPan();
  void keyboard();
  void fitToResults();
  void layerToggles();
  void toolTips();
  void clickCountry();
  void multiImageMode();
  void savePng();

private:
  void waitIdle();
  std::unique_ptr<MapView> m_view;
};

void TestMapView::init() {
  m_view = std::make_unique<MapView>();
  m_view->resize(900, 600);
  m_view->setGazetteer(test::mapGazetteer());
  m_view->setResults({test::annecyResult()});
  m_view->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
  waitIdle();
}

void TestMapView::cleanup() {
  m_view.reset();
}

void TestMapView::waitIdle() {
  QTRY_VERIFY_WITH_TIMEOUT(!m_view->isBusy(), 20000);
}

void TestMapView::rendersOffTheGuiThread() {
  QVERIFY(m_view->hasRenderedImage());
  QSignalSpy rendered(m_view.get(), &MapView::rendered);
  m_view->zoomIn();
  QVERIFY(m_view->isBusy()); // scheduled, not rendered synchronously
  QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, 20000);
}

void TestMapView::wheelZoom_data() {
  QTest::addColumn<QPoint>("pos");
  QTest::addColumn<int>("delta");
  QTest::addColumn<double>("steps");
  QTest::newRow("in-one-notch") << QPoint(200, 150) << 120 << 0.5;
  QTest::newRow("in-two-notches") << QPoint(700, 400) << 240 << 1.0;
  QTest::newRow("out-one-notch") << QPoint(450, 300) << -120 << -0.5;
}

void TestMapView::wheelZoom() {
  QFETCH(QPoint, pos);
  QFETCH(int, delta);
  QFETCH(double, steps);
  MapViewport start({46.0, 5.0}, 5.0, m_view->size());
  m_view->setViewport(start);
  const geo::GeoPoint under = m_view->viewport().pixelToGeo(pos);
  QWheelEvent wheel(QPointF(pos), QPointF(m_view->mapToGlobal(pos)), QPoint(), QPoint(0, delta), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(m_view.get(), &wheel);
  QCOMPARE(m_view->viewport().zoom(), 5.0 + steps);
  const geo::GeoPoint after = m_view->viewport().pixelToGeo(pos);
  QVERIFY(std::abs(after.lat - under.lat) < 1e-9);
  QVERIFY(std::abs(after.lon - under.lon) < 1e-9);
}

void TestMapView::dragPan() {
  m_view->setViewport(MapViewport({46.0, 5.0}, 6.0, m_view->size()));
  const QPoint from(300, 300), to(420, 250);
  const geo::GeoPoint grabbed = m_view->viewport().pixelToGeo(from);
  QSignalSpy countryClicks(m_view.get(), &MapView::countryClicked);
  QTest::mousePress(m_view.get(), Qt::LeftButton, Qt::NoModifier, from);
  for (int i = 1; i <= 4; ++i) {
    const QPoint p = from + (to - from) * i / 4;
    QMouseEvent move(QEvent::MouseMove, QPointF(p), QPointF(m_view->mapToGlobal(p)), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_view.get(), &move);
  }
  QTest::mouseRelease(m_view.get(), Qt::LeftButton, Qt::NoModifier, to);
  // The grabbed place followed the mouse; a drag is not a click.
  const geo::GeoPoint now = m_view->viewport().pixelToGeo(to);
  QVERIFY(std::abs(now.lat - grabbed.lat) < 1e-9);
  QVERIFY(std::abs(now.lon - grabbed.lon) < 1e-9);
  QCOMPARE(countryClicks.count(), 0);
  waitIdle();
}

void TestMapView::keyboard() {
  m_view->setViewport(MapViewport({46.0, 5.0}, 6.0, m_view->size()));
  const double lon = m_view->viewport().center().lon;
  QTest::keyClick(m_view.get(), Qt::Key_Right);
  QVERIFY(m_view->viewport().center().lon > lon);
  QTest::keyClick(m_view.get(), Qt::Key_Plus);
  QCOMPARE(m_view->viewport().zoom(), 7.0);
  QTest::keyClick(m_view.get(), Qt::Key_Minus);
  QTest::keyClick(m_view.get(), Qt::Key_Minus);
  QCOMPARE(m_view->viewport().zoom(), 5.0);
}

void TestMapView::fitToResults() {
  m_view->resetView();
  const double worldZoom = m_view->viewport().zoom();
  m_view->fitToResults();
  QVERIFY(m_view->viewport().zoom() > worldZoom + 2.0);
  const QRect area = m_view->rect();
  const auto &markers = m_view->scene().markers->markers;
  QVERIFY(markers.size() >= 4);
  for (const MapMarker &m : markers)
    QVERIFY2(area.contains(m_view->viewport().geoToPixel(m.location).toPoint()), qPrintable(m.title));
}

void TestMapView::layerToggles() {
  m_view->fitToResults();
  waitIdle();
  const QPoint grenoble = m_view->viewport().geoToPixel({45.17869, 5.71479}).toPoint();
  const QImage with = m_view->renderToImage(m_view->size());
  QVERIFY(m_view->markerAt(grenoble) >= 0);

  QAction *markers = m_view->layerAction(MapLayer::Markers);
  QVERIFY(markers && markers->isChecked());
  markers->trigger(); // the menu toggle
  QVERIFY(!m_view->isLayerVisible(MapLayer::Markers));
  QCOMPARE(m_view->markerAt(grenoble), -1);
  const QImage without = m_view->renderToImage(m_view->size());
  QVERIFY(with.pixel(grenoble) != without.pixel(grenoble));

  m_view->setLayerVisible(MapLayer::Heatmap, false);
  QVERIFY(!m_view->layerAction(MapLayer::Heatmap)->isChecked());
  QVERIFY(!m_view->scene().has(MapLayer::Heatmap));
  const QImage noHeat = m_view->renderToImage(m_view->size());
  const QPoint lyon = m_view->viewport().geoToPixel({45.74846, 4.84671}).toPoint() + QPoint(0, 25);
  QVERIFY(without.pixel(lyon) != noHeat.pixel(lyon));
  QVERIFY(!m_view->onlineTilesEnabled()); // off by default
  waitIdle();
}

void TestMapView::toolTips() {
  m_view->fitToResults();
  const QPoint grenoble = m_view->viewport().geoToPixel({45.17869, 5.71479}).toPoint();
  QHelpEvent help(QEvent::ToolTip, grenoble, m_view->mapToGlobal(grenoble));
  QApplication::sendEvent(m_view.get(), &help);
  QVERIFY(QToolTip::isVisible());
  QVERIFY2(QToolTip::text().contains(QStringLiteral("Grenoble")), qPrintable(QToolTip::text()));
  QVERIFY(QToolTip::text().contains(QStringLiteral("9.0 %")));
  const QPoint estimate = m_view->viewport().geoToPixel({45.74846, 4.84671}).toPoint();
  QVERIFY(m_view->toolTipAt(estimate).contains(QStringLiteral("Estimate")));
  QVERIFY(m_view->toolTipAt(estimate).contains(QStringLiteral("Lyon, Auvergne")));
  const QPoint swiss = m_view->viewport().geoToPixel({46.8, 8.2}).toPoint();
  QCOMPARE(m_view->toolTipAt(swiss), QStringLiteral("Switzerland\nProbability: 17 %"));
  QToolTip::hideText();
}

void TestMapView::clickCountry() {
  m_view->setViewport(MapViewport({43.0, 2.0}, 5.0, m_view->size()));
  QSignalSpy spy(m_view.get(), &MapView::countryClicked);
  QSignalSpy markerSpy(m_view.get(), &MapView::markerClicked);
  const QPoint madrid = m_view->viewport().geoToPixel({40.4, -3.7}).toPoint();
  QTest::mouseClick(m_view.get(), Qt::LeftButton, Qt::NoModifier, madrid);
  QCOMPARE(spy.count(), 1);
  QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("ES"));
  QCOMPARE(spy.at(0).at(2).toDouble(), 0.04);
  QCOMPARE(markerSpy.count(), 0);
  m_view->setViewport(MapViewport({45.5, 5.5}, 8.0, m_view->size()));
  QTest::mouseClick(m_view.get(), Qt::LeftButton, Qt::NoModifier,
                    m_view->viewport().geoToPixel({45.17869, 5.71479}).toPoint());
  QCOMPARE(markerSpy.count(), 1);
  QCOMPARE(markerSpy.at(0).at(1).toString(), QStringLiteral("Grenoble"));
  QCOMPARE(markerSpy.at(0).at(2).toDouble(), 0.09);
  waitIdle();
}

void TestMapView::multiImageMode() {
  m_view->setResults({test::annecyResult(), test::madridResult()});
  waitIdle();
  QVERIFY(m_view->scene().field); // combined heatmap
  QCOMPARE(m_view->scene().countryProbability("ES"), (0.04 + 0.8) / 2);
  m_view->setMultiImageMode(MultiImageMode::PerImage);
  waitIdle();
  int images = 0;
  for (const MapMarker &m : m_view->scene().markers->markers)
    images += m.kind == MapMarker::Kind::Image ? 1 : 0;
  QCOMPARE(images, 2);
  QVERIFY(!m_view->scene().field);
  QCOMPARE(m_view->scene().markers->links.size(), size_t(1)); // the Annecy photo has EXIF
}

void TestMapView::savePng() {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("map.png"));
  QString error;
  QVERIFY2(m_view->savePng(path, &error), qPrintable(error));
  const QImage img(path);
  QCOMPARE(img.size(), m_view->size());
  QVERIFY(!m_view->savePng(dir.filePath(QStringLiteral("missing/dir/map.png")), &error));
  QVERIFY(error.contains(QStringLiteral("missing/dir/map.png")));
}

QTEST_MAIN(TestMapView)
#include "tst_mapview.moc"
