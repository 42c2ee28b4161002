// renderResultMap (the map image of reports) without any widget: fitted around the estimate, top
// cities and EXIF point; heatmap colours near the estimate; the EXIF marker and line; different
// from an empty result; the same image when rendered on a worker thread; no crash without a
// gazetteer or with an empty size.
#include "MapTestData.h"
#include "core/analysis/ConfidenceRegions.h"
#include "ui/map/MapRenderer.h"
#include "ui/map/ReportMap.h"

#include <QGuiApplication>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

using namespace streetlens;
using namespace streetlens::ui;

namespace {

const QSize kSize(640, 400);

// The viewport renderResultMap uses for a result (same shared fitting code).
MapViewport fittedViewport(const ImageResult &r) {
  const auto gaz = test::mapGazetteer();
  const ResultLayers layers = buildResultLayers({r}, MultiImageMode::Combined, 5, gaz.get());
  MapViewport vp;
  vp.setSize(kSize);
  fitViewportToResults(vp, layers, gaz.get());
  return vp;
}

int colourDistance(QRgb a, QRgb b) {
  return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
}

// Share of the pixels within `radius` of `centre` whose colours differ by more than `threshold`.
double changedShare(const QImage &a, const QImage &b, QPointF centre, int radius, int threshold = 24) {
  int changed = 0, total = 0;
  for (int y = int(centre.y()) - radius; y <= int(centre.y()) + radius; ++y)
    for (int x = int(centre.x()) - radius; x <= int(centre.x()) + radius; ++x) {
      if (x < 0 || y < 0 || x >= a.width() || y >= a.height())
        continue;
      if (std::hypot(x - centre.x(), y - centre.y()) > radius)
        continue;
      ++total;
      if (colourDistance(a.pixel(x, y), b.pixel(x, y)) > threshold)
        ++changed;
    }
  return total > 0 ? double(changed) / total : 0.0;
}

int differingPixels(const QImage &a, const QImage &b) {
  int n = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x)
      if (colourDistance(a.pixel(x, y), b.pixel(x, y)) > 24)
        ++n;
  return n;
}

bool inside(QPointF p, QSize s) {
  return p.x() >= 0 && p.y() >= 0 && p.x() < s.width() && p.y() < s.height();
}

} // namespace

class TestReportMap : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void initTestCase();
  void fitsResultPlaces();
  void sameAsRendererAtFittedViewport();
  void heatmapNearEstimate();
  void confidenceRegionsOutlined();
  void exifMarkerAndLine();
  void differsFromEmptyResult();
  void sameImageOnWorkerThread();
  void degenerateInputs();
};

void TestReportMap::initTestCase() {
  QVERIFY2(test::mapGazetteer(), "the built-in gazetteer (resources/gazetteer) did not load");
}

void TestReportMap::fitsResultPlaces() {
  const ImageResult r = test::annecyResult();
  const MapViewport vp = fittedViewport(r);
  QVERIFY(inside(vp.geoToPixel(*r.estimate), kSize));
  QVERIFY(inside(vp.geoToPixel(*r.exifLocation), kSize));
  for (const PlaceProbability &c : r.cities)
    QVERIFY2(inside(vp.geoToPixel(*c.location), kSize), qPrintable(c.name));
  // Zoomed in on the region (France fits), not the whole world, and not closer than the maximum.
  QVERIFY2(vp.zoom() >= 3.5 && vp.zoom() <= 9.0, qPrintable(QString::number(vp.zoom())));
}

void TestReportMap::sameAsRendererAtFittedViewport() {
  const ImageResult r = test::annecyResult();
  const QImage img = renderResultMap(r, test::mapGazetteer(), kSize);
  QCOMPARE(img.size(), kSize);
  const MapScene scene = buildResultScene({r}, test::mapGazetteer());
  QVERIFY(scene.basemap);
  QVERIFY(scene.field && !scene.field->isEmpty());
  QVERIFY(scene.markers && !scene.markers->isEmpty());
  QVERIFY(!scene.has(MapLayer::Tiles));
  const QImage expected = MapRenderer::renderToImage(fittedViewport(r), scene);
  QCOMPARE(differingPixels(img, expected), 0);
}

void TestReportMap::heatmapNearEstimate() {
  const ImageResult r = test::annecyResult();
  const MapViewport vp = fittedViewport(r);
  MapScene scene = buildResultScene({r}, test::mapGazetteer());
  scene.layers.setFlag(MapLayer::Markers, false); // compare the heatmap alone
  scene.layers.setFlag(MapLayer::Legend, false);
  const QImage with = MapRenderer::renderToImage(vp, scene);
  scene.layers.setFlag(MapLayer::Heatmap, false);
  const QImage without = MapRenderer::renderToImage(vp, scene);
  const QPointF estimate = vp.geoToPixel(*r.estimate);
  const double nearShare = changedShare(with, without, estimate, 12);
  QVERIFY2(nearShare > 0.9, qPrintable(QString::number(nearShare)));
  // Far from any probable place (the Atlantic off Portugal, if in view) the heatmap leaves the map as is.
  const QPointF far = vp.geoToPixel(geo::GeoPoint{38.0, -14.0});
  if (inside(far, kSize))
    QVERIFY(changedShare(with, without, far, 6) < 0.05);
  // The heat is a colour of the ramp: warmer (redder than blue) at the estimate than the land.
  const QRgb hot = with.pixel(estimate.toPoint()), land = without.pixel(estimate.toPoint());
  QVERIFY2(qRed(hot) - qBlue(hot) > qRed(land) - qBlue(land) || qBlue(hot) > qBlue(land) + 30,
           qPrintable(QStringLiteral("hot %1 land %2").arg(hot, 0, 16).arg(land, 0, 16)));
}

