// Header-only probing: magic bytes and dimensions for every allow-listed format, malformed headers,
// and the limit check that rejects decompression bombs before any decoding.
#include "core/imageio/ImageProbe.h"
#include "tests/support/Fixture.h"

#include <QTest>

using namespace streetlens;
using streetlens::test::readAll;
using streetlens::test::testDataPath;

Q_DECLARE_METATYPE(streetlens::ImageFormat)

namespace {

QByteArray be16(int v) {
  return QByteArray(1, char((v >> 8) & 0xFF)) + char(v & 0xFF);
}
QByteArray le16(int v) {
  return QByteArray(1, char(v & 0xFF)) + char((v >> 8) & 0xFF);
}
QByteArray le24(int v) {
  return le16(v & 0xFFFF) + char((v >> 16) & 0xFF);
}
QByteArray le32(quint32 v) {
  return le16(int(v & 0xFFFF)) + le16(int(v >> 16));
}

// SOI, an APP0 segment, then a frame header of the given SOF marker; `fill` puts fill bytes before it.
QByteArray jpegHeader(int sof, int width, int height, bool fill = false) {
  QByteArray b("\xFF\xD8", 2);
  b += QByteArray("\xFF\xE0", 2) + be16(16) + QByteArray("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14);
  if (fill)
    b += QByteArray("\xFF\xFF\xFF", 3);
  b += QByteArray(1, '\xFF') + char(sof) + be16(17) + char(8) + be16(height) + be16(width) + char(3);
  b += QByteArray(9, '\x11');
  return b;
}

QByteArray riff(const QByteArray &chunk, const QByteArray &payload) {
  const QByteArray body = "WEBP" + chunk + le32(quint32(payload.size())) + payload;
  return "RIFF" + le32(quint32(body.size())) + body;
}

QByteArray webpVp8(int w, int h) {
  // Key frame tag (bit 0 clear), start code 9d 01 2a, 14-bit sizes with 2 scale bits.
  return riff("VP8 ", QByteArray("\x50\x02\x00\x9D\x01\x2A", 6) + le16(w) + le16(h) + QByteArray(8, '\0'));
}

QByteArray webpVp8l(int w, int h) {
  const quint32 bits = quint32(w - 1) | (quint32(h - 1) << 14);
  return riff("VP8L", QByteArray(1, '\x2F') + le32(bits) + QByteArray(4, '\0'));
}

QByteArray webpVp8x(int w, int h) {
  return riff("VP8X", QByteArray(4, '\0') + le24(w - 1) + le24(h - 1));
}

QByteArray png(quint32 w, quint32 h) {
  QByteArray b("\x89PNG\r\n\x1A\n", 8);
  b += QByteArray("\0\0\0\x0DIHDR", 8) + be16(int(w >> 16)) + be16(int(w & 0xFFFF)) + be16(int(h >> 16)) +
       be16(int(h & 0xFFFF)) + QByteArray("\x08\x02\0\0\0", 5) + QByteArray(4, '\0');
  return b;
}

QByteArray data(const char *name) {
  return readAll(testDataPath(QStringLiteral("images/") + name));
}

} // namespace

class TestImageProbe : public QObject {
  Q_OBJECT

private Q_SLOTS:
  void probe_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ImageFormat>("format");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QString>("errorPart"); // empty: must succeed

    QTest::newRow("jpeg_baseline") << jpegHeader(0xC0, 640, 480) << ImageFormat::Jpeg << 640 << 480
                                   << QString();
    QTest::newRow("jpeg_progressive")
        << jpegHeader(0xC2, 4032, 3024) << ImageFormat::Jpeg << 4032 << 3024 << QString();
    QTest::newRow("jpeg_fill_bytes") << jpegHeader(0xC1, 17, 9, true) << ImageFormat::Jpeg << 17 << 9
                                     << QString();
    QTest::newRow("jpeg_65535") << jpegHeader(0xC0, 65535, 65535) << ImageFormat::Jpeg << 65535 << 65535
                                << QString();
    QTest::newRow("jpeg_truncated_before_sof")
        << jpegHeader(0xC0, 640, 480).left(12) << ImageFormat::Unknown << 0 << 0 << QString("truncated");
    QTest::newRow("jpeg_sos_before_sof") << QByteArray("\xFF\xD8\xFF\xDA\x00\x08", 6) + QByteArray(20, '\x01')
                                         << ImageFormat::Unknown << 0 << 0 << QString("no frame header");
    QTest::newRow("jpeg_height_zero")
        << jpegHeader(0xC0, 640, 0) << ImageFormat::Unknown << 0 << 0 << QString("height 0");
    QTest::newRow("jpeg_garbage_after_soi")
        << QByteArray("\xFF\xD8\xFF\xE0\x00\x04\x00\x00garbage", 15) << ImageFormat::Unknown << 0 << 0
        << QString("corrupt JPEG header");
    QTest::newRow("jpeg_bad_segment_length") << QByteArray("\xFF\xD8\xFF\xE1\x00\x01", 6)
                                             << ImageFormat::Unknown << 0 << 0 << QString("segment length");

