#include "core/imageio/ImageProbe.h"

#include <cstdint>
#include <cstdlib>

namespace streetlens {

namespace {

// Bounds-checked reads from the header bytes; every accessor reports failure instead of reading
// past the end.
class Bytes {
public:
  explicit Bytes(const QByteArray &b) : d_(reinterpret_cast<const uint8_t *>(b.constData())), n_(b.size()) {}
  qint64 size() const { return n_; }
  bool has(qint64 pos, qint64 len) const { return pos >= 0 && len >= 0 && pos <= n_ && len <= n_ - pos; }
  uint8_t u8(qint64 pos) const { return d_[pos]; }
  uint32_t be16(qint64 p) const { return (uint32_t(d_[p]) << 8) | d_[p + 1]; }
  uint32_t le16(qint64 p) const { return (uint32_t(d_[p + 1]) << 8) | d_[p]; }
  uint32_t be32(qint64 p) const { return (be16(p) << 16) | be16(p + 2); }
  uint32_t le32(qint64 p) const { return (le16(p + 2) << 16) | le16(p); }
  uint32_t le24(qint64 p) const {
    return uint32_t(d_[p]) | (uint32_t(d_[p + 1]) << 8) | (uint32_t(d_[p + 2]) << 16);
  }
  bool equals(qint64 pos, const char *magic, qint64 len) const {
    if (!has(pos, len))
      return false;
    for (qint64 i = 0; i < len; ++i)
      if (d_[pos + i] != static_cast<uint8_t>(magic[i]))
        return false;
    return true;
  }

private:
  const uint8_t *d_;
  qint64 n_;
};

void setError(QString *error, const QString &msg) {
  if (error)
    *error = msg;
}

std::optional<ImageProbe> result(ImageFormat f, qint64 w, qint64 h, QString *error) {
  if (w <= 0 || h <= 0 || w > 0x7fffffff || h > 0x7fffffff) {
    setError(error,
             QStringLiteral("%1 header has invalid dimensions %2x%3").arg(imageFormatName(f)).arg(w).arg(h));
    return std::nullopt;
  }
  ImageProbe p;
  p.format = f;
  p.width = static_cast<int>(w);
  p.height = static_cast<int>(h);
  return p;
}

std::optional<ImageProbe> probeJpeg(const Bytes &b, QString *error) {
  qint64 pos = 2; // after SOI
  for (;;) {
    if (!b.has(pos, 1)) {
      setError(error, QStringLiteral("JPEG header truncated before the frame header (SOF)"));
      return std::nullopt;
    }
    if (b.u8(pos) != 0xFF) {
      setError(error, QStringLiteral("corrupt JPEG header (no marker at offset %1)").arg(pos));
      return std::nullopt;
    }
    while (b.has(pos, 1) && b.u8(pos) == 0xFF) // fill bytes
      ++pos;
    if (!b.has(pos, 1))
      continue; // reported as truncated above
    const uint8_t marker = b.u8(pos++);
    if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
      continue; // standalone markers
    if (marker == 0xD9 || marker == 0xDA) {
      setError(error, QStringLiteral("corrupt JPEG header (no frame header before the image data)"));
      return std::nullopt;
    }
    if (!b.has(pos, 2)) {
      setError(error, QStringLiteral("JPEG header truncated before the frame header (SOF)"));
      return std::nullopt;
    }
    const qint64 len = b.be16(pos);
    if (len < 2) {
      setError(error,
               QStringLiteral("corrupt JPEG header (segment length %1 at offset %2)").arg(len).arg(pos));
      return std::nullopt;
    }
    const bool isSof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (isSof) {
      if (len < 8 || !b.has(pos, 8)) {
        setError(error, QStringLiteral("JPEG frame header (SOF) is truncated"));
        return std::nullopt;
      }
      const qint64 h = b.be16(pos + 3), w = b.be16(pos + 5);
      if (h == 0) {
        setError(error,
                 QStringLiteral("JPEG frame header has height 0 (DNL marker images are not supported)"));
        return std::nullopt;
      }
      return result(ImageFormat::Jpeg, w, h, error);
    }
    pos += len;
  }
}

std::optional<ImageProbe> probePng(const Bytes &b, QString *error) {
  // Signature (8) then the first chunk must be IHDR with length 13.
  if (!b.has(8, 8 + 13) || b.be32(8) != 13 || !b.equals(12, "IHDR", 4)) {
    setError(error, QStringLiteral("PNG header truncated or without IHDR chunk"));
    return std::nullopt;
  }
  return result(ImageFormat::Png, b.be32(16), b.be32(20), error);
}

std::optional<ImageProbe> probeWebP(const Bytes &b, QString *error) {
  if (!b.has(12, 8)) {
    setError(error, QStringLiteral("WebP header truncated"));
    return std::nullopt;
  }
  const qint64 payload = 20;
  if (b.equals(12, "VP8 ", 4)) {
    // 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height (2 bits of scale each).
    if (!b.has(payload, 10) || b.u8(payload + 3) != 0x9D || b.u8(payload + 4) != 0x01 ||
        b.u8(payload + 5) != 0x2A || (b.u8(payload) & 1) != 0) {
      setError(error, QStringLiteral("WebP (VP8) header truncated or not a key frame"));
      return std::nullopt;
    }
    return result(ImageFormat::WebP, b.le16(payload + 6) & 0x3FFF, b.le16(payload + 8) & 0x3FFF, error);
  }
  if (b.equals(12, "VP8L", 4)) {
    if (!b.has(payload, 5) || b.u8(payload) != 0x2F) {
      setError(error, QStringLiteral("WebP (VP8L) header truncated or without signature"));
      return std::nullopt;
    }
    const uint32_t bits = b.le32(payload + 1);
    return result(ImageFormat::WebP, qint64(bits & 0x3FFF) + 1, qint64((bits >> 14) & 0x3FFF) + 1, error);
  }
  if (b.equals(12, "VP8X", 4)) {
    if (!b.has(payload, 10)) {
      setError(error, QStringLiteral("WebP (VP8X) header truncated"));
      return std::nullopt;
    }
    return result(ImageFormat::WebP, qint64(b.le24(payload + 4)) + 1, qint64(b.le24(payload + 7)) + 1, error);
  }
  setError(error, QStringLiteral("WebP header has an unknown first chunk"));
  return std::nullopt;
}

std::optional<ImageProbe> probeTiff(const Bytes &b, QString *error) {
  const bool le = b.u8(0) == 'I';
  auto u16 = [&](qint64 p) { return le ? b.le16(p) : b.be16(p); };
  auto u32 = [&](qint64 p) { return le ? b.le32(p) : b.be32(p); };
  if (u16(2) == 43) {
    setError(error, QStringLiteral("BigTIFF is not supported"));
    return std::nullopt;
  }
  if (!b.has(4, 4)) {
    setError(error, QStringLiteral("TIFF header truncated"));
    return std::nullopt;
  }
  const qint64 ifd = u32(4);
  if (ifd < 8 || !b.has(ifd, 2)) {
    setError(error, QStringLiteral("TIFF first IFD offset %1 is outside the data").arg(ifd));
    return std::nullopt;
  }
  const qint64 count = u16(ifd);
  if (!b.has(ifd + 2, count * 12)) {
    setError(error, QStringLiteral("TIFF first IFD (%1 entries) is truncated").arg(count));
    return std::nullopt;
  }
  qint64 w = -1, h = -1;
  for (qint64 i = 0; i < count; ++i) {
    const qint64 e = ifd + 2 + i * 12;
    const uint32_t tag = u16(e), type = u16(e + 2), n = u32(e + 4);
    if ((tag != 256 && tag != 257) || n != 1)
      continue;
    qint64 v = -1;
    if (type == 3) // SHORT, left-justified in the value field
      v = u16(e + 8);
    else if (type == 4) // LONG
      v = u32(e + 8);
    (tag == 256 ? w : h) = v;
  }
  if (w < 0 || h < 0) {
    setError(error, QStringLiteral("TIFF first IFD lacks ImageWidth/ImageLength"));
    return std::nullopt;
  }
  return result(ImageFormat::Tiff, w, h, error);
}

std::optional<ImageProbe> probeBmp(const Bytes &b, QString *error) {
  if (!b.has(14, 4)) {
    setError(error, QStringLiteral("BMP header truncated"));
    return std::nullopt;
  }
  const uint32_t dib = b.le32(14);
  if (dib == 12) { // OS/2 BITMAPCOREHEADER: 16-bit unsigned width/height
    if (!b.has(18, 4)) {
      setError(error, QStringLiteral("BMP header truncated"));
      return std::nullopt;
    }
    return result(ImageFormat::Bmp, b.le16(18), b.le16(20), error);
  }
  if (dib < 40 || dib > 256) {
    setError(error, QStringLiteral("BMP header size %1 is not supported").arg(dib));
    return std::nullopt;
  }
  if (!b.has(18, 8)) {
    setError(error, QStringLiteral("BMP header truncated"));
    return std::nullopt;
  }
  const qint64 w = static_cast<int32_t>(b.le32(18));
  const qint64 h = static_cast<int32_t>(b.le32(22)); // negative: top-down rows
  return result(ImageFormat::Bmp, w, std::llabs(h), error);
}

std::optional<ImageProbe> probeGif(const Bytes &b, QString *error) {
  if (!b.has(6, 4)) {
    setError(error, QStringLiteral("GIF header truncated"));
    return std::nullopt;
  }
  return result(ImageFormat::Gif, b.le16(6), b.le16(8), error);
}

} // namespace

QString imageFormatName(ImageFormat format) {
  switch (format) {
  case ImageFormat::Jpeg:
    return QStringLiteral("JPEG");
  case ImageFormat::Png:
    return QStringLiteral("PNG");
  case ImageFormat::WebP:
    return QStringLiteral("WebP");
  case ImageFormat::Tiff:
    return QStringLiteral("TIFF");
  case ImageFormat::Bmp:
    return QStringLiteral("BMP");
  case ImageFormat::Gif:
    return QStringLiteral("GIF");
  case ImageFormat::Unknown:
    break;
  }
  return QStringLiteral("unknown");
}

ImageFormat sniffImageFormat(const QByteArray &head) {
  const Bytes b(head);
  if (b.equals(0, "\xFF\xD8\xFF", 3))
    return ImageFormat::Jpeg;
  if (b.equals(0, "\x89PNG\r\n\x1A\n", 8))
    return ImageFormat::Png;
  if (b.equals(0, "RIFF", 4) && b.equals(8, "WEBP", 4))
    return ImageFormat::WebP;
  if (b.equals(0, "II*\0", 4) || b.equals(0, "MM\0*", 4) || b.equals(0, "II+\0", 4) ||
      b.equals(0, "MM\0+", 4))
    return ImageFormat::Tiff;
  if (b.equals(0, "BM", 2) && b.has(14, 4)) {
    // "BM" alone is weak (text can start with it): also require a known DIB header size.
    const uint32_t dib = b.le32(14);
    if (dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124)
      return ImageFormat::Bmp;
  }
  if (b.equals(0, "GIF87a", 6) || b.equals(0, "GIF89a", 6))
    return ImageFormat::Gif;
  return ImageFormat::Unknown;
}

std::optional<ImageProbe> probeImage(const QByteArray &head, QString *error) {
  const Bytes b(head);
  if (head.isEmpty()) {
    setError(error, QStringLiteral("empty file (0 bytes)"));
    return std::nullopt;
  }
  switch (sniffImageFormat(head)) {
  case ImageFormat::Jpeg:
    return probeJpeg(b, error);
  case ImageFormat::Png:
    return probePng(b, error);
  case ImageFormat::WebP:
    return probeWebP(b, error);
  case ImageFormat::Tiff:
    return probeTiff(b, error);
  case ImageFormat::Bmp:
    return probeBmp(b, error);
  case ImageFormat::Gif:
    return probeGif(b, error);
  case ImageFormat::Unknown:
    break;
  }
  setError(error, QStringLiteral("not an image (unknown format)"));
  return std::nullopt;
}

bool checkImageLimits(const ImageProbe &probe, const ImageLimits &limits, QString *error) {
  const qint64 pixels = qint64(probe.width) * qint64(probe.height);
  if (pixels > limits.maxPixels) {
    setError(error, QStringLiteral("image is %1x%2 pixels, above the limit of %3")
                        .arg(probe.width)
                        .arg(probe.height)
                        .arg(limits.maxPixels));
    return false;
  }
  if (probe.width > limits.maxSide || probe.height > limits.maxSide) {
    setError(error, QStringLiteral("image is %1x%2 pixels, a side is above the limit of %3")
                        .arg(probe.width)
                        .arg(probe.height)
                        .arg(limits.maxSide));
    return false;
  }
  return true;
}

} // namespace streetlens
