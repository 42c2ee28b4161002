#pragma once
// Image ingest: reads a file (or bytes), allow-lists the format by magic bytes, checks the header
// dimensions against limits before decoding, decodes to RGB, reads EXIF and applies its orientation,
// and hashes the file bytes. Untrusted input never throws or crashes: every failure is an error
// message "<name>: <problem>". Reentrant: callable from any thread, concurrently.
#include "core/imageio/ExifInfo.h"
#include "core/imageio/ImageProbe.h"
#include "core/imageio/RgbImage.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace streetlens {

struct LoadedImage {
  RgbImage image;   // EXIF orientation applied, RGB, alpha dropped
  ImageProbe probe; // format and size as stored in the file (before orientation)
  ExifInfo exif;
  QByteArray sha256Hex; // of the file bytes, lowercase hex
};

// error: "<path>: <problem>", e.g. "not an image (unknown format)",
// "image is 65535x65535 pixels, above the limit of 100000000", "corrupt JPEG data".
std::optional<LoadedImage> loadImage(const QString &path, const ImageLimits &limits, QString *error);

std::optional<LoadedImage> loadImageFromBytes(const QByteArray &bytes, const QString &nameForErrors,
                                              const ImageLimits &limits, QString *error);

// Test hook: how many pixel decodes this process has started (files that pass the magic-byte and
// size checks). Tests use it to prove that the pipeline decodes each image once per analysis.
qint64 imageDecodeCount();

} // namespace streetlens
