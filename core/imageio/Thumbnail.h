#pragma once
// Thumbnails for the UI and reports, made from a decoded RgbImage. Pure function: usable from any
// thread (QImage is reentrant).
#include "core/imageio/RgbImage.h"

#include <QImage>

namespace streetlens {

// Scales so that the longer side is at most maxSide (aspect kept, smooth filtering, never upscaled).
// Returns a null QImage for a null image or maxSide <= 0. The result owns its pixels.
QImage makeThumbnail(const RgbImage &img, int maxSide);

} // namespace streetlens
