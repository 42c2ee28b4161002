#pragma once
// Applies an EXIF orientation (1..8) to an RgbImage so that it displays upright, the same pixel
// mapping as PIL.ImageOps.exif_transpose. Pure function: usable from any thread.
#include "core/imageio/RgbImage.h"

namespace streetlens {

// 1: as is; 2: mirror left-right; 3: rotate 180; 4: mirror top-bottom; 5: transpose;
// 6: rotate 90 clockwise; 7: transverse; 8: rotate 90 counter-clockwise. Values outside 1..8 act as 1.
RgbImage applyExifOrientation(const RgbImage &img, int orientation);

} // namespace streetlens
