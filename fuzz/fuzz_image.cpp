// libFuzzer target for the image ingest path: magic-byte allow-list, header probe, limit check,
// decode (OpenCV / Qt GIF), EXIF (exiv2), orientation, and CLIP preprocessing of what decodes.
// Limits are modest so that the fuzzer explores parsing rather than allocating and resampling large
// rasters (decoded blank canvases of a few million pixels spent most of the time in the resampler,
// which tst_pillowresize and the parity tests cover); the limit checks still see every header.
#include "core/imageio/ClipImageProcessor.h"
#include "core/imageio/ImageLoader.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace streetlens;
  ImageLimits limits;
  limits.maxFileBytes = 8ll << 20;
  limits.maxPixels = 1 << 18;
  limits.maxSide = 4096;
  const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
  QString error;
  const std::optional<LoadedImage> img = loadImageFromBytes(bytes, QStringLiteral("fuzz"), limits, &error);
  if (!img) {
    if (error.isEmpty())
      __builtin_trap(); // every failure must carry a message
    return 0;
  }
  if (img->image.isNull())
    __builtin_trap(); // success must come with pixels
  ClipImageConfig cfg;
  cfg.shortestEdge = 32;
  cfg.cropHeight = cfg.cropWidth = 32;
  const std::vector<float> pixels = clipPreprocess(img->image, cfg);
  if (pixels.size() != 3u * 32u * 32u)
    __builtin_trap();
  return 0;
}
