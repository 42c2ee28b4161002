// HeatmapRasterizer: the colour scale and golden rasters of a hand-made field.
#include "ui/map/HeatmapRasterizer.h"

#include <QTest>

using namespace streetlens;
using namespace streetlens::ui;

class TestHeatmapRasterizer : public QObject {
  Q_OBJECT
private Q_SLOTS:
  void rampPosition_data();
  void rampPosition();
  void goldenRaster();
  void rasterSize_data();
  void rasterSize();
  void cancelled();
  void emptyField();
};

void TestHeatmapRasterizer::rampPosition_data() {
  QTest::addColumn<double>("fraction"); // density / max
  QTest::addColumn<double>("t");
  QTest::newRow("max") << 1.0 << 1.0;
  QTest::newRow("above-max-clamped") << 3.0 << 1.0;
  QTest::newRow("tenth") << 0.1 << 2.0 / 3.0;
  QTest::newRow("hundredth") << 0.01 << 1.0 / 3.0;
  QTest::newRow("thousandth") << 0.001 << 0.0;
  QTest::newRow("below") << 1e-6 << 0.0;
  QTest::newRow("zero") << 0.0 << 0.0;
}

void TestHeatmapRasterizer::rampPosition() {
  QFETCH(double, fraction);
  QFETCH(double, t);
  const double maxD = 0.37;
  QVERIFY(std::abs(HeatmapRasterizer::rampPosition(fraction * maxD, maxD) - t) < 1e-12);
  if (t > 0.0 && fraction <= 1.0)
    QVERIFY(std::abs(HeatmapRasterizer::densityAt(t, maxD) - fraction * maxD) < 1e-12);
}

// A 2 x 4 field of 90-degree cells with all its mass in the cell lat 0..90, lon 0..90, drawn at
// zoom 0 (the world is 256 px) in 64 px blocks: a 4 x 4 raster whose column 2 spans lon 0..90.
// Samples (block centres) sit at lat ~79, ~41, ~-41, ~-79. Bilinear interpolation between cell
// centres (lat +-45) gives the full density in rows 0 and 1 of column 2 (row 1 is 95.6 % of it,
// still the top of the ramp), 4.4 % in row 2 (a partial colour) and nothing anywhere else.
void TestHeatmapRasterizer::goldenRaster() {
  ProbabilityField f = ProbabilityField::zeros(90.0);
  f.addKernel({{45, 45}, 0.0, 1.0});
  QVERIFY(f.maxDensity() > 0.0);
  const MapViewport vp({0, 0}, 0.0, QSize(256, 256));
  const ColorRamp ramp(ColorRamp::Kind::Magma);
  const double opacity = 0.8;
  const QImage img = HeatmapRasterizer::rasterize(vp, f, ramp, opacity, 64);
  QCOMPARE(img.size(), QSize(4, 4));
  const int full = qRound(0.8 * 255);
  const int expectedAlpha[4][4] = {{0, 0, full, 0}, {0, 0, full, 0}, {0, 0, -1, 0}, {0, 0, 0, 0}};
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) {
      const int a = qAlpha(img.pixel(x, y));
      const int e = expectedAlpha[y][x];
      if (e < 0)
        QVERIFY2(a > 0 && a < full,
                 qPrintable(QStringLiteral("partial pixel %1,%2 alpha %3").arg(x).arg(y).arg(a)));
      else
        QVERIFY2(a == e,
                 qPrintable(QStringLiteral("pixel %1,%2 alpha %3, expected %4").arg(x).arg(y).arg(a).arg(e)));
    }
  }
  // The peak is the top colour of the ramp (premultiplied by the opacity).
  const QRgb top = ramp.rgbAt(1.0);
  const QRgb got = qUnpremultiply(img.pixel(2, 0));
  QVERIFY2(std::abs(qRed(got) - qRed(top)) <= 2,
           qPrintable(QString::number(got, 16) + " vs " + QString::number(top, 16)));
  QVERIFY(std::abs(qGreen(got) - qGreen(top)) <= 2);
  QVERIFY(std::abs(qBlue(got) - qBlue(top)) <= 2);
  // Lower density -> earlier (darker) in magma.
  QVERIFY(qGray(qUnpremultiply(img.pixel(2, 2))) < qGray(got));
}

void TestHeatmapRasterizer::rasterSize_data() {
  QTest::addColumn<QSize>("view");
  QTest::addColumn<int>("step");
  QTest::addColumn<QSize>("raster");
  QTest::newRow("exact") << QSize(100, 50) << 1 << QSize(100, 50);
  QTest::newRow("step2") << QSize(1280, 800) << 2 << QSize(640, 400);
  QTest::newRow("step3-rounds-up") << QSize(100, 50) << 3 << QSize(34, 17);
  QTest::newRow("step0-means-1") << QSize(10, 10) << 0 << QSize(10, 10);
}

void TestHeatmapRasterizer::rasterSize() {
  QFETCH(QSize, view);
  QFETCH(int, step);
  QFETCH(QSize, raster);
  ProbabilityField f = ProbabilityField::zeros(1.0);
  f.addKernel({{10, 10}, 300.0, 1.0});
  const QImage img = HeatmapRasterizer::rasterize(MapViewport({10, 10}, 3, view), f, ColorRamp(), 0.7, step);
  QCOMPARE(img.size(), raster);
}

void TestHeatmapRasterizer::cancelled() {
  ProbabilityField f = ProbabilityField::zeros(1.0);
  f.addKernel({{10, 10}, 300.0, 1.0});
  std::atomic<bool> cancel{true};
  QVERIFY(HeatmapRasterizer::rasterize(MapViewport({10, 10}, 3, QSize(200, 200)), f, ColorRamp(), 0.7, 2, 0.0,
                                       &cancel)
              .isNull());
}

void TestHeatmapRasterizer::emptyField() {
  const QImage img = HeatmapRasterizer::rasterize(MapViewport({0, 0}, 1, QSize(64, 64)),
                                                  ProbabilityField::zeros(1.0), ColorRamp(), 0.7, 1);
  QCOMPARE(img.size(), QSize(64, 64));
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x)
      QCOMPARE(qAlpha(img.pixel(x, y)), 0);
}

QTEST_GUILESS_MAIN(TestHeatmapRasterizer)
#include "tst_heatmaprasterizer.moc"
