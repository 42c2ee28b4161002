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

// The window [x0, x0 + width) x [y0, y0 + height) of resizeBicubicPillow(src, outWidth, outHeight),
// bit-identical, computed without the rest of the output: only the output columns and the input
// rows that the window needs are resampled. This is what keeps a resize-then-crop cheap for an
// extreme aspect ratio (a 1 x 30000 strip resized to a 336 shortest edge would otherwise be a
// 336 x 10,080,000 intermediate of 10 GB). Null when the window is empty or outside the output.
RgbImage resizeBicubicPillowRegion(const RgbImage &src, int outWidth, int outHeight, int x0, int y0,
                                   int width, int height);

namespace pillow {

// The fixed-point taps of one axis (exposed for tests): for output sample o, the input samples
// first[o] .. first[o] + count[o] - 1 are weighted by weights[o * taps + k] (scaled by 2^22).
struct AxisCoefficients {
  int taps = 0; // stride of `weights` (the widest support)
  std::vector<int> first, count;
  std::vector<int> weights;
};

AxisCoefficients bicubicCoefficients(int inSize, int outSize);

// The taps of output samples begin .. end - 1 only (entry i describes output begin + i); the same
// values as the matching entries of bicubicCoefficients(inSize, outSize). Empty when the range is
// empty or outside [0, outSize).
AxisCoefficients bicubicCoefficients(int inSize, int outSize, int begin, int end);

// Pillow's bicubic kernel (a = -0.5), same evaluation order.
double bicubicKernel(double x);

} // namespace pillow

} // namespace streetlens
