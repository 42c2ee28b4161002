#pragma once
// The two CLIP towers (transformers CLIPVisionTransformer / CLIPTextTransformer) with their
// embeddings; module names equal the checkpoint keys under vision_model.* and text_model.*.
// Modules belong to the engine's worker thread.
#include "core/clip/ClipLayers.h"
#include "core/model/ClipConfig.h"

namespace streetlens::clip {

// CLS token + patch embedding (a stride-p convolution without bias, computed as one matmul over
// unfolded patches so it runs in any dtype) + learned positions 0..N.
class ClipVisionEmbeddingsImpl : public torch::nn::Module {
public:
  explicit ClipVisionEmbeddingsImpl(const ClipVisionConfig &c);
  torch::Tensor forward(const torch::Tensor &pixels); // [B, C, S, S] -> [B, N+1, D]
  torch::Tensor class_embedding;                      // [D]
  torch::nn::Conv2d patch_embedding{nullptr};         // weight [D, C, p, p]
  torch::nn::Embedding position_embedding{nullptr};   // [N+1, D]

private:
  ClipVisionConfig cfg_;
};
TORCH_MODULE(ClipVisionEmbeddings);

// pre_layrnorm (sic) -> encoder -> post_layernorm on the CLS token only.
class ClipVisionTransformerImpl : public torch::nn::Module {
public:
  explicit ClipVisionTransformerImpl(const ClipVisionConfig &c);
  torch::Tensor forward(const torch::Tensor &pixels); // pooled [B, D]
  ClipVisionEmbeddings embeddings{nullptr};
  torch::nn::LayerNorm pre_layrnorm{nullptr};
  ClipEncoder encoder{nullptr};
  torch::nn::LayerNorm post_layernorm{nullptr};
};
TORCH_MODULE(ClipVisionTransformer);

// Token + position embeddings (positions are always 0..L-1; legacy position_ids buffers are ignored).
class ClipTextEmbeddingsImpl : public torch::nn::Module {
public:
  explicit ClipTextEmbeddingsImpl(const ClipTextConfig &c);
  torch::Tensor forward(const torch::Tensor &ids); // [B, L] int64 -> [B, L, D]
  torch::nn::Embedding token_embedding{nullptr}, position_embedding{nullptr};
};
TORCH_MODULE(ClipTextEmbeddings);

// Causal encoder -> final_layer_norm -> the hidden state of the pooling token of each row.
class ClipTextTransformerImpl : public torch::nn::Module {
public:
  explicit ClipTextTransformerImpl(const ClipTextConfig &c);
  torch::Tensor forward(const torch::Tensor &ids); // pooled [B, D]
  // Index of the pooled token per row (see clip-parity-spec §4.5).
  torch::Tensor poolingIndex(const torch::Tensor &ids) const;
  ClipTextEmbeddings embeddings{nullptr};
  ClipEncoder encoder{nullptr};
  torch::nn::LayerNorm final_layer_norm{nullptr};

private:
  ClipTextConfig cfg_;
};
TORCH_MODULE(ClipTextTransformer);

} // namespace streetlens::clip