    QTest::newRow("png_file") << data("rgb_3x2.png") << ImageFormat::Png << 3 << 2 << QString();
    QTest::newRow("png_1x1") << data("one_1x1.png") << ImageFormat::Png << 1 << 1 << QString();
    QTest::newRow("png_bomb_header") << data("bomb_65535x65535.png") << ImageFormat::Png << 65535 << 65535
                                     << QString();
    QTest::newRow("png_zero_width") << png(0, 5) << ImageFormat::Unknown << 0 << 0
                                    << QString("invalid dimensions");
    QTest::newRow("png_width_over_2_31")
        << png(0x80000000u, 5) << ImageFormat::Unknown << 0 << 0 << QString("invalid dimensions");
    QTest::newRow("png_truncated_ihdr")
        << png(3, 2).left(20) << ImageFormat::Unknown << 0 << 0 << QString("IHDR");
    QTest::newRow("png_signature_only")
        << QByteArray("\x89PNG\r\n\x1A\n", 8) << ImageFormat::Unknown << 0 << 0 << QString("IHDR");

    QTest::newRow("webp_vp8") << webpVp8(400, 300) << ImageFormat::WebP << 400 << 300 << QString();
    QTest::newRow("webp_vp8_scale_bits_ignored")
        << webpVp8(400 | 0x4000, 300 | 0x8000) << ImageFormat::WebP << 400 << 300 << QString();
    QTest::newRow("webp_vp8l") << webpVp8l(1024, 768) << ImageFormat::WebP << 1024 << 768 << QString();
    QTest::newRow("webp_vp8l_max") << webpVp8l(16384, 16384) << ImageFormat::WebP << 16384 << 16384
                                   << QString();
    QTest::newRow("webp_vp8x") << webpVp8x(4000, 3000) << ImageFormat::WebP << 4000 << 3000 << QString();
    QTest::newRow("webp_vp8x_huge_canvas")
        << webpVp8x(1 << 24, 1 << 24) << ImageFormat::WebP << (1 << 24) << (1 << 24) << QString();
    QTest::newRow("webp_vp8l_bad_signature")
        << riff("VP8L", QByteArray(5, '\0')) << ImageFormat::Unknown << 0 << 0 << QString("VP8L");
    QTest::newRow("webp_unknown_chunk") << riff("ABCD", QByteArray(10, '\0')) << ImageFormat::Unknown << 0
                                        << 0 << QString("unknown first chunk");
    QTest::newRow("webp_truncated") << riff("VP8 ", QByteArray()).left(14) << ImageFormat::Unknown << 0 << 0
                                    << QString("truncated");

    QTest::newRow("tiff_le_short") << data("rgb_3x2.tif") << ImageFormat::Tiff << 3 << 2 << QString();
    QTest::newRow("tiff_be_long") << data("rgb_be_3x2.tif") << ImageFormat::Tiff << 3 << 2 << QString();
    QTest::newRow("tiff_named_jpg") << data("tiff_named.jpg") << ImageFormat::Tiff << 3 << 2 << QString();
    QTest::newRow("tiff_ifd_outside")
        << QByteArray("II*\0\xFF\0\0\0", 8) << ImageFormat::Unknown << 0 << 0 << QString("outside");
    QTest::newRow("tiff_no_dimensions")
        << QByteArray("II*\0\x08\0\0\0\x01\0\x03\x01\x03\0\x01\0\0\0\x01\0\0\0", 22) << ImageFormat::Unknown
        << 0 << 0 << QString("ImageWidth");
    QTest::newRow("tiff_ifd_truncated")
        << data("rgb_3x2.tif").left(40) << ImageFormat::Unknown << 0 << 0 << QString("truncated");
    QTest::newRow("bigtiff") << QByteArray("II+\0\x08\0\0\0\x10\0\0\0\0\0\0\0", 16) << ImageFormat::Unknown
                             << 0 << 0 << QString("BigTIFF");

