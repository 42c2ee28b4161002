#pragma once
// Pillow-exact BICUBIC resampling of 8-bit RGB images (Pillow's ImagingResample, the path behind
// PIL.Image.resize(size, BICUBIC) on an RGB image): antialiasing kernel widened when downscaling,
// 22-bit fixed-point weights, horizontal pass first into a uint8 intermediate, then vertical.
// Pure functions: usable from any thread.
#include "core/imageio/RgbImage.h"

#include <vector>

namespace streetlens {

// Exact Pillow ImagingResample BICUBIC for 8-bit RGB. Returns a copy when the size is unchanged and
// a null image when src is null or a requested side is <= 0.
RgbImage resizeBicubicPillow(const RgbImage &src, int outWidth, int outHeight);

namespace pillow {

// The fixed-point taps of one axis (exposed for tests): for output sample o, the input samples
// first[o] .. first[o] + count[o] - 1 are weighted by weights[o * taps + k] (scaled by 2^22).
struct AxisCoefficients {
  int taps = 0; // stride of `weights` (the widest support)
  std::vector<int> first, count;
  std::vector<int> weights;
};

AxisCoefficients bicubicCoefficients(int inSize, int outSize);

// Pillow's bicubic kernel (a = -0.5), same evaluation order.
double bicubicKernel(double x);

} // namespace pillow

} // namespace streetlens
