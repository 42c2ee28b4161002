#pragma once
// Gradient-weighted attention rollout (Chefer, Gur & Wolf 2021, "Generic Attention-model
// Explainability for Interpreting Bi-Modal and Encoder-Decoder Transformers", eq. 5-6) on the
// vision tower: one differentiable forward with every layer's attention probabilities kept
// (ClipAttentionImpl::probsSink), then autograd's gradients of log p(target) — the log-softmax
// over the prompts of exp(logit_scale) · cos(image, text) — with respect to them. Internal to
// core/clip; runs on the engine's thread with autograd on for the call only.
#include "core/analysis/Explanation.h"
#include "core/clip/ClipModel.h"

namespace streetlens::clip {

struct RolloutTensors {
  std::vector<torch::Tensor> probs, grads; // per layer, [H, L, L] fp32 on the CPU (image 0)
  double targetLogProb = 0;                // log p(target) of the unaltered image
};

// pixels: [1, 3, S, S] on the model's device; texts: [T, P] normalised text embeddings (fp32, same
// device). Throws what LibTorch throws; returns nullopt when `control` cancels between steps.
std::optional<RolloutTensors> rolloutTensors(ClipModelImpl &model, const torch::Tensor &pixels,
                                             const torch::Tensor &texts, double logitScale, int target,
                                             const ExplainControl &control, int doneBefore, int total);

// The CLS row of R = Π (I + Ā_l) over the patch tokens, Ā_l = mean_h (∇A_l ⊙ A_l)⁺, accumulated in
// double as a row vector from the last layer to the first (e0ᵀ R: the same product, O(L²) per layer
// instead of O(L³)). Returns grid² values, row-major.
std::vector<float> rolloutClsRow(const RolloutTensors &t);

} // namespace streetlens::clip
