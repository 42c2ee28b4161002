// Image ingest end to end: exact pixels for every lossless format and colour type, corrupt and hostile
// files (each a clean per-file error), EXIF orientation (all 8 values, written with exiv2 into
// temporary JPEGs made with OpenCV), EXIF GPS/camera/time parsing, hashing and thumbnails.
#include "core/imageio/ExifInfo.h"
#include "core/imageio/ImageLoader.h"
#include "core/imageio/Orientation.h"
#include "core/imageio/Thumbnail.h"
#include "tests/support/Fixture.h"

#include <QColor>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <cmath>
#include <exiv2/exiv2.hpp>
#include <functional>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

using namespace streetlens;
using streetlens::test::readAll;
using streetlens::test::testDataPath;

using Pixels = QList<int>; // flattened RGB, row-major

Q_DECLARE_METATYPE(streetlens::ImageFormat)

namespace {

const Pixels kPattern = {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 200, 150, 100, 255, 255, 255};
const Pixels kGray = {0, 0, 0, 128, 128, 128, 255, 255, 255, 7, 7, 7, 77, 77, 77, 200, 200, 200};
const Pixels kPalette = {255, 0, 0, 0, 255, 0, 0, 0, 255, 12, 34, 56, 0, 0, 255, 0, 255, 0};

QString dataFile(const char *name) {
  return testDataPath(QStringLiteral("images/") + name);
}

Pixels flatten(const RgbImage &img) {
  Pixels out;
  for (uint8_t v : img.pixels)
    out.push_back(v);
  return out;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
  QFile f(path);
  return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// 64x32 RGB with four 32x16 blocks (MCU-aligned so JPEG keeps the colours): red, green / blue, white.
enum Colour { Red, Green, Blue, White };
const int kQuadrant[4][3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};

QByteArray encode(const char *ext, const cv::Mat &bgr, std::vector<int> params = {}) {
  std::vector<uchar> buf;
  if (!cv::imencode(ext, bgr, buf, params))
    return {};
  return QByteArray(reinterpret_cast<const char *>(buf.data()), qsizetype(buf.size()));
}

cv::Mat quadrantImage() {
  cv::Mat m(32, 64, CV_8UC3);
  for (int y = 0; y < 32; ++y)
    for (int x = 0; x < 64; ++x) {
      const int q = (y >= 16 ? 2 : 0) + (x >= 32 ? 1 : 0);
      m.at<cv::Vec3b>(y, x) =
          cv::Vec3b(uchar(kQuadrant[q][2]), uchar(kQuadrant[q][1]), uchar(kQuadrant[q][0]));
    }
  return m;
}

// Which colour sits near a corner region centre of an RGB image (nearest reference colour).
int colourAt(const RgbImage &img, int x, int y) {
  const uint8_t *p = img.at(x, y);
  int best = -1, bestDist = 1 << 30;
  for (int q = 0; q < 4; ++q) {
    int d = 0;
    for (int c = 0; c < 3; ++c)
      d += (p[c] - kQuadrant[q][c]) * (p[c] - kQuadrant[q][c]);
    if (d < bestDist) {
      bestDist = d;
      best = q;
    }
  }
  return bestDist < 3 * 30 * 30 ? best : -1;
}

// Writes EXIF with exiv2 into the file (tests only: the product never writes metadata).
void writeExif(const QString &path, const std::function<void(Exiv2::ExifData &)> &fill) {
  auto image = Exiv2::ImageFactory::open(path.toStdString());
  image->readMetadata();
  Exiv2::ExifData &exif = image->exifData();
  fill(exif);
  image->writeMetadata();
}

} // namespace

class TestImageLoader : public QObject {
  Q_OBJECT

  QTemporaryDir tmp_;

  QString jpegWithExif(const QString &name, const std::function<void(Exiv2::ExifData &)> &fill) {
    const QString path = tmp_.filePath(name);
    if (!writeFile(path, encode(".jpg", quadrantImage(), {cv::IMWRITE_JPEG_QUALITY, 95})))
      return {};
    writeExif(path, fill);
    return path;
  }

private Q_SLOTS:
  void initTestCase() { QVERIFY(tmp_.isValid()); }

