#pragma once
// The transformer blocks shared by both CLIP towers, named after the Hugging Face checkpoint keys
// (transformers modeling_clip.py: CLIPAttention, CLIPMLP, CLIPEncoderLayer, CLIPEncoder) so that
// loading is a name-for-name copy. Modules belong to the engine's worker thread.
#include <torch/torch.h>

namespace streetlens::clip {

// Multi-head self-attention (CLIPAttention). q/k/v/out projections are kept as separate Linear
// modules for loading; prepareForInference() fuses q/k/v into one [3D, D] matrix (the separate
// weights become views of it, so no memory is duplicated) and pre-scales q by head_dim^-0.5.
class ClipAttentionImpl : public torch::nn::Module {
public:
  ClipAttentionImpl(int64_t hidden, int64_t heads);
  // x: [B, L, D]; causal adds the text tower's mask (query i sees keys j <= i).
  torch::Tensor forward(const torch::Tensor &x, bool causal);
  void prepareForInference();

  torch::nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};

private:
  int64_t hidden_, heads_, headDim_;
  double scale_;
  torch::Tensor qkvWeight_, qkvBias_; // fused, q rows pre-scaled; undefined until prepared
};
TORCH_MODULE(ClipAttention);

// fc2(act(fc1(x))) with quick_gelu x*sigmoid(1.702x) (OpenAI CLIP) or erf-GELU (CLIPMLP).
class ClipMlpImpl : public torch::nn::Module {
public:
  ClipMlpImpl(int64_t hidden, int64_t intermediate, bool quickGelu);
  torch::Tensor forward(const torch::Tensor &x);
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};

private:
  bool quickGelu_;
};
TORCH_MODULE(ClipMlp);

// Pre-LN residual block (CLIPEncoderLayer): x + attn(ln1(x)), then x + mlp(ln2(x)).
class ClipEncoderLayerImpl : public torch::nn::Module {
public:
  ClipEncoderLayerImpl(int64_t hidden, int64_t heads, int64_t intermediate, double eps, bool quickGelu);
  torch::Tensor forward(torch::Tensor x, bool causal);
  ClipAttention self_attn{nullptr};
  torch::nn::LayerNorm layer_norm1{nullptr}, layer_norm2{nullptr};
  ClipMlp mlp{nullptr};
};
TORCH_MODULE(ClipEncoderLayer);

// The stack of layers (CLIPEncoder, key "encoder.layers.N").
class ClipEncoderImpl : public torch::nn::Module {
public:
  ClipEncoderImpl(int64_t layers, int64_t hidden, int64_t heads, int64_t intermediate, double eps,
                  bool quickGelu);
  torch::Tensor forward(torch::Tensor x, bool causal);
  void prepareForInference();
  torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(ClipEncoder);

} // namespace streetlens::clip
