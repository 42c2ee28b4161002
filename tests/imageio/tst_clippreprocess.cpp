// CLIP preprocessing parity with the tiny-clip fixture (HF CLIPImageProcessor slow/PIL semantics):
// one row per fixture image; PNGs must match exactly (max |d| <= 1e-6), the JPEG within one 8-bit
// level. Also the size rule, the floor crop, padding and parsePreprocessorConfig.
#include "core/imageio/ClipImageProcessor.h"
#include "core/imageio/ImageLoader.h"
#include "core/imageio/PillowResize.h"
#include "tests/support/Fixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTest>
#include <cmath>
#include <cstring>

using namespace streetlens;
using streetlens::test::expectedJson;
using streetlens::test::fixturePath;
using streetlens::test::readAll;

namespace {

std::vector<float> readFloats(const QByteArray &bytes) {
  std::vector<float> v(std::size_t(bytes.size()) / sizeof(float));
  static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the fixture stores float32 little-endian");
  std::memcpy(v.data(), bytes.constData(), v.size() * sizeof(float));
  return v;
}

ClipImageConfig fixtureConfig() {
  QString error;
  const auto cfg = parsePreprocessorConfig(readAll(fixturePath("model/preprocessor_config.json")), &error);
  return cfg ? *cfg : ClipImageConfig{};
}

// A width x height image whose pixel (x, y) is (x, y, 7) (values modulo 256).
RgbImage coordinateImage(int width, int height) {
  RgbImage img = RgbImage::allocate(width, height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      img.at(x, y)[0] = uint8_t(x);
      img.at(x, y)[1] = uint8_t(y);
      img.at(x, y)[2] = 7;
    }
  return img;
}

} // namespace

