#pragma once
// CLIP image preprocessing with Hugging Face CLIPImageProcessor (slow/PIL) semantics: shortest-edge
// resize with Pillow-exact bicubic, floor centre crop (zero padding if smaller), rescale in double then
// float, normalise in float, CHW output. Also parses preprocessor_config.json. Pure functions: usable
// from any thread.
#include "core/imageio/RgbImage.h"

#include <QByteArray>
#include <QString>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace streetlens {

struct ClipImageConfig {
  bool doResize = true;
  int shortestEdge = 336;
  // When both > 0 (a "size" of {"height": H, "width": W} or [H, W]) the image is resized to exactly
  // this size instead of by its shortest edge.
  int resizeHeight = 0, resizeWidth = 0;
  bool doCenterCrop = true;
  int cropHeight = 336, cropWidth = 336;
  bool doRescale = true;
  double rescaleFactor = 1.0 / 255.0;
  bool doNormalize = true;
  std::array<float, 3> mean{0.48145466f, 0.4578275f, 0.40821073f}, std{0.26862954f, 0.26130258f, 0.27577711f};
  bool doConvertRgb = true; // our input is always RGB already
};

// Parses a preprocessor_config.json: legacy int "size"/"crop_size" and the dict forms
// {"shortest_edge": N} / {"height": H, "width": W}; "image_mean", "image_std", "do_resize",
// "do_center_crop", "do_rescale", "rescale_factor", "do_normalize", "do_convert_rgb", "resample"
// (only 3 = bicubic is supported). Missing or null keys keep the defaults above. On failure returns
// nullopt and sets *error (without file name).
std::optional<ClipImageConfig> parsePreprocessorConfig(const QByteArray &json, QString *error);

// Size (width, height) after the resize step for an input of width x height (HF
// get_resize_output_image_size: short side -> shortestEdge, long side floor(s * long / short)).
std::pair<int, int> clipResizedSize(int width, int height, const ClipImageConfig &cfg);

// CHW float32: 3 x cropHeight x cropWidth with centre crop, otherwise 3 x resized height x width.
// Empty for a null image or an unusable config.
std::vector<float> clipPreprocess(const RgbImage &rgb, const ClipImageConfig &cfg);

} // namespace streetlens
