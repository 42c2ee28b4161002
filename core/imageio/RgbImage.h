#pragma once
// RgbImage: a plain 8-bit RGB raster owned by value (HWC, row-major, 3 bytes per pixel, no padding).
// It is the hand-over type between decoding, preprocessing and thumbnails; it holds no OpenCV or Qt
// types. A value type: safe to copy and to move between threads.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace streetlens {

struct RgbImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels; // HWC RGB, row-major, 3 bytes per pixel

  bool isNull() const {
    return width <= 0 || height <= 0 ||
           pixels.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3u;
  }
  // Pointer to the 3 bytes of pixel (x, y); no bounds check.
  const uint8_t *at(int x, int y) const {
    return pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 3u;
  }
  uint8_t *at(int x, int y) {
    return pixels.data() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + x) * 3u;
  }
  // A black image of the given size (empty when a side is <= 0).
  static RgbImage allocate(int w, int h) {
    RgbImage img;
    if (w > 0 && h > 0) {
      img.width = w;
      img.height = h;
      img.pixels.assign(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3u, 0);
    }
    return img;
  }
};

} // namespace streetlens