// The confidence regions are outlined where their rings run, nowhere else, and the layer can be
// switched off.
void TestReportMap::confidenceRegionsOutlined() {
  ImageResult r = test::annecyResult();
  r.confidenceRegions = confidenceRegions(r, test::mapGazetteer().get());
  QCOMPARE(int(r.confidenceRegions.size()), 3);
  const MapViewport vp = fittedViewport(r);
  MapScene scene = buildResultScene({r}, test::mapGazetteer());
  QVERIFY(scene.areas && scene.areas->regions.size() == 3);
  for (MapLayer l : {MapLayer::Markers, MapLayer::Legend, MapLayer::Heatmap})
    scene.layers.setFlag(l, false);
  const QImage with = MapRenderer::renderToImage(vp, scene);
  scene.layers.setFlag(MapLayer::Regions, false);
  const QImage without = MapRenderer::renderToImage(vp, scene);
  int onRing = 0, vertices = 0;
  for (const auto &region : r.confidenceRegions)
    for (const geo::GeoPoint &v : region.polygons.front().front()) {
      const QPointF px = vp.geoToPixel(v);
      if (!inside(px, kSize))
        continue;
      ++vertices;
      onRing += changedShare(with, without, px, 2) > 0.2;
    }
  QVERIFY(vertices > 4);
  QVERIFY2(onRing > vertices * 0.8, qPrintable(QStringLiteral("%1 of %2").arg(onRing).arg(vertices)));
  const QPointF far = vp.geoToPixel(geo::GeoPoint{38.0, -14.0});
  if (inside(far, kSize))
    QVERIFY(changedShare(with, without, far, 6) < 0.01);
  scene.areas.reset(); // no areas and the layer off draw the same map
  QCOMPARE(differingPixels(MapRenderer::renderToImage(vp, scene), without), 0);
}

void TestReportMap::exifMarkerAndLine() {
  const ImageResult r = test::annecyResult();
  ImageResult noExif = r;
  noExif.exifLocation.reset();
  noExif.errorKm.reset();
  const MapViewport vp = fittedViewport(r);
  const MapScene a = buildResultScene({r}, test::mapGazetteer());
  const MapScene b = buildResultScene({noExif}, test::mapGazetteer());
  QCOMPARE(a.markers->links.size(), size_t(1));
  QVERIFY(b.markers->links.empty());
  // Same viewport, so only the EXIF marker and line differ, around the EXIF point.
  const QImage with = MapRenderer::renderToImage(vp, a);
  const QImage without = MapRenderer::renderToImage(vp, b);
  QVERIFY(changedShare(with, without, vp.geoToPixel(*r.exifLocation), 5) > 0.3);
}

void TestReportMap::differsFromEmptyResult() {
  const QImage full = renderResultMap(test::annecyResult(), test::mapGazetteer(), kSize);
  ImageResult empty;
  empty.status = ImageStatus::Done;
  const QImage blank = renderResultMap(empty, test::mapGazetteer(), kSize);
  QCOMPARE(blank.size(), kSize);
  QVERIFY(differingPixels(full, blank) > kSize.width() * kSize.height() / 10);
  // Not a flat image: sea, land and heat.
  QSet<QRgb> colours;
  for (int y = 0; y < full.height(); y += 7)
    for (int x = 0; x < full.width(); x += 7)
      colours.insert(full.pixel(x, y));
  QVERIFY(colours.size() > 50);
}

void TestReportMap::sameImageOnWorkerThread() {
  const ImageResult r = test::annecyResult();
  const auto gaz = test::mapGazetteer();
  const QImage here = renderResultMap(r, gaz, kSize);
  const QImage there = QtConcurrent::run([r, gaz] { return renderResultMap(r, gaz, kSize); }).result();
  QCOMPARE(there.size(), kSize);
  QCOMPARE(differingPixels(here, there), 0);
}

void TestReportMap::degenerateInputs() {
  const ImageResult r = test::annecyResult();
  QVERIFY(renderResultMap(r, test::mapGazetteer(), QSize()).isNull());
  const QImage noGaz = renderResultMap(r, nullptr, QSize(200, 120));
  QCOMPARE(noGaz.size(), QSize(200, 120));
  ImageResult failed = r;
  failed.status = ImageStatus::Failed;
  QCOMPARE(renderResultMap(failed, test::mapGazetteer(), QSize(200, 120)).size(), QSize(200, 120));
}

QTEST_MAIN(TestReportMap)
#include "tst_reportmap.moc"
