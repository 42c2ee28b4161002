#include "core/imageio/Orientation.h"

#include <cstring>

namespace streetlens {

RgbImage applyExifOrientation(const RgbImage &img, int orientation) {
  if (img.isNull() || orientation <= 1 || orientation > 8)
    return img;
  const int w = img.width, h = img.height;
  const bool swap = orientation >= 5;
  RgbImage out = RgbImage::allocate(swap ? h : w, swap ? w : h);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y; // source pixel of output (x, y)
      switch (orientation) {
      case 2:
        sx = w - 1 - x;
        break;
      case 3:
        sx = w - 1 - x;
        sy = h - 1 - y;
        break;
      case 4:
        sy = h - 1 - y;
        break;
      case 5:
        sx = y;
        sy = x;
        break;
      case 6:
        sx = y;
        sy = h - 1 - x;
        break;
      case 7:
        sx = w - 1 - y;
        sy = h - 1 - x;
        break;
      case 8:
        sx = w - 1 - y;
        sy = x;
        break;
      default:
        break;
      }
      std::memcpy(out.at(x, y), img.at(sx, sy), 3);
    }
  }
  return out;
}

} // namespace streetlens
