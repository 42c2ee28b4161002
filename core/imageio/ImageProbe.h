#pragma once
// Image format sniffing and header-only dimension parsing (no decoding). The format is decided by
// magic bytes, never by the file name. Pure functions: usable from any thread.
#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace streetlens {

enum class ImageFormat { Unknown, Jpeg, Png, WebP, Tiff, Bmp, Gif };

struct ImageProbe {
  ImageFormat format = ImageFormat::Unknown;
  int width = 0, height = 0;
};

// Limits checked before anything is decoded (a decompression bomb is a tiny file with huge
// dimensions in its header).
struct ImageLimits {
  qint64 maxFileBytes = 512ll << 20;
  qint64 maxPixels = 100'000'000;
  int maxSide = 30000;
};

// "JPEG", "PNG", ... ("unknown" for Unknown).
QString imageFormatName(ImageFormat format);

// Format from the magic bytes only (Unknown when none of the allow-listed formats matches).
ImageFormat sniffImageFormat(const QByteArray &head);

// Magic bytes + dimensions parsed from the header: JPEG (SOFn scan), PNG (IHDR), WebP
// (VP8/VP8L/VP8X), TIFF (IFD0 ImageWidth/ImageLength), BMP, GIF (logical screen). `head` should be
// the whole file or at least its beginning (a JPEG's SOF can sit behind large APPn segments).
// On failure returns nullopt and sets *error (e.g. "not an image (unknown format)").
std::optional<ImageProbe> probeImage(const QByteArray &head, QString *error);

// True when the probed dimensions are within the limits; otherwise sets *error, e.g.
// "image is 65535x65535 pixels, above the limit of 100000000".
bool checkImageLimits(const ImageProbe &probe, const ImageLimits &limits, QString *error);

} // namespace streetlens
