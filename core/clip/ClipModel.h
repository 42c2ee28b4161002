#pragma once
// CLIPModel: both towers, the two bias-free projections and the scalar logit_scale, with
// parameter names equal to the Hugging Face state-dict keys. Owned by the engine's worker thread.
#include "core/clip/ClipTowers.h"

namespace streetlens::clip {

class ClipModelImpl : public torch::nn::Module {
public:
  explicit ClipModelImpl(const ClipConfig &c);
  torch::Tensor imageEmbeds(const torch::Tensor &pixels); // [B, C, S, S] -> [B, P] (not normalised)
  torch::Tensor textEmbeds(const torch::Tensor &ids);     // [B, L] int64 -> [B, P] (not normalised)
  // After the weights are loaded and the model moved (in fp32, or entirely in the compute dtype
  // when MixedPrecision::fp32Residual is off): fuses the attention projections and puts the
  // encoders' matrix-product weights in `computeDtype`. Everything else (patch and position
  // embeddings, layer norms, projections) keeps its dtype. Idempotent; call again after a move.
  void prepareForInference(torch::ScalarType computeDtype);
  const ClipConfig &config() const { return cfg_; }

  ClipTextTransformer text_model{nullptr};
  ClipVisionTransformer vision_model{nullptr};
  torch::nn::Linear visual_projection{nullptr}, text_projection{nullptr};
  torch::Tensor logit_scale; // 0-rank

private:
  ClipConfig cfg_;
};
TORCH_MODULE(ClipModel);

} // namespace streetlens::clip