  void decodeExact_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<ImageFormat>("format");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<Pixels>("pixels");
    QTest::newRow("png_rgb") << "rgb_3x2.png" << ImageFormat::Png << 3 << 2 << kPattern;
    QTest::newRow("png_gray") << "gray_3x2.png" << ImageFormat::Png << 3 << 2 << kGray;
    QTest::newRow("png_gray_alpha_dropped") << "gray_alpha_3x2.png" << ImageFormat::Png << 3 << 2 << kGray;
    QTest::newRow("png_rgba_alpha_dropped") << "rgba_3x2.png" << ImageFormat::Png << 3 << 2 << kPattern;
    QTest::newRow("png_palette_trns") << "palette_3x2.png" << ImageFormat::Png << 3 << 2 << kPalette;
    QTest::newRow("png_rgb16") << "rgb16_3x2.png" << ImageFormat::Png << 3 << 2 << kPattern;
    QTest::newRow("png_gray16") << "gray16_3x2.png" << ImageFormat::Png << 3 << 2 << kGray;
    QTest::newRow("png_1x1") << "one_1x1.png" << ImageFormat::Png << 1 << 1 << Pixels{1, 2, 3};
    QTest::newRow("bmp_bottom_up") << "rgb_3x2.bmp" << ImageFormat::Bmp << 3 << 2 << kPattern;
    QTest::newRow("bmp_top_down") << "topdown_3x2.bmp" << ImageFormat::Bmp << 3 << 2 << kPattern;
    QTest::newRow("bmp_os2") << "os2_3x2.bmp" << ImageFormat::Bmp << 3 << 2 << kPattern;
    QTest::newRow("tiff_le") << "rgb_3x2.tif" << ImageFormat::Tiff << 3 << 2 << kPattern;
    QTest::newRow("tiff_be") << "rgb_be_3x2.tif" << ImageFormat::Tiff << 3 << 2 << kPattern;
    QTest::newRow("tiff_named_jpg") << "tiff_named.jpg" << ImageFormat::Tiff << 3 << 2 << kPattern;
    QTest::newRow("gif") << "palette_3x2.gif" << ImageFormat::Gif << 3 << 2 << kPalette;
    QTest::newRow("gif_animated_first_frame") << "animated_3x2.gif" << ImageFormat::Gif << 3 << 2 << kPalette;
  }
  void decodeExact() {
    QFETCH(QString, file);
    QFETCH(ImageFormat, format);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(Pixels, pixels);
    QString error;
    const auto img = loadImage(dataFile(qPrintable(file)), ImageLimits{}, &error);
    QVERIFY2(img, qPrintable(error));
    QCOMPARE(img->probe.format, format);
    QCOMPARE(img->image.width, width);
    QCOMPARE(img->image.height, height);
    QCOMPARE(flatten(img->image), pixels);
    QCOMPARE(img->exif.orientation, 1);
  }

  void webpLossless() {
    if (!cv::haveImageWriter(".webp"))
      QSKIP("this OpenCV has no WebP encoder");
    const cv::Mat bgr = quadrantImage();
    const QByteArray bytes = encode(".webp", bgr, {cv::IMWRITE_WEBP_QUALITY, 101}); // > 100: lossless
    QString error;
    const auto img = loadImageFromBytes(bytes, "mem.webp", ImageLimits{}, &error);
    QVERIFY2(img, qPrintable(error));
    QCOMPARE(img->probe.format, ImageFormat::WebP);
    QCOMPARE(img->image.width, 64);
    QCOMPARE(img->image.height, 32);
    QCOMPARE(colourAt(img->image, 8, 8), int(Red));
    QCOMPARE(colourAt(img->image, 56, 24), int(White));
    QCOMPARE(int(img->image.at(40, 4)[1]), 255); // green block, exact
  }

