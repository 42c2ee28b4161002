#pragma once
// Occlusion explanations (ExplainMethod::Occlusion): the drop of p(target) — the softmax over the
// prompts of exp(logit_scale) · cos(image, text) — when a square window of patches is replaced by
// the preprocessing's mean colour. Model-agnostic: it needs only image and text embeddings, so
// every EmbeddingEngine has it (EmbeddingEngine::explain's default). Pure functions; run on the
// engine's thread (they call the engine).
#include "core/analysis/EmbeddingEngine.h"

#include <array>

namespace streetlens {

// Embeds `count` images laid out one after the other (EmbeddingEngine::embedPixels' contract).
using EmbedImagesFn = std::function<EmbeddingMatrix(const float *pixels, int count, QString *error)>;

// The value each channel of an occluded pixel gets, in the engine's input space: the mean colour
// of preprocessor_config ("image_mean", in [0, 1] units), which normalisation maps to exactly 0
// (do_normalize, StreetCLIP); without normalisation the mean in the pixels' own units
// (255 · mean · rescale_factor, or 255 · mean when do_rescale is off).
std::array<float, 3> occlusionFill(const ClipImageConfig &cfg);

// The start patches of the windows along one side of `grid` patches: 0, stride, 2·stride … and,
// when the last stop leaves patches uncovered, grid - window as well. Empty when window > grid.
std::vector<int> occlusionStarts(int grid, int window, int stride);

// p(target) for one image embedding against (un-normalised) text embeddings, in double.
double zeroShotProbability(const float *image, int dim, const EmbeddingMatrix &texts, float scale,
                           int target);

// The occlusion grid (rows = cropHeight / patchSize, cols = cropWidth / patchSize). `texts` are
// the embeddings of normalizedPrompts(request). One call of `embed` for the unaltered image, then
// one per window row with all the row's windows. Each patch gets the mean drop of the windows that
// cover it.
std::optional<PatchGrid> occlusionGrid(const float *pixels, const ClipImageConfig &cfg, int patchSize,
                                       const EmbeddingMatrix &texts, float logitScale,
                                       const ExplainRequest &request, const EmbedImagesFn &embed,
                                       const ExplainControl &control, QString *error);

} // namespace streetlens
