#pragma once
// Internal to core/imageio: decodes an allow-listed, already probed and limit-checked image from
// memory to RGB (OpenCV for JPEG/PNG/WebP/TIFF/BMP; Qt's GIF reader for GIF, which OpenCV 4.6 lacks).
// No EXIF orientation is applied here. Reentrant: callable from any thread.
#include "core/imageio/ImageProbe.h"
#include "core/imageio/RgbImage.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace streetlens::detail {

// Decodes `bytes` (format and size already known from `probe`). Alpha is dropped without compositing,
// grayscale/palette expanded, 16-bit reduced to 8-bit. On failure sets *problem (no file name) and
// returns nullopt; never throws.
std::optional<RgbImage> decodeRgb(const QByteArray &bytes, const ImageProbe &probe, const ImageLimits &limits,
                                  QString *problem);

// True when a JPEG stream has an end-of-image marker after its first scan (false: truncated file).
bool jpegHasEndOfImage(const QByteArray &bytes);

} // namespace streetlens::detail
