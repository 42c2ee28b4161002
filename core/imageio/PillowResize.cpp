#include "core/imageio/PillowResize.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace streetlens {

namespace pillow {

namespace {
constexpr int kPrecisionBits = 32 - 8 - 2; // 22, as in Pillow's Resample.c
constexpr double kSupport = 2.0;           // bicubic support

inline uint8_t clip8(int acc) {
  const int v = acc >> kPrecisionBits; // arithmetic shift (C++20)
  return static_cast<uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
}
} // namespace

double bicubicKernel(double x) {
  constexpr double a = -0.5;
  if (x < 0.0)
    x = -x;
  if (x < 1.0)
    return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
  if (x < 2.0)
    return (((x - 5) * x + 8) * x - 4) * a;
  return 0.0;
}

AxisCoefficients bicubicCoefficients(int inSize, int outSize) {
  return bicubicCoefficients(inSize, outSize, 0, outSize);
}

AxisCoefficients bicubicCoefficients(int inSize, int outSize, int begin, int end) {
  AxisCoefficients c;
  if (inSize <= 0 || outSize <= 0 || begin < 0 || end > outSize || begin >= end)
    return c;
  const int n = end - begin;
  const double scale = double(inSize) / outSize;
  const double filterscale = std::max(scale, 1.0);
  const double support = kSupport * filterscale;
  const int ksize = int(std::ceil(support)) * 2 + 1;
  c.taps = ksize;
  c.first.resize(n);
  c.count.resize(n);
  c.weights.assign(std::size_t(n) * std::size_t(ksize), 0);
  std::vector<double> k(ksize);
  const double ss = 1.0 / filterscale;
  for (int i = 0; i < n; ++i) {
    const int xx = begin + i;
    const double center = (xx + 0.5) * scale;
    int xmin = int(center - support + 0.5); // C cast: truncation toward zero
    if (xmin < 0)
      xmin = 0;
    int xmax = int(center + support + 0.5);
    if (xmax > inSize)
      xmax = inSize;
    xmax -= xmin;
    xmax = std::min(xmax, ksize);
    double ww = 0.0;
    for (int x = 0; x < xmax; ++x) {
      const double w = bicubicKernel((x + xmin - center + 0.5) * ss);
      k[x] = w;
      ww += w;
    }
    for (int x = 0; x < xmax; ++x)
      if (ww != 0.0)
        k[x] /= ww;
    int *q = c.weights.data() + std::size_t(i) * std::size_t(ksize);
    for (int x = 0; x < xmax; ++x) {
      const double scaled = k[x] * (1 << kPrecisionBits);
      q[x] = k[x] < 0 ? int(-0.5 + scaled) : int(0.5 + scaled);
    }
    c.first[i] = xmin;
    c.count[i] = std::max(xmax, 0);
  }
  return c;
}

} // namespace pillow

