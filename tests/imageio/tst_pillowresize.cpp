// Pillow-exact bicubic resampling: hand-computed small cases (kernel values, fixed-point taps, 1-D
// resizes worked out by hand from Pillow's algorithm) and invariants. Bit-exactness against real
// Pillow output on photos is checked by tst_clippreprocess with the tiny-clip fixture.
#include "core/imageio/PillowResize.h"

#include <QTest>
#include <vector>

using namespace streetlens;

namespace {

// A width x height image whose channel c of pixel (x, y) is f(x, y, c).
template <class F> RgbImage makeImage(int width, int height, F f) {
  RgbImage img = RgbImage::allocate(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < 3; ++c)
        img.at(x, y)[c] = uint8_t(f(x, y, c));
  return img;
}

// A 1-row image with the same value in all three channels.
RgbImage row(const std::vector<int> &values) {
  return makeImage(int(values.size()), 1, [&](int x, int, int) { return values[std::size_t(x)]; });
}

std::vector<int> channel0(const RgbImage &img) {
  std::vector<int> out;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x)
      out.push_back(img.at(x, y)[0]);
  return out;
}

} // namespace

class TestPillowResize : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void kernel_data() {
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("expected");
    // K(x) = ((a+2)|x| - (a+3))x^2 + 1 for |x| < 1, (((|x|-5)|x|+8)|x|-4)a for 1 <= |x| < 2, a = -0.5.
    QTest::newRow("zero") << 0.0 << 1.0;
    QTest::newRow("quarter") << 0.25 << 0.8671875; // (1.5*0.25 - 2.5)*0.0625 + 1
    QTest::newRow("half") << -0.5 << 0.5625;       // symmetric
    QTest::newRow("three_quarters") << 0.75 << 0.2265625;
    QTest::newRow("one") << 1.0 << 0.0;
    QTest::newRow("one_and_quarter") << 1.25 << -0.0703125; // ((-3.75*1.25 + 8)*1.25 - 4)*-0.5
    QTest::newRow("one_and_half") << -1.5 << -0.0625;
    QTest::newRow("two") << 2.0 << 0.0;
    QTest::newRow("far") << 7.0 << 0.0;
  }
  void kernel() {
    QFETCH(double, x);
    QFETCH(double, expected);
    QCOMPARE(pillow::bicubicKernel(x), expected);
  }

  void coefficientsHalving() {
    // 2 -> 1: scale 2, support 4, centre 1.0; taps K(-0.25) = K(0.25): two equal weights of 2^21.
    const pillow::AxisCoefficients c = pillow::bicubicCoefficients(2, 1);
    QCOMPARE(c.first.at(0), 0);
    QCOMPARE(c.count.at(0), 2);
    QCOMPARE(c.weights.at(0), 1 << 21);
    QCOMPARE(c.weights.at(1), 1 << 21);
  }

  void coefficientsUpscale() {
    // 2 -> 4, output 1: centre 0.75, taps K(-0.25) = 0.8671875 and K(0.75) = 0.2265625, sum 1.09375.
    // 0.2265625 / 1.09375 * 2^22 = 868820.11 -> 868820; 0.8671875 / 1.09375 * 2^22 = 3325483.89 -> 3325484.
    const pillow::AxisCoefficients c = pillow::bicubicCoefficients(2, 4);
    QCOMPARE(c.first.at(1), 0);
    QCOMPARE(c.count.at(1), 2);
    QCOMPARE(c.weights.at(std::size_t(c.taps) + 0), 3325484);
    QCOMPARE(c.weights.at(std::size_t(c.taps) + 1), 868820);
    // Negative taps round away from zero: output 0 has K(0.25) and K(1.25) = -0.0703125 (sum 0.796875);
    // -0.0703125 / 0.796875 * 2^22 = -370085.65 -> -370086.
    QCOMPARE(c.weights.at(1), -370086);
  }

  void handComputed_data() {
    QTest::addColumn<std::vector<int>>("input");
    QTest::addColumn<int>("outWidth");
    QTest::addColumn<std::vector<int>>("expected");
    // 2 -> 1: two taps of 2^21 each: (2^21 + (a + b) 2^21) >> 22 = floor((1 + a + b) / 2).
    QTest::newRow("halve_0_255") << std::vector<int>{0, 255} << 1 << std::vector<int>{128};
    QTest::newRow("halve_10_21") << std::vector<int>{10, 21} << 1 << std::vector<int>{16};
    QTest::newRow("halve_0_1") << std::vector<int>{0, 1} << 1 << std::vector<int>{1};
    QTest::newRow("halve_254_255") << std::vector<int>{254, 255} << 1 << std::vector<int>{255};
    // 2 -> 4 step: outputs 0 and 3 overshoot (clamped to 0 and 255); output 1 = (2^21 + 255 * 868820) >> 22
    // = 53; output 2 = (2^21 + 255 * 3325484) >> 22 = 202.
    QTest::newRow("double_step") << std::vector<int>{0, 255} << 4 << std::vector<int>{0, 53, 202, 255};
    // 4 -> 2, centre 1.0, taps K(-.25), K(.25), K(.75), K(1.25) / 1.890625: q = 1923841, 1923841, 502625,
    // -155986. [0,0,255,255] -> (2^21 + 255 (502625 - 155986)) >> 22 = 21 and, mirrored, 234.
    QTest::newRow("halve_step") << std::vector<int>{0, 0, 255, 255} << 2 << std::vector<int>{21, 234};
    // 1 -> 3: a single tap of weight 1.
    QTest::newRow("single_pixel") << std::vector<int>{77} << 3 << std::vector<int>{77, 77, 77};
  }
  void handComputed() {
    QFETCH(std::vector<int>, input);
    QFETCH(int, outWidth);
    QFETCH(std::vector<int>, expected);
    const RgbImage out = resizeBicubicPillow(row(input), outWidth, 1);
    QCOMPARE(out.width, outWidth);
    QCOMPARE(out.height, 1);
    QCOMPARE(channel0(out), expected);
    // The same numbers along the vertical axis (a 1-column image).
    RgbImage column = RgbImage::allocate(1, int(input.size()));
    for (int y = 0; y < column.height; ++y)
      column.at(0, y)[0] = column.at(0, y)[1] = column.at(0, y)[2] = uint8_t(input[std::size_t(y)]);
    QCOMPARE(channel0(resizeBicubicPillow(column, 1, outWidth)), expected);
  }

  void constantStaysConstant_data() {
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("ow");
    QTest::addColumn<int>("oh");
    QTest::newRow("down") << 97 << 61 << 13 << 9;
    QTest::newRow("up") << 5 << 3 << 37 << 29;
    QTest::newRow("strong_down") << 1500 << 2 << 7 << 1;
    QTest::newRow("mixed") << 40 << 7 << 11 << 30;
  }
  void constantStaysConstant() {
    QFETCH(int, w);
    QFETCH(int, h);
    QFETCH(int, ow);
    QFETCH(int, oh);
    for (int v : {0, 1, 128, 254, 255}) {
      const RgbImage src = makeImage(w, h, [&](int, int, int c) { return (v + 40 * c) % 256; });
      const RgbImage out = resizeBicubicPillow(src, ow, oh);
      QCOMPARE(out.width, ow);
      QCOMPARE(out.height, oh);
      QVERIFY(!out.isNull());
      for (int y = 0; y < oh; ++y)
        for (int x = 0; x < ow; ++x)
          for (int c = 0; c < 3; ++c)
            QCOMPARE(int(out.at(x, y)[c]), (v + 40 * c) % 256);
    }
  }

  void sameSizeIsCopy() {
    const RgbImage src = makeImage(9, 4, [](int x, int y, int c) { return x * 31 + y * 7 + c * 3; });
    const RgbImage out = resizeBicubicPillow(src, 9, 4);
    QCOMPARE(out.pixels, src.pixels);
  }

  void channelsIndependent() {
    // Each channel is filtered on its own: an RGB resize equals three single-channel resizes.
    const RgbImage src =
        makeImage(23, 17, [](int x, int y, int c) { return (x * 37 + y * 11 + c * 101) % 256; });
    const RgbImage out = resizeBicubicPillow(src, 10, 31);
    for (int c = 0; c < 3; ++c) {
      const RgbImage gray = makeImage(23, 17, [&](int x, int y, int) { return src.at(x, y)[c]; });
      const RgbImage g = resizeBicubicPillow(gray, 10, 31);
      for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
          QCOMPARE(out.at(x, y)[c], g.at(x, y)[0]);
    }
  }

  void horizontalPassFirstThroughUint8() {
    // Pillow resamples horizontally into a uint8 image, then vertically: the result must equal the
    // two explicit single-axis resizes in that order.
    const RgbImage src =
        makeImage(31, 19, [](int x, int y, int c) { return ((x * x + 3 * y) * (c + 1)) % 256; });
    const RgbImage direct = resizeBicubicPillow(src, 12, 44);
    const RgbImage twoStep = resizeBicubicPillow(resizeBicubicPillow(src, 12, 19), 12, 44);
    QCOMPARE(direct.pixels, twoStep.pixels);
  }

  void regionEqualsCropOfFullResize_data() {
    QTest::addColumn<int>("inW");
    QTest::addColumn<int>("inH");
    QTest::addColumn<int>("outW");
    QTest::addColumn<int>("outH");
    QTest::addColumn<int>("x0");
    QTest::addColumn<int>("y0");
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("h");
    QTest::newRow("down both, centre") << 97 << 61 << 40 << 25 << 7 << 3 << 20 << 19;
    QTest::newRow("up both, corner") << 13 << 9 << 50 << 41 << 0 << 0 << 17 << 11;
    QTest::newRow("up both, far corner") << 13 << 9 << 50 << 41 << 33 << 30 << 17 << 11;
    QTest::newRow("width only") << 40 << 12 << 90 << 12 << 31 << 2 << 29 << 9;
    QTest::newRow("height only") << 12 << 40 << 12 << 90 << 1 << 44 << 10 << 46;
    QTest::newRow("same size") << 16 << 16 << 16 << 16 << 4 << 5 << 6 << 7;
    QTest::newRow("whole output") << 31 << 23 << 17 << 29 << 0 << 0 << 17 << 29;
    QTest::newRow("tall strip") << 3 << 200 << 32 << 2133 << 0 << 1050 << 32 << 32;
    QTest::newRow("single pixel") << 25 << 25 << 11 << 11 << 10 << 10 << 1 << 1;
  }

  void regionEqualsCropOfFullResize() {
    QFETCH(int, inW);
    QFETCH(int, inH);
    QFETCH(int, outW);
    QFETCH(int, outH);
    QFETCH(int, x0);
    QFETCH(int, y0);
    QFETCH(int, w);
    QFETCH(int, h);
    const RgbImage src =
        makeImage(inW, inH, [](int x, int y, int c) { return (x * 53 + y * y * 7 + c * 89 + x * y) % 256; });
    const RgbImage full = resizeBicubicPillow(src, outW, outH);
    const RgbImage part = resizeBicubicPillowRegion(src, outW, outH, x0, y0, w, h);
    QCOMPARE(part.width, w);
    QCOMPARE(part.height, h);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        for (int c = 0; c < 3; ++c)
          QCOMPARE(int(part.at(x, y)[c]), int(full.at(x0 + x, y0 + y)[c]));
  }

  void rangeCoefficientsMatchFull() {
    const pillow::AxisCoefficients full = pillow::bicubicCoefficients(37, 101);
    const pillow::AxisCoefficients part = pillow::bicubicCoefficients(37, 101, 40, 77);
    QCOMPARE(part.taps, full.taps);
    QCOMPARE(int(part.first.size()), 37);
    for (int i = 0; i < 37; ++i) {
      QCOMPARE(part.first[std::size_t(i)], full.first[std::size_t(40 + i)]);
      QCOMPARE(part.count[std::size_t(i)], full.count[std::size_t(40 + i)]);
      for (int k = 0; k < full.taps; ++k)
        QCOMPARE(part.weights[std::size_t(i * part.taps + k)],
                 full.weights[std::size_t((40 + i) * full.taps + k)]);
    }
    QVERIFY(pillow::bicubicCoefficients(37, 101, 50, 50).first.empty());
    QVERIFY(pillow::bicubicCoefficients(37, 101, -1, 5).first.empty());
    QVERIFY(pillow::bicubicCoefficients(37, 101, 90, 102).first.empty());
  }

  void regionOutsideOutputIsNull() {
    const RgbImage src = makeImage(8, 8, [](int, int, int) { return 1; });
    QVERIFY(resizeBicubicPillowRegion(src, 10, 10, 5, 0, 6, 4).isNull());
    QVERIFY(resizeBicubicPillowRegion(src, 10, 10, -1, 0, 4, 4).isNull());
    QVERIFY(resizeBicubicPillowRegion(src, 10, 10, 0, 0, 0, 4).isNull());
    QVERIFY(resizeBicubicPillowRegion(RgbImage{}, 10, 10, 0, 0, 4, 4).isNull());
  }

  void invalidInput() {
    QVERIFY(resizeBicubicPillow(RgbImage{}, 4, 4).isNull());
    const RgbImage src = makeImage(3, 3, [](int, int, int) { return 9; });
    QVERIFY(resizeBicubicPillow(src, 0, 4).isNull());
    QVERIFY(resizeBicubicPillow(src, 4, -1).isNull());
    RgbImage broken = src;
    broken.pixels.pop_back(); // buffer does not match the size
    QVERIFY(resizeBicubicPillow(broken, 2, 2).isNull());
  }
};

QTEST_APPLESS_MAIN(TestPillowResize)
#include "tst_pillowresize.moc"