class TestClipPreprocess : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void fixtureParity_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pixels");
    const QJsonArray images = expectedJson().value("images").toArray();
    for (const QJsonValue &v : images) {
      const QString file = v.toObject().value("file").toString();
      QTest::newRow(qPrintable(file)) << file << v.toObject().value("pixels").toString();
    }
    if (images.isEmpty()) // keeps the test function running so that it FAILS without the fixture
      QTest::newRow("fixture_missing") << QString() << QString();
  }
  void fixtureParity() {
    STREETLENS_REQUIRE_FIXTURE();
    QFETCH(QString, file);
    QFETCH(QString, pixels);
    QVERIFY2(!file.isEmpty(), "expected.json lists no images");
    const ClipImageConfig cfg = fixtureConfig();
    QString error;
    const auto loaded = loadImage(fixturePath("images/" + file), ImageLimits{}, &error);
    QVERIFY2(loaded, qPrintable(error));
    const std::vector<float> got = clipPreprocess(loaded->image, cfg);
    const std::vector<float> want = readFloats(readAll(fixturePath("pixels/" + pixels)));
    QCOMPARE(want.size(), std::size_t(3 * 336 * 336));
    QCOMPARE(got.size(), want.size());
    double maxDiff = 0;
    std::size_t differing = 0;
    for (std::size_t i = 0; i < got.size(); ++i) {
      const double d = std::fabs(double(got[i]) - double(want[i]));
      maxDiff = std::max(maxDiff, d);
      differing += d > 1e-6 ? 1 : 0;
    }
    const bool isJpeg =
        file.endsWith(".jpg", Qt::CaseInsensitive) || file.endsWith(".jpeg", Qt::CaseInsensitive);
    const double tolerance = isJpeg ? 1.0 / 255.0 / 0.26 + 1e-6 : 1e-6;
    qInfo("%s: max |d| = %.9g over %zu values, %zu differ by more than 1e-6 (tolerance %.9g)",
          qPrintable(file), maxDiff, got.size(), differing, tolerance);
    QVERIFY2(maxDiff <= tolerance, qPrintable(QString("max |d| %1 above %2").arg(maxDiff).arg(tolerance)));
  }

  void resizedSize_data() {
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("ew");
    QTest::addColumn<int>("eh");
    // HF get_resize_output_image_size: short side -> 336, long side int(336 * long / short).
    QTest::newRow("1920x1080") << 1920 << 1080 << 597 << 336; // 597.33 truncated
    QTest::newRow("640x480") << 640 << 480 << 448 << 336;
    QTest::newRow("480x800") << 480 << 800 << 336 << 560;
    QTest::newRow("square") << 336 << 336 << 336 << 336;
    QTest::newRow("upscale_200x150") << 200 << 150 << 448 << 336;
    QTest::newRow("odd_1023x771") << 1023 << 771 << 445 << 336; // 445.82
    QTest::newRow("wide_1200x300") << 1200 << 300 << 1344 << 336;
    QTest::newRow("1x1") << 1 << 1 << 336 << 336;
  }
  void resizedSize() {
    QFETCH(int, w);
    QFETCH(int, h);
    QFETCH(int, ew);
    QFETCH(int, eh);
    const auto [rw, rh] = clipResizedSize(w, h, ClipImageConfig{});
    QCOMPARE(rw, ew);
    QCOMPARE(rh, eh);
  }

  void floorCropOffset() {
    // 339 wide, 337 high, no resize: left = (339 - 336) // 2 = 1, top = (337 - 336) // 2 = 0 (floor;
    // torchvision's round-half-even would give 2 and 0).
    ClipImageConfig cfg;
    cfg.doResize = false;
    cfg.doRescale = false;
    cfg.doNormalize = false;
    const std::vector<float> out = clipPreprocess(coordinateImage(339, 337), cfg);
    QCOMPARE(out.size(), std::size_t(3 * 336 * 336));
    QCOMPARE(out[0], 1.0f);               // R = x of the first column
    QCOMPARE(out[335], float(336 % 256)); // last column x = 336
    QCOMPARE(out[336 * 336], 0.0f);       // G = y of the first row
    QCOMPARE(out[336 * 336 + 335 * 336], float(335 % 256));
    QCOMPARE(out[2 * 336 * 336], 7.0f);
  }

  void paddedCrop() {
    // A 2x2 image cropped to 4x4 is zero-padded (HF: ceil of half the padding on top/left).
    ClipImageConfig cfg;
    cfg.doResize = false;
    cfg.cropHeight = cfg.cropWidth = 4;
    RgbImage img = RgbImage::allocate(2, 2);
    std::fill(img.pixels.begin(), img.pixels.end(), uint8_t(255));
    const std::vector<float> out = clipPreprocess(img, cfg);
    QCOMPARE(out.size(), std::size_t(3 * 4 * 4));
    for (int c = 0; c < 3; ++c)
      for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x) {
          const bool inside = x >= 1 && x <= 2 && y >= 1 && y <= 2;
          const float v = inside ? float(255.0 * (1.0 / 255.0)) : 0.0f;
          QCOMPARE(out[std::size_t(c * 16 + y * 4 + x)], (v - cfg.mean[c]) / cfg.std[c]);
        }
  }

  void resizeThenCropEqualsFullResize_data() {
    QTest::addColumn<int>("w");
    QTest::addColumn<int>("h");
    QTest::addColumn<int>("shortest"); // 0: fixed resize to rw x rh
    QTest::addColumn<int>("rw");
    QTest::addColumn<int>("rh");
    QTest::addColumn<int>("crop");
    QTest::newRow("wide 1200x300") << 1200 << 300 << 32 << 0 << 0 << 32;
    QTest::newRow("tall strip 7x500") << 7 << 500 << 24 << 0 << 0 << 20;
    QTest::newRow("odd 101x77") << 101 << 77 << 33 << 0 << 0 << 30;
    QTest::newRow("upscale 5x3") << 5 << 3 << 40 << 0 << 0 << 36;
    QTest::newRow("crop wider than resize (padded)") << 50 << 40 << 0 << 10 << 30 << 24;
    QTest::newRow("crop equals resize") << 64 << 48 << 24 << 0 << 0 << 24;
  }

  void resizeThenCropEqualsFullResize() {
    // clipPreprocess resamples only the crop window; it must equal resizing the whole image first.
    QFETCH(int, w);
    QFETCH(int, h);
    QFETCH(int, shortest);
    QFETCH(int, rw);
    QFETCH(int, rh);
    QFETCH(int, crop);
    RgbImage img = RgbImage::allocate(w, h);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        for (int c = 0; c < 3; ++c)
          img.at(x, y)[c] = uint8_t((x * 29 + y * 13 + c * 71 + (x * y) / 3) % 256);
    ClipImageConfig cfg;
    cfg.shortestEdge = shortest > 0 ? shortest : cfg.shortestEdge;
    cfg.resizeWidth = rw;
    cfg.resizeHeight = rh;
    cfg.cropHeight = cfg.cropWidth = crop;
    const auto [fw, fh] = clipResizedSize(w, h, cfg);
    ClipImageConfig cropOnly = cfg;
    cropOnly.doResize = false;
    const std::vector<float> expected = clipPreprocess(resizeBicubicPillow(img, fw, fh), cropOnly);
    const std::vector<float> got = clipPreprocess(img, cfg);
    QCOMPARE(got.size(), std::size_t(3 * crop * crop));
    QVERIFY(got == expected);
  }

  void extremeStripStaysSmall() {
    // A 1 x 30000 strip (inside the default limits) resized to a 336 shortest edge would be a
    // 336 x 10,080,000 image (10 GB); only the 336 x 336 crop may be computed.
    RgbImage strip = RgbImage::allocate(1, 30000);
    std::fill(strip.pixels.begin(), strip.pixels.end(), uint8_t(200));
    const ClipImageConfig cfg;
    const std::vector<float> out = clipPreprocess(strip, cfg);
    QCOMPARE(out.size(), std::size_t(3 * 336 * 336));
    for (int c = 0; c < 3; ++c) {
      const float v = float(200.0 * cfg.rescaleFactor);
      const float expected = (v - cfg.mean[c]) / cfg.std[c];
      QCOMPARE(out[std::size_t(c) * 336 * 336], expected);
      QCOMPARE(out[std::size_t(c + 1) * 336 * 336 - 1], expected);
    }
  }

  void rescaleAndNormalizeArithmetic() {
    // One value per channel, no resize/crop: float32(double(p) / 255) then (x - mean) / std in float32.
    // Known results: p = 0 -> -mean/std; p = 255 -> (1 - mean)/std.
    ClipImageConfig cfg;
    cfg.doResize = false;
    cfg.doCenterCrop = false;
    RgbImage img = RgbImage::allocate(2, 1);
    img.at(0, 0)[0] = 0;
    img.at(1, 0)[0] = 255;
    const std::vector<float> out = clipPreprocess(img, cfg);
    QCOMPARE(out.size(), std::size_t(6));
    QCOMPARE(out[0], -0.48145466f / 0.26862954f);
    QCOMPARE(out[1], (1.0f - 0.48145466f) / 0.26862954f);
    QVERIFY(std::fabs(out[1] - 1.9303361f) < 1e-6f);
  }

  void nullImage() { QVERIFY(clipPreprocess(RgbImage{}, ClipImageConfig{}).empty()); }

  void parseConfig_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("shortest");
    QTest::addColumn<int>("resizeH");
    QTest::addColumn<int>("cropH");
    QTest::addColumn<int>("cropW");
    QTest::addColumn<QString>("errorPart");
    QTest::newRow("fixture_legacy_int") << readAll(fixturePath("model/preprocessor_config.json")) << true
                                        << 336 << 0 << 336 << 336 << QString();
    QTest::newRow("dict_forms") << QByteArray(R"({"size": {"shortest_edge": 224},
        "crop_size": {"height": 224, "width": 200}, "resample": 3})")
                                << true << 224 << 0 << 224 << 200 << QString();
    QTest::newRow("size_height_width") << QByteArray(R"({"size": {"height": 300, "width": 400}})") << true
                                       << 336 << 300 << 336 << 336 << QString();
    QTest::newRow("list_crop") << QByteArray(R"({"crop_size": [100, 120]})") << true << 336 << 0 << 100 << 120
                               << QString();
    QTest::newRow("empty_object_defaults") << QByteArray("{}") << true << 336 << 0 << 336 << 336 << QString();
    QTest::newRow("resample_bilinear")
        << QByteArray(R"({"resample": 2})") << false << 0 << 0 << 0 << 0 << QString("bilinear");
    QTest::newRow("resample_lanczos")
        << QByteArray(R"({"resample": 1})") << false << 0 << 0 << 0 << 0 << QString("only 3 (bicubic)");
    QTest::newRow("bad_json") << QByteArray(R"({"size": 336,)") << false << 0 << 0 << 0 << 0
                              << QString("invalid JSON");
    QTest::newRow("not_object") << QByteArray("[1, 2]") << false << 0 << 0 << 0 << 0
                                << QString("JSON object");
    QTest::newRow("mean_wrong_length")
        << QByteArray(R"({"image_mean": [0.5, 0.5]})") << false << 0 << 0 << 0 << 0 << QString("image_mean");
    QTest::newRow("std_zero") << QByteArray(R"({"image_std": [0.5, 0, 0.5]})") << false << 0 << 0 << 0 << 0
                              << QString("image_std");
    QTest::newRow("size_negative") << QByteArray(R"({"size": -5})") << false << 0 << 0 << 0 << 0
                                   << QString("\"size\"");
    QTest::newRow("size_longest_edge") << QByteArray(R"({"size": {"longest_edge": 500}})") << false << 0 << 0
                                       << 0 << 0 << QString("longest_edge");
    QTest::newRow("crop_shortest_edge") << QByteArray(R"({"crop_size": {"shortest_edge": 5}})") << false << 0
                                        << 0 << 0 << 0 << QString("crop_size");
    QTest::newRow("bool_wrong_type") << QByteArray(R"({"do_resize": "yes"})") << false << 0 << 0 << 0 << 0
                                     << QString("do_resize");
  }
  void parseConfig() {
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(int, shortest);
    QFETCH(int, resizeH);
    QFETCH(int, cropH);
    QFETCH(int, cropW);
    QFETCH(QString, errorPart);
    if (QByteArray(QTest::currentDataTag()).startsWith("fixture"))
      STREETLENS_REQUIRE_FIXTURE();
    QString error;
    const auto cfg = parsePreprocessorConfig(json, &error);
    QCOMPARE(bool(cfg), ok);
    if (!ok) {
      QVERIFY2(error.contains(errorPart), qPrintable(error));
      return;
    }
    QCOMPARE(cfg->shortestEdge, shortest);
    QCOMPARE(cfg->resizeHeight, resizeH);
    QCOMPARE(cfg->cropHeight, cropH);
    QCOMPARE(cfg->cropWidth, cropW);
  }

  void parseFixtureValues() {
    STREETLENS_REQUIRE_FIXTURE();
    const ClipImageConfig cfg = fixtureConfig();
    QVERIFY(cfg.doResize && cfg.doCenterCrop && cfg.doNormalize && cfg.doRescale && cfg.doConvertRgb);
    QCOMPARE(cfg.mean[0], 0.48145466f);
    QCOMPARE(cfg.mean[2], 0.40821073f);
    QCOMPARE(cfg.std[1], 0.26130258f);
    QCOMPARE(cfg.rescaleFactor, 1.0 / 255.0);
  }

  void parseFlagsAndScalars() {
    QString error;
    const auto cfg = parsePreprocessorConfig(
        R"({"do_center_crop": false, "do_normalize": false, "rescale_factor": 0.5, "image_mean": 0.25})",
        &error);
    QVERIFY2(cfg, qPrintable(error));
    QVERIFY(!cfg->doCenterCrop);
    QVERIFY(!cfg->doNormalize);
    QCOMPARE(cfg->rescaleFactor, 0.5);
    QCOMPARE(cfg->mean[1], 0.25f);
  }
};

QTEST_GUILESS_MAIN(TestClipPreprocess)
#include "tst_clippreprocess.moc"