namespace {

// Rows rowBegin .. rowEnd - 1 of src, resampled horizontally to output columns x0 .. x0 + width - 1.
RgbImage resampleHorizontal(const RgbImage &src, int outWidth, int x0, int width, int rowBegin, int rowEnd) {
  const pillow::AxisCoefficients c = pillow::bicubicCoefficients(src.width, outWidth, x0, x0 + width);
  RgbImage dst = RgbImage::allocate(width, rowEnd - rowBegin);
  for (int y = rowBegin; y < rowEnd; ++y) {
    const uint8_t *row = src.at(0, y);
    uint8_t *out = dst.at(0, y - rowBegin);
    for (int xx = 0; xx < width; ++xx) {
      const int *k = c.weights.data() + std::size_t(xx) * std::size_t(c.taps);
      const uint8_t *in = row + std::size_t(c.first[xx]) * 3u;
      int s0 = 1 << (pillow::kPrecisionBits - 1), s1 = s0, s2 = s0;
      for (int x = 0; x < c.count[xx]; ++x) {
        s0 += int(in[x * 3 + 0]) * k[x];
        s1 += int(in[x * 3 + 1]) * k[x];
        s2 += int(in[x * 3 + 2]) * k[x];
      }
      out[xx * 3 + 0] = pillow::clip8(s0);
      out[xx * 3 + 1] = pillow::clip8(s1);
      out[xx * 3 + 2] = pillow::clip8(s2);
    }
  }
  return dst;
}

// Columns x0 .. x0 + width - 1 and rows rowBegin .. rowEnd - 1 of src, unchanged.
RgbImage copyWindow(const RgbImage &src, int x0, int width, int rowBegin, int rowEnd) {
  RgbImage dst = RgbImage::allocate(width, rowEnd - rowBegin);
  for (int y = rowBegin; y < rowEnd; ++y)
    std::copy_n(src.at(x0, y), std::size_t(width) * 3u, dst.at(0, y - rowBegin));
  return dst;
}

// Output rows described by c (one entry per row), read from src whose first row is input row
// `srcFirstRow` of the full-height image the taps refer to.
RgbImage resampleVertical(const RgbImage &src, const pillow::AxisCoefficients &c, int srcFirstRow) {
  const int outHeight = int(c.first.size());
  RgbImage dst = RgbImage::allocate(src.width, outHeight);
  const std::size_t stride = std::size_t(src.width) * 3u;
  std::vector<int> acc(stride);
  for (int yy = 0; yy < outHeight; ++yy) {
    const int *k = c.weights.data() + std::size_t(yy) * std::size_t(c.taps);
    std::fill(acc.begin(), acc.end(), 1 << (pillow::kPrecisionBits - 1));
    for (int y = 0; y < c.count[yy]; ++y) {
      const uint8_t *row = src.at(0, c.first[yy] + y - srcFirstRow);
      const int w = k[y];
      for (std::size_t i = 0; i < stride; ++i)
        acc[i] += int(row[i]) * w;
    }
    uint8_t *out = dst.at(0, yy);
    for (std::size_t i = 0; i < stride; ++i)
      out[i] = pillow::clip8(acc[i]);
  }
  return dst;
}

} // namespace

RgbImage resizeBicubicPillow(const RgbImage &src, int outWidth, int outHeight) {
  if (src.isNull() || outWidth <= 0 || outHeight <= 0)
    return {};
  if (outWidth == src.width && outHeight == src.height)
    return src;
  return resizeBicubicPillowRegion(src, outWidth, outHeight, 0, 0, outWidth, outHeight);
}

RgbImage resizeBicubicPillowRegion(const RgbImage &src, int outWidth, int outHeight, int x0, int y0,
                                   int width, int height) {
  if (src.isNull() || outWidth <= 0 || outHeight <= 0 || width <= 0 || height <= 0 || x0 < 0 || y0 < 0 ||
      x0 > outWidth - width || y0 > outHeight - height)
    return {};
  // Pillow: horizontal pass first (only if the width changes) into a uint8 intermediate, then the
  // vertical pass (only if the height changes). Every output sample depends only on its own taps, so
  // the window needs the input rows its vertical taps reach and, of those, its own columns.
  const bool vertical = outHeight != src.height;
  pillow::AxisCoefficients rows;
  int rowBegin = y0, rowEnd = y0 + height;
  if (vertical) {
    rows = pillow::bicubicCoefficients(src.height, outHeight, y0, y0 + height);
    rowBegin = src.height;
    rowEnd = 0;
    for (int i = 0; i < height; ++i) {
      rowBegin = std::min(rowBegin, rows.first[i]);
      rowEnd = std::max(rowEnd, rows.first[i] + rows.count[i]);
    }
    if (rowBegin >= rowEnd) // no taps at all (cannot happen for valid sizes): stay in bounds
      rowBegin = rowEnd = 0;
  }
  const RgbImage tmp = outWidth != src.width ? resampleHorizontal(src, outWidth, x0, width, rowBegin, rowEnd)
                                             : copyWindow(src, x0, width, rowBegin, rowEnd);
  return vertical ? resampleVertical(tmp, rows, rowBegin) : tmp;
}

} // namespace streetlens
