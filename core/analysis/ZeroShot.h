#pragma once
// CLIP zero-shot scoring (transformers CLIPModel.forward): L2-normalise both sides, logits =
// exp(logit_scale) · cos, softmax over the candidate texts. Pure functions, any thread.
#include "core/analysis/EmbeddingEngine.h"

namespace streetlens {

// Divides each row by its L2 norm (no epsilon, as HF; an all-zero row stays zero).
void normalizeRows(EmbeddingMatrix &m);
// logits[i][t] = scale * <img_i, txt_t> / (|img_i| |txt_t|); rows = images, cols = texts.
EmbeddingMatrix zeroShotLogits(const EmbeddingMatrix &images, const EmbeddingMatrix &texts, float scale);
// Numerically stable softmax of each row (double accumulation).
EmbeddingMatrix softmaxRows(const EmbeddingMatrix &logits);
// Applies a template containing "{}" (or returns the label unchanged when the template is empty).
QString applyTemplate(const QString &templ, const QString &label);

} // namespace streetlens