  void corrupt_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // substring of the error after "<name>: "
    const QByteArray jpeg = encode(".jpg", quadrantImage(), {cv::IMWRITE_JPEG_QUALITY, 90});
    const QByteArray pngFile = readAll(dataFile("rgb_3x2.png"));
    QTest::newRow("text_named_jpg") << readAll(dataFile("text_named.jpg")) << "not an image (unknown format)";
    QTest::newRow("zero_bytes") << readAll(dataFile("empty.jpg")) << "empty file (0 bytes)";
    QTest::newRow("png_bomb_rejected_before_decode")
        << readAll(dataFile("bomb_65535x65535.png"))
        << "image is 65535x65535 pixels, above the limit of 100000000";
    QTest::newRow("jpeg_truncated_half") << jpeg.left(jpeg.size() / 2) << "corrupt JPEG data";
    QTest::newRow("jpeg_truncated_header") << jpeg.left(100) << "JPEG";
    QTest::newRow("jpeg_header_only") << jpeg.left(jpeg.indexOf("\xFF\xDA")) << "corrupt JPEG data";
    QTest::newRow("png_truncated") << pngFile.left(pngFile.size() - 20) << "corrupt PNG data";
    QByteArray badCrc = pngFile;
    badCrc[badCrc.indexOf("IDAT") + 6] = char(badCrc[badCrc.indexOf("IDAT") + 6] ^ 0x55);
    QTest::newRow("png_damaged_idat") << badCrc << "corrupt PNG data";
    QTest::newRow("tiff_truncated_strip") << readAll(dataFile("rgb_3x2.tif")).left(150) << "TIFF";
    QTest::newRow("gif_truncated") << readAll(dataFile("palette_3x2.gif")).left(30) << "GIF";
    QTest::newRow("webp_header_only")
        << QByteArray("RIFF\x16\0\0\0WEBPVP8L\x0a\0\0\0\x2f\x07\xc0\x01\x00", 25) << "corrupt WebP data";
  }
  void corrupt() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString path = tmp_.filePath(QString("corrupt_%1.jpg").arg(QTest::currentDataTag()));
    QVERIFY(writeFile(path, bytes));
    QString error;
    const auto img = loadImage(path, ImageLimits{}, &error);
    QVERIFY2(!img, "a corrupt file was accepted");
    QVERIFY2(error.startsWith(path + ": "), qPrintable(error));
    QVERIFY2(error.contains(expected), qPrintable(error));
  }

  void missingAndOversizedFiles() {
    QString error;
    QVERIFY(!loadImage(tmp_.filePath("does-not-exist.png"), ImageLimits{}, &error));
    QVERIFY2(error.endsWith(": file not found"), qPrintable(error));
    ImageLimits small;
    small.maxFileBytes = 50;
    QVERIFY(!loadImage(dataFile("rgb_3x2.png"), small, &error)); // 81 bytes
    QVERIFY2(error.endsWith("file is 81 bytes, above the limit of 50"), qPrintable(error));
    QVERIFY(!loadImageFromBytes(readAll(dataFile("rgb_3x2.png")), "mem", small, &error));
    QCOMPARE(error, QString("mem: file is 81 bytes, above the limit of 50"));
    QVERIFY(!loadImage(tmp_.path(), ImageLimits{}, &error));
    QVERIFY2(error.endsWith("not a regular file"), qPrintable(error));
  }

  void bufferFollowsTheFileNotTheLimit() {
    // A generous file-size limit must not turn into an allocation of that size: reading "up to
    // the limit" reserved the limit (and, with 4 TiB allowed, failed for an 81-byte file).
    ImageLimits generous;
    generous.maxFileBytes = qint64(1) << 42;
    QString error;
    const auto img = loadImage(dataFile("rgb_3x2.png"), generous, &error);
    QVERIFY2(img.has_value(), qPrintable(error));
    QCOMPARE(img->image.width, 3);
  }

  void tighterPixelLimit() {
    ImageLimits limits;
    limits.maxPixels = 5; // 3x2 = 6 pixels
    QString error;
    QVERIFY(!loadImage(dataFile("rgb_3x2.png"), limits, &error));
    QVERIFY2(error.endsWith("image is 3x2 pixels, above the limit of 5"), qPrintable(error));
    limits.maxPixels = 6;
    QVERIFY2(loadImage(dataFile("rgb_3x2.png"), limits, &error), qPrintable(error));
  }

  void sha256OfFileBytes() {
    QString error;
    const auto img = loadImage(dataFile("one_1x1.png"), ImageLimits{}, &error);
    QVERIFY2(img, qPrintable(error));
    QCOMPARE(img->sha256Hex, QByteArray("9951d20c987aac93c538973ddc3978c0b88c6b1b47b6f80fe4b8dda6200a6a43"));
  }

  void exifOrientation_data() {
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QList<int>>("corners"); // colours at top-left, top-right, bottom-left, bottom-right
    QTest::newRow("1_normal") << 1 << QList<int>{Red, Green, Blue, White};
    QTest::newRow("2_mirror_lr") << 2 << QList<int>{Green, Red, White, Blue};
    QTest::newRow("3_rotate_180") << 3 << QList<int>{White, Blue, Green, Red};
    QTest::newRow("4_mirror_tb") << 4 << QList<int>{Blue, White, Red, Green};
    QTest::newRow("5_transpose") << 5 << QList<int>{Red, Blue, Green, White};
    QTest::newRow("6_rotate_90_cw") << 6 << QList<int>{Blue, Red, White, Green};
    QTest::newRow("7_transverse") << 7 << QList<int>{White, Green, Blue, Red};
    QTest::newRow("8_rotate_90_ccw") << 8 << QList<int>{Green, White, Red, Blue};
  }
  void exifOrientation() {
    QFETCH(int, orientation);
    QFETCH(QList<int>, corners);
    const QString path = jpegWithExif(QString("orient_%1.jpg").arg(orientation), [&](Exiv2::ExifData &d) {
      d["Exif.Image.Orientation"] = uint16_t(orientation);
    });
    QVERIFY(!path.isEmpty());
    QCOMPARE(readExif(readAll(path)).orientation, orientation);
    QString error;
    const auto img = loadImage(path, ImageLimits{}, &error);
    QVERIFY2(img, qPrintable(error));
    QCOMPARE(img->exif.orientation, orientation);
    const bool swapped = orientation >= 5;
    QCOMPARE(img->probe.width, 64); // as stored
    QCOMPARE(img->image.width, swapped ? 32 : 64);
    QCOMPARE(img->image.height, swapped ? 64 : 32);
    const int w = img->image.width, h = img->image.height;
    const QList<int> got = {colourAt(img->image, 4, 4), colourAt(img->image, w - 5, 4),
                            colourAt(img->image, 4, h - 5), colourAt(img->image, w - 5, h - 5)};
    QCOMPARE(got, corners);
  }

  void tiffOrientation_data() {
    QTest::addColumn<int>("orientation");
    QTest::addColumn<QString>("order"); // output pixels as letters of the stored 3x2 pattern a b c / d e f
    QTest::newRow("2") << 2 << "cbafed";
    QTest::newRow("3") << 3 << "fedcba";
    QTest::newRow("4") << 4 << "defabc";
    QTest::newRow("5") << 5 << "adbecf";
    QTest::newRow("6_big_endian") << 6 << "daebfc";
    QTest::newRow("7") << 7 << "fcebda";
    QTest::newRow("8") << 8 << "cfbead";
  }
  void tiffOrientation() {
    // The TIFF Orientation tag is applied exactly once (libtiff's own handling is neutralised).
    QFETCH(int, orientation);
    QFETCH(QString, order);
    QString error;
    const auto img =
        loadImage(dataFile(qPrintable(QString("orient%1_3x2.tif").arg(orientation))), ImageLimits{}, &error);
    QVERIFY2(img, qPrintable(error));
    QCOMPARE(img->exif.orientation, orientation);
    QCOMPARE(img->probe.width, 3);
    QCOMPARE(img->image.width, orientation >= 5 ? 2 : 3);
    Pixels expected;
    for (QChar ch : order)
      expected += kPattern.mid((ch.unicode() - 'a') * 3, 3);
    QCOMPARE(flatten(img->image), expected);
  }

  void orientationExactPixels() {
    // 3x2 source a b c / d e f; rotate 90 clockwise (6) gives d a / e b / f c.
    RgbImage src = RgbImage::allocate(3, 2);
    for (int i = 0; i < 6; ++i)
      src.at(i % 3, i / 3)[0] = uint8_t('a' + i);
    auto letters = [](const RgbImage &img) {
      QString s;
      for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
          s += QChar(img.at(x, y)[0]);
      return s;
    };
    QCOMPARE(letters(applyExifOrientation(src, 1)), QString("abcdef"));
    QCOMPARE(letters(applyExifOrientation(src, 2)), QString("cbafed"));
    QCOMPARE(letters(applyExifOrientation(src, 3)), QString("fedcba"));
    QCOMPARE(letters(applyExifOrientation(src, 4)), QString("defabc"));
    QCOMPARE(letters(applyExifOrientation(src, 5)), QString("adbecf"));
    QCOMPARE(letters(applyExifOrientation(src, 6)), QString("daebfc"));
    QCOMPARE(letters(applyExifOrientation(src, 7)), QString("fcebda"));
    QCOMPARE(letters(applyExifOrientation(src, 8)), QString("cfbead"));
    QCOMPARE(letters(applyExifOrientation(src, 9)), QString("abcdef"));
  }

  void exifGps_data() {
    QTest::addColumn<QString>("latRef");
    QTest::addColumn<QString>("lat");
    QTest::addColumn<QString>("lonRef");
    QTest::addColumn<QString>("lon");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("expectedLat");
    QTest::addColumn<double>("expectedLon");
    // Sydney Opera House 33 deg 51' 30.99" S, 151 deg 12' 54.0" E
    QTest::newRow("south_east") << "S"
                                << "33/1 51/1 3099/100"
                                << "E"
                                << "151/1 12/1 54/1" << true << -(33 + 51 / 60.0 + 30.99 / 3600)
                                << (151 + 12 / 60.0 + 54 / 3600.0);
    QTest::newRow("north_west") << "N"
                                << "40/1 44/1 0/1"
                                << "W"
                                << "73/1 59/1 0/1" << true << (40 + 44 / 60.0) << -(73 + 59 / 60.0);
    QTest::newRow("decimal_minutes") << "N"
                                     << "48/1 5140/1000 0/1"
                                     << "E"
                                     << "2/1 1766/100 0/1" << true << (48 + 5.14 / 60) << (2 + 17.66 / 60);
    QTest::newRow("zero_denominator") << "N"
                                      << "33/0 0/1 0/1"
                                      << "E"
                                      << "10/1 0/1 0/1" << false << 0.0 << 0.0;
    QTest::newRow("zero_over_zero") << "N"
                                    << "10/1 0/0 0/1"
                                    << "E"
                                    << "10/1 0/1 0/1" << false << 0.0 << 0.0;
    QTest::newRow("lat_above_90") << "N"
                                  << "91/1 0/1 0/1"
                                  << "E"
                                  << "10/1 0/1 0/1" << false << 0.0 << 0.0;
    QTest::newRow("lon_above_180") << "S"
                                   << "10/1 0/1 0/1"
                                   << "W"
                                   << "180/1 0/1 1/1" << false << 0.0 << 0.0;
    QTest::newRow("bad_ref") << "X"
                             << "10/1 0/1 0/1"
                             << "E"
                             << "10/1 0/1 0/1" << false << 0.0 << 0.0;
  }
  void exifGps() {
    QFETCH(QString, latRef);
    QFETCH(QString, lat);
    QFETCH(QString, lonRef);
    QFETCH(QString, lon);
    QFETCH(bool, valid);
    QFETCH(double, expectedLat);
    QFETCH(double, expectedLon);
    const QString path =
        jpegWithExif(QString("gps_%1.jpg").arg(QTest::currentDataTag()), [&](Exiv2::ExifData &d) {
          d["Exif.GPSInfo.GPSLatitudeRef"] = latRef.toStdString();
          d["Exif.GPSInfo.GPSLatitude"] = lat.toStdString();
          d["Exif.GPSInfo.GPSLongitudeRef"] = lonRef.toStdString();
          d["Exif.GPSInfo.GPSLongitude"] = lon.toStdString();
        });
    QVERIFY(!path.isEmpty());
    const ExifInfo info = readExif(readAll(path));
    QCOMPARE(info.gps.has_value(), valid);
    if (!valid)
      return;
    QVERIFY2(std::abs(info.gps->lat - expectedLat) < 1e-9,
             qPrintable(QString::number(info.gps->lat, 'g', 12)));
    QVERIFY2(std::abs(info.gps->lon - expectedLon) < 1e-9,
             qPrintable(QString::number(info.gps->lon, 'g', 12)));
    QVERIFY(!info.gps->altitude.has_value());
    QVERIFY(!info.gps->time.isValid());
  }

  // Issue 18: CSV exports printed 2.3522000000000003 for a photo tagged 2.3522 (2° 21' 7.92"):
  // the degrees must be the decimal the tag means, rounded once, so that the shortest round-trip
  // text of every export is the decimal itself.
  void exifGpsDegreesAreTheDecimal_data() {
    QTest::addColumn<QString>("dms");
    QTest::addColumn<double>("degrees");
    QTest::addColumn<QString>("text");
    QTest::newRow("2.3522") << "2/1 21/1 792/100" << 2.3522 << "2.3522";
    QTest::newRow("139.6503") << "139/1 39/1 108/100" << 139.6503 << "139.6503";
    QTest::newRow("151.2091") << "151/1 12/1 3276/100" << 151.2091 << "151.2091";
    QTest::newRow("48.8566") << "48/1 51/1 2376/100" << 48.8566 << "48.8566";
    QTest::newRow("decimal-minutes") << "2/1 1766/100 0/1" << 2.2943333333333333 << "2.2943333333333333";
    QTest::newRow("degrees-only") << "35/1" << 35.0 << "35";
    QTest::newRow("large-denominators")
        << "12/1 34/1 56789012/1000000" << (12 + 34 / 60.0 + 56.789012 / 3600) << "12.582441392222222";
  }
  void exifGpsDegreesAreTheDecimal() {
    QFETCH(QString, dms);
    QFETCH(double, degrees);
    QFETCH(QString, text);
    const QString path =
        jpegWithExif(QString("dms_%1.jpg").arg(QTest::currentDataTag()), [&](Exiv2::ExifData &d) {
          d["Exif.GPSInfo.GPSLatitudeRef"] = std::string("N");
          d["Exif.GPSInfo.GPSLatitude"] = std::string("10/1 0/1 0/1");
          d["Exif.GPSInfo.GPSLongitudeRef"] = std::string("E");
          d["Exif.GPSInfo.GPSLongitude"] = dms.toStdString();
        });
    QVERIFY(!path.isEmpty());
    const ExifInfo info = readExif(readAll(path));
    QVERIFY(info.gps.has_value());
    QCOMPARE(QString::number(info.gps->lon, 'g', QLocale::FloatingPointShortest), text);
    QVERIFY2(std::abs(info.gps->lon - degrees) <= 1e-15 * degrees,
             qPrintable(QString::number(info.gps->lon, 'g', 17)));
  }

  void exifGpsAltitudeTimeCamera() {
    const QString path = jpegWithExif("full.jpg", [](Exiv2::ExifData &d) {
      d["Exif.Image.Make"] = std::string("Streetcam");
      d["Exif.Image.Model"] = std::string("SC-1 Mark II ");
      d["Exif.Photo.DateTimeOriginal"] = std::string("2023:07:14 18:05:09");
      d[Exiv2::ExifKey(0x9011, "Photo").key()] = std::string("+02:00");
      d["Exif.GPSInfo.GPSLatitudeRef"] = std::string("N");
      d["Exif.GPSInfo.GPSLatitude"] = std::string("52/1 31/1 12/1");
      d["Exif.GPSInfo.GPSLongitudeRef"] = std::string("E");
      d["Exif.GPSInfo.GPSLongitude"] = std::string("13/1 24/1 36/1");
      d["Exif.GPSInfo.GPSAltitudeRef"] = std::string("1"); // below sea level
      d["Exif.GPSInfo.GPSAltitude"] = std::string("251/10");
      d["Exif.GPSInfo.GPSDateStamp"] = std::string("2023:07:14");
      d["Exif.GPSInfo.GPSTimeStamp"] = std::string("16/1 5/1 950/100");
    });
    QVERIFY(!path.isEmpty());
    QString error;
    const auto img = loadImage(path, ImageLimits{}, &error);
    QVERIFY2(img, qPrintable(error));
    const ExifInfo &info = img->exif;
    QCOMPARE(info.cameraMake, QString("Streetcam"));
    QCOMPARE(info.cameraModel, QString("SC-1 Mark II"));
    QCOMPARE(info.taken.date(), QDate(2023, 7, 14));
    QCOMPARE(info.taken.time(), QTime(18, 5, 9));
    QCOMPARE(info.taken.offsetFromUtc(), 7200);
    QVERIFY(info.gps);
    QVERIFY(std::abs(info.gps->lat - (52 + 31 / 60.0 + 12 / 3600.0)) < 1e-9);
    QVERIFY(std::abs(info.gps->lon - (13 + 24 / 60.0 + 36 / 3600.0)) < 1e-9);
    QVERIFY(info.gps->altitude);
    QCOMPARE(*info.gps->altitude, -25.1);
    QCOMPARE(info.gps->time, QDateTime(QDate(2023, 7, 14), QTime(16, 5, 9, 500), QTimeZone::utc()));
    QCOMPARE(info.gps->time.toUTC(), info.taken.toUTC().addMSecs(500));
  }

  void readExifNeverThrows() {
    QCOMPARE(readExif(QByteArray()).orientation, 1);
    QCOMPARE(readExif("plain text").orientation, 1);
    QVERIFY(!readExif(readAll(dataFile("palette_3x2.gif"))).gps);
    // A JPEG whose EXIF block is damaged byte by byte: every variant parses or is ignored, no throw.
    const QString path = jpegWithExif("damaged.jpg", [](Exiv2::ExifData &d) {
      d["Exif.Image.Orientation"] = uint16_t(3);
      d["Exif.GPSInfo.GPSLatitude"] = std::string("1/1 2/1 3/1");
    });
    const QByteArray good = readAll(path);
    const qsizetype app1 = good.indexOf("Exif");
    QVERIFY(app1 > 0);
    for (qsizetype i = app1; i < std::min<qsizetype>(good.size(), app1 + 200); ++i) {
      QByteArray bad = good;
      bad[i] = char(bad[i] ^ 0xFF);
      const ExifInfo info = readExif(bad);
      QVERIFY(info.orientation >= 1 && info.orientation <= 8);
    }
  }

  void fixtureJpeg() {
    STREETLENS_REQUIRE_FIXTURE();
    QString error;
    const auto img = loadImage(test::fixturePath("images/landscape_640x480.jpg"), ImageLimits{}, &error);
    QVERIFY2(img, qPrintable(error));
    QCOMPARE(img->probe.format, ImageFormat::Jpeg);
    QCOMPARE(img->image.width, 640);
    QCOMPARE(img->image.height, 480);
  }

  void thumbnail() {
    RgbImage img = RgbImage::allocate(640, 480);
    std::fill(img.pixels.begin(), img.pixels.end(), uint8_t(90));
    const QImage t = makeThumbnail(img, 160);
    QCOMPARE(t.size(), QSize(160, 120));
    QCOMPARE(QColor(t.pixel(80, 60)), QColor(90, 90, 90));
    QCOMPARE(makeThumbnail(img, 1000).size(), QSize(640, 480)); // never upscaled
    QCOMPARE(makeThumbnail(RgbImage::allocate(10, 300), 30).size(), QSize(1, 30));
    QVERIFY(makeThumbnail(RgbImage{}, 100).isNull());
    QVERIFY(makeThumbnail(img, 0).isNull());
  }
};

QTEST_GUILESS_MAIN(TestImageLoader)
#include "tst_imageloader.moc"