    QTest::newRow("bmp_bottom_up") << data("rgb_3x2.bmp") << ImageFormat::Bmp << 3 << 2 << QString();
    QTest::newRow("bmp_top_down") << data("topdown_3x2.bmp") << ImageFormat::Bmp << 3 << 2 << QString();
    QTest::newRow("bmp_os2") << data("os2_3x2.bmp") << ImageFormat::Bmp << 3 << 2 << QString();
    QTest::newRow("bmp_truncated") << data("rgb_3x2.bmp").left(20) << ImageFormat::Unknown << 0 << 0
                                   << QString("truncated");

    QTest::newRow("gif") << data("palette_3x2.gif") << ImageFormat::Gif << 3 << 2 << QString();
    QTest::newRow("gif_animated") << data("animated_3x2.gif") << ImageFormat::Gif << 3 << 2 << QString();
    QTest::newRow("gif87a_header") << QByteArray("GIF87a\x10\x00\x20\x00", 10) << ImageFormat::Gif << 16 << 32
                                   << QString();
    QTest::newRow("gif_truncated") << QByteArray("GIF89a\x10", 7) << ImageFormat::Unknown << 0 << 0
                                   << QString("truncated");

    QTest::newRow("text_named_jpg") << data("text_named.jpg") << ImageFormat::Unknown << 0 << 0
                                    << QString("not an image (unknown format)");
    QTest::newRow("text_starting_with_BM") << QByteArray("BMW cars are parked along this street, 2019.")
                                           << ImageFormat::Unknown << 0 << 0 << QString("unknown format");
    QTest::newRow("zero_bytes") << QByteArray() << ImageFormat::Unknown << 0 << 0 << QString("empty file");
    QTest::newRow("riff_not_webp") << QByteArray("RIFF\x04\0\0\0WAVEfmt ", 16) << ImageFormat::Unknown << 0
                                   << 0 << QString("unknown format");
  }
  void probe() {
    QFETCH(QByteArray, bytes);
    QFETCH(ImageFormat, format);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QString, errorPart);
    QString error;
    const std::optional<ImageProbe> p = probeImage(bytes, &error);
    if (!errorPart.isEmpty()) {
      QVERIFY2(!p, "probe should have failed");
      QVERIFY2(error.contains(errorPart), qPrintable(error));
      return;
    }
    QVERIFY2(p, qPrintable(error));
    QCOMPARE(p->format, format);
    QCOMPARE(p->width, width);
    QCOMPARE(p->height, height);
    QCOMPARE(sniffImageFormat(bytes), format);
  }

  void noCrashOnPrefixes() {
    // Every prefix of every header above parses or fails cleanly (run under ASan in CI).
    const QList<QByteArray> all = {
        jpegHeader(0xC0, 640, 480), webpVp8(4, 4),          webpVp8l(4, 4),      webpVp8x(4, 4),
        data("rgb_3x2.tif"),        data("rgb_be_3x2.tif"), data("os2_3x2.bmp"), data("rgb_3x2.png"),
        data("palette_3x2.gif")};
    int failures = 0;
    for (const QByteArray &full : all)
      for (qsizetype n = 0; n < full.size(); ++n) {
        QString error;
        if (!probeImage(full.left(n), &error)) {
          ++failures;
          QVERIFY(!error.isEmpty());
        }
      }
    QVERIFY(failures > 0);
  }

  void limits_data() {
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QString>("expectedError"); // empty: within limits
    QTest::newRow("bomb") << 65535 << 65535
                          << QString("image is 65535x65535 pixels, above the limit of 100000000");
    QTest::newRow("exactly_max_pixels") << 10000 << 10000 << QString();
    QTest::newRow("one_pixel_over") << 10001 << 10000
                                    << QString("image is 10001x10000 pixels, above the limit of 100000000");
    QTest::newRow("side_too_long") << 30001 << 10
                                   << QString("image is 30001x10 pixels, a side is above the limit of 30000");
    QTest::newRow("one_by_one") << 1 << 1 << QString();
  }
  void limits() {
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QString, expectedError);
    ImageProbe p;
    p.format = ImageFormat::Png;
    p.width = width;
    p.height = height;
    QString error;
    QCOMPARE(checkImageLimits(p, ImageLimits{}, &error), expectedError.isEmpty());
    QCOMPARE(error, expectedError);
  }
};

QTEST_APPLESS_MAIN(TestImageProbe)
#include "tst_imageprobe.moc"
