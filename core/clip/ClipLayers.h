#pragma once
// The transformer blocks shared by both CLIP towers, named after the Hugging Face checkpoint keys
// (transformers modeling_clip.py: CLIPAttention, CLIPMLP, CLIPEncoderLayer, CLIPEncoder) so that
// loading is a name-for-name copy. Modules belong to the engine's worker thread.
#include <functional>
#include <torch/torch.h>

namespace streetlens::clip {

// Multi-head self-attention (CLIPAttention). q/k/v/out projections are separate Linear modules
// for loading; prepareForInference() fuses q/k/v into one [3D, D] matrix with q pre-scaled by
// head_dim^-0.5 (the parameters qkv_weight/qkv_bias) and empties the separate q/k/v weights, so
// each weight is held once; the products then run in the compute dtype.
class ClipAttentionImpl : public torch::nn::Module {
public:
  ClipAttentionImpl(int64_t hidden, int64_t heads);
  // x: [B, L, D] (fp32 or the compute dtype); causal adds the text tower's mask (query i sees keys
  // j <= i). Returns the compute dtype.
  torch::Tensor forward(const torch::Tensor &x, bool causal);
  // Idempotent: fuses once, then (each call) puts the product weights in `dtype`.
  void prepareForInference(torch::ScalarType dtype);

  torch::nn::Linear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, out_proj{nullptr};
  // Explanations only (core/clip/Rollout): when set, forward() computes the attention explicitly
  // (attendKeepingProbs) and stores the probabilities [B, H, L, L] here. Null otherwise.
  torch::Tensor *probsSink = nullptr;

private:
  int64_t hidden_, heads_, headDim_;
  double scale_;
  torch::Tensor qkvWeight_, qkvBias_; // fused parameters, q rows pre-scaled; undefined until prepared
};
TORCH_MODULE(ClipAttention);

// fc2(act(fc1(x))) with quick_gelu x*sigmoid(1.702x) (OpenAI CLIP) or erf-GELU (CLIPMLP).
class ClipMlpImpl : public torch::nn::Module {
public:
  ClipMlpImpl(int64_t hidden, int64_t intermediate, bool quickGelu);
  torch::Tensor forward(const torch::Tensor &x); // returns fc2's dtype
  // The activation between fc1 and fc2, on fc1's output h (in place unless h records gradients).
  torch::Tensor activate(torch::Tensor h) const;
  // fc1/fc2 weights and biases in dtype. For fp32 with quick_gelu it also folds the 1.702 into
  // the weights (fc1 ×1.702, fc2 ÷1.702): quick_gelu(h) = silu(1.702 h) / 1.702, and one in-place
  // silu costs 2.7 instead of 6.7 ms per layer here; bf16 is not folded (silu is no faster there;
  // on AVX512-BF16 CPUs activate() runs CpuKernels' one-pass quick_gelu instead).
  void prepareForInference(torch::ScalarType dtype);
  torch::nn::Linear fc1{nullptr}, fc2{nullptr};

private:
  bool quickGelu_;
  bool siluFolded_ = false;
};
TORCH_MODULE(ClipMlp);

// Pre-LN residual block (CLIPEncoderLayer): x + attn(ln1(x)), then x + mlp(ln2(x)). The residual
// stream x stays in its own dtype (fp32 under mixed precision); the branches add in at fp32.
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
  void prepareForInference(torch::ScalarType dtype);
  // Benchmarks only: called with (layer index, its output) after each layer.
  std::function<void(int, const torch::Tensor &)> layerObserver;
  torch::nn::ModuleList layers{nullptr};
};
TORCH_MODULE(ClipEncoder);

} // namespace streetlens::clip
