#include "core/imageio/ImageDecode.h"

#include <QBuffer>
#include <QImage>
#include <QImageReader>
#include <climits>
#include <cstring>
#include <new>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace streetlens::detail {

namespace {

void setProblem(QString *problem, const QString &msg) {
  if (problem)
    *problem = msg;
}

std::optional<RgbImage> decodeWithOpenCv(const QByteArray &bytes, const ImageProbe &probe, QString *problem) {
  const QString fmt = imageFormatName(probe.format);
  if (bytes.size() > INT_MAX) {
    setProblem(problem, QStringLiteral("file too large to decode"));
    return std::nullopt;
  }
  const cv::Mat buf(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
  // IMREAD_COLOR: 8-bit, 3 channels (gray/palette expanded, alpha dropped, 16-bit reduced);
  // orientation is applied by the caller from EXIF so that it is explicit and uniform.
  const cv::Mat bgr = cv::imdecode(buf, cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
  if (bgr.empty()) {
    setProblem(problem, QStringLiteral("corrupt %1 data").arg(fmt));
    return std::nullopt;
  }
  if (bgr.type() != CV_8UC3 || bgr.dims != 2) {
    setProblem(problem, QStringLiteral("%1 decoder returned an unexpected pixel type").arg(fmt));
    return std::nullopt;
  }
  if (bgr.cols != probe.width || bgr.rows != probe.height) {
    setProblem(problem, QStringLiteral("decoded %1 is %2x%3 pixels but its header says %4x%5")
                            .arg(fmt)
                            .arg(bgr.cols)
                            .arg(bgr.rows)
                            .arg(probe.width)
                            .arg(probe.height));
    return std::nullopt;
  }
  RgbImage out = RgbImage::allocate(bgr.cols, bgr.rows);
  for (int y = 0; y < bgr.rows; ++y) {
    const uint8_t *in = bgr.ptr<uint8_t>(y);
    uint8_t *o = out.at(0, y);
    for (int x = 0; x < bgr.cols; ++x) {
      o[x * 3 + 0] = in[x * 3 + 2];
      o[x * 3 + 1] = in[x * 3 + 1];
      o[x * 3 + 2] = in[x * 3 + 0];
    }
  }
  return out;
}

std::optional<RgbImage> decodeGif(const QByteArray &bytes, const ImageProbe &probe, const ImageLimits &limits,
                                  QString *problem) {
  QByteArray data = bytes; // shared, not copied
  QBuffer buffer(&data);
  if (!buffer.open(QIODevice::ReadOnly)) {
    setProblem(problem, QStringLiteral("cannot read GIF data"));
    return std::nullopt;
  }
  QImageReader reader(&buffer, "gif");
  reader.setDecideFormatFromContent(false);
  // Qt's own guard, in MiB of the 32-bit frame buffer, as a second line behind the header check.
  const qint64 mib = (limits.maxPixels * 4) / (1024 * 1024) + 1;
  reader.setAllocationLimit(int(std::min<qint64>(mib, INT_MAX)));
  if (!reader.canRead()) {
    static const bool gifSupported = QImageReader::supportedImageFormats().contains("gif");
    setProblem(problem, gifSupported
                            ? QStringLiteral("corrupt GIF data")
                            : QStringLiteral("GIF decoding is not available (Qt GIF plugin missing)"));
    return std::nullopt;
  }
  QImage img;
  if (!reader.read(&img) || img.isNull()) {
    setProblem(problem, QStringLiteral("corrupt GIF data (%1)").arg(reader.errorString()));
    return std::nullopt;
  }
  if (img.width() != probe.width || img.height() != probe.height) {
    setProblem(problem, QStringLiteral("decoded GIF is %1x%2 pixels but its header says %3x%4")
                            .arg(img.width())
                            .arg(img.height())
                            .arg(probe.width)
                            .arg(probe.height));
    return std::nullopt;
  }
  // First frame; alpha dropped (RGB888 keeps the stored colour channels).
  const QImage rgb = img.convertToFormat(QImage::Format_RGB888);
  RgbImage out = RgbImage::allocate(rgb.width(), rgb.height());
  for (int y = 0; y < rgb.height(); ++y)
    std::memcpy(out.at(0, y), rgb.constScanLine(y), std::size_t(rgb.width()) * 3u);
  return out;
}

// libtiff's RGBA reader (OpenCV's path for 8-bit TIFF) applies the TIFF Orientation tag itself, even
// with IMREAD_IGNORE_ORIENTATION. So that every format behaves the same (decode as stored, then apply
// the EXIF orientation once), a copy with Orientation = 1 in IFD0 is decoded instead.
QByteArray withNeutralTiffOrientation(const QByteArray &bytes) {
  const auto *d = reinterpret_cast<const uint8_t *>(bytes.constData());
  const qint64 n = bytes.size();
  if (n < 8)
    return bytes;
  const bool le = d[0] == 'I';
  auto u16 = [&](qint64 p) -> uint32_t { return le ? (d[p] | (d[p + 1] << 8)) : ((d[p] << 8) | d[p + 1]); };
  auto u32 = [&](qint64 p) -> uint32_t {
    return le ? (u16(p) | (u16(p + 2) << 16)) : ((u16(p) << 16) | u16(p + 2));
  };
  const qint64 ifd = u32(4);
  if (ifd < 8 || ifd + 2 > n)
    return bytes;
  const qint64 count = u16(ifd);
  for (qint64 i = 0; i < count && ifd + 2 + (i + 1) * 12 <= n; ++i) {
    const qint64 e = ifd + 2 + i * 12;
    if (u16(e) != 274 || u16(e + 2) != 3 || u32(e + 4) != 1 || u16(e + 8) == 1)
      continue;
    QByteArray copy = bytes;
    copy[e + 8] = char(le ? 1 : 0);
    copy[e + 9] = char(le ? 0 : 1);
    return copy;
  }
  return bytes;
}

} // namespace

bool jpegHasEndOfImage(const QByteArray &bytes) {
  const auto *d = reinterpret_cast<const uint8_t *>(bytes.constData());
  const qint64 n = bytes.size();
  qint64 pos = 2;
  // Walk the marker segments up to the first SOS, then look for EOI in the entropy-coded data (where
  // 0xFF is always followed by 0x00 or RSTn, so FF D9 can only be the end marker).
  while (pos + 1 < n) {
    if (d[pos] != 0xFF)
      return false;
    while (pos < n && d[pos] == 0xFF)
      ++pos;
    if (pos >= n)
      return false;
    const uint8_t marker = d[pos++];
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
      continue;
    if (marker == 0xD9 || pos + 2 > n)
      return false;
    const qint64 len = (qint64(d[pos]) << 8) | d[pos + 1];
    pos += len;
    if (marker == 0xDA)
      return pos <= n && bytes.indexOf("\xFF\xD9", pos) >= 0;
  }
  return false;
}

std::optional<RgbImage> decodeRgb(const QByteArray &bytes, const ImageProbe &probe, const ImageLimits &limits,
                                  QString *problem) {
  try {
    switch (probe.format) {
    case ImageFormat::Jpeg:
      if (!jpegHasEndOfImage(bytes)) {
        setProblem(problem, QStringLiteral("corrupt JPEG data (truncated: no end-of-image marker)"));
        return std::nullopt;
      }
      return decodeWithOpenCv(bytes, probe, problem);
    case ImageFormat::Tiff:
      return decodeWithOpenCv(withNeutralTiffOrientation(bytes), probe, problem);
    case ImageFormat::Png:
    case ImageFormat::WebP:
    case ImageFormat::Bmp:
      return decodeWithOpenCv(bytes, probe, problem);
    case ImageFormat::Gif:
      return decodeGif(bytes, probe, limits, problem);
    case ImageFormat::Unknown:
      break;
    }
    setProblem(problem, QStringLiteral("not an image (unknown format)"));
  } catch (const cv::Exception &e) {
    setProblem(problem, QStringLiteral("corrupt %1 data (decoder error: %2)")
                            .arg(imageFormatName(probe.format), QString::fromStdString(e.err).trimmed()));
  } catch (const std::bad_alloc &) {
    setProblem(problem,
               QStringLiteral("out of memory while decoding %1 data").arg(imageFormatName(probe.format)));
  } catch (const std::exception &e) {
    setProblem(problem, QStringLiteral("corrupt %1 data (%2)").arg(imageFormatName(probe.format), e.what()));
  } catch (...) {
    setProblem(problem,
               QStringLiteral("corrupt %1 data (unknown decoder error)").arg(imageFormatName(probe.format)));
  }
  return std::nullopt;
}

} // namespace streetlens::detail
