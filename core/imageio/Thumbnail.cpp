#include "core/imageio/Thumbnail.h"

namespace streetlens {

QImage makeThumbnail(const RgbImage &img, int maxSide) {
  if (img.isNull() || maxSide <= 0)
    return {};
  // Wraps our buffer without copying; every path below returns an image that owns its pixels.
  const QImage view(img.pixels.data(), img.width, img.height, qsizetype(img.width) * 3,
                    QImage::Format_RGB888);
  if (img.width <= maxSide && img.height <= maxSide)
    return view.copy();
  return view.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

} // namespace streetlens
