#include "core/clip/ClipLayers.h"

#include "core/clip/Attention.h"
#include "core/clip/CpuKernels.h"
#include "core/clip/DenseOps.h"
#include "core/clip/MixedPrecision.h"

#include <ATen/Parallel.h>
#include <cmath>

namespace streetlens::clip {

ClipAttentionImpl::ClipAttentionImpl(int64_t hidden, int64_t heads)
    : hidden_(hidden), heads_(heads), headDim_(hidden / heads),
      scale_(1.0 / std::sqrt(double(hidden / heads))) {
  q_proj = register_module("q_proj", torch::nn::Linear(hidden, hidden));
  k_proj = register_module("k_proj", torch::nn::Linear(hidden, hidden));
  v_proj = register_module("v_proj", torch::nn::Linear(hidden, hidden));
  out_proj = register_module("out_proj", torch::nn::Linear(hidden, hidden));
}

void ClipAttentionImpl::prepareForInference(torch::ScalarType dtype) {
  torch::NoGradGuard ng;
  if (!qkvWeight_.defined()) {
    // Scaling q's weights and bias by head_dim^-0.5 is exact for head_dim 64 (0.125), what HF
    // <= v4.3x did (q_proj(x) * scale); for other head sizes the difference is round-off.
    qkvWeight_ = register_parameter(
        "qkv_weight", torch::cat({q_proj->weight * scale_, k_proj->weight, v_proj->weight}, 0).contiguous(),
        false);
    qkvBias_ = register_parameter(
        "qkv_bias", torch::cat({q_proj->bias * scale_, k_proj->bias, v_proj->bias}, 0).contiguous(), false);
    for (auto *lin : {&q_proj, &k_proj, &v_proj}) {
      (*lin)->weight.set_data(torch::empty({0}, qkvWeight_.options()));
      (*lin)->bias.set_data(torch::empty({0}, qkvWeight_.options()));
    }
  }
  for (auto *t : {&qkvWeight_, &qkvBias_, &out_proj->weight, &out_proj->bias})
    t->set_data(t->to(dtype).contiguous());
}

torch::Tensor ClipAttentionImpl::forward(const torch::Tensor &x, bool causal) {
  const int64_t B = x.size(0), L = x.size(1);
  torch::Tensor q, k, v;
  if (qkvWeight_.defined()) {
    auto qkv = fastLinear(x, qkvWeight_, qkvBias_); // [B, L, 3D] in the compute dtype
    qkv = qkv.view({B, L, 3, heads_, headDim_}).permute({2, 0, 3, 1, 4});
    q = qkv[0];
    k = qkv[1];
    v = qkv[2];
  } else { // not prepared (fp32, as loaded)
    auto split = [&](torch::nn::Linear &lin) {
      return fastLinear(x, lin->weight, lin->bias).view({B, L, heads_, headDim_}).transpose(1, 2);
    };
    q = split(q_proj) * scale_;
    k = split(k_proj);
    v = split(v_proj);
  }
  auto o =
      probsSink ? attendKeepingProbs(q, k, v, causal, probsSink) : attend(q, k, v, causal); // [B, H, L, d]
  o = o.transpose(1, 2).reshape({B, L, hidden_});
  return fastLinear(o, out_proj->weight, out_proj->bias);
}

ClipMlpImpl::ClipMlpImpl(int64_t hidden, int64_t intermediate, bool quickGelu) : quickGelu_(quickGelu) {
  fc1 = register_module("fc1", torch::nn::Linear(hidden, intermediate));
  fc2 = register_module("fc2", torch::nn::Linear(intermediate, hidden));
}

void ClipMlpImpl::prepareForInference(torch::ScalarType dtype) {
  torch::NoGradGuard ng;
  if (quickGelu_ && dtype == torch::kFloat && !siluFolded_ && fc1->weight.scalar_type() == torch::kFloat) {
    constexpr double k = 1.702;
    fc1->weight.mul_(k);
    fc1->bias.mul_(k);
    fc2->weight.div_(k);
    siluFolded_ = true;
  }
  for (auto *t : {&fc1->weight, &fc1->bias, &fc2->weight, &fc2->bias})
    t->set_data(t->to(dtype).contiguous());
}

torch::Tensor ClipMlpImpl::forward(const torch::Tensor &x) {
  return fastLinear(activate(fastLinear(x, fc1->weight, fc1->bias)), fc2->weight, fc2->bias); // fc2's dtype
}

torch::Tensor ClipMlpImpl::activate(torch::Tensor h) const {
  const auto lowType = h.scalar_type();
  if (lowType != torch::kFloat && mixedPrecision().fp32Activation)
    h = h.to(torch::kFloat);
  // In place when nothing records gradients (one [L, 4D] buffer less per layer); out of place under
  // autograd (explanations), whose backward needs h.
  const bool inPlace = !h.requires_grad();
  if (siluFolded_)
    return inPlace ? torch::silu_(h) : torch::silu(h); // quick_gelu, the 1.702 folded into fc1/fc2
  if (quickGelu_ && inPlace && h.is_cpu() && h.scalar_type() == torch::kBFloat16 && h.is_contiguous() &&
      cpukernels::bf16Available()) {
    // One pass computed in fp32 and rounded once, instead of LibTorch's three bf16 passes (h·1.702,
    // sigmoid, product): 2 images of ViT-L/14-336, 0.9 instead of 3.1 ms per layer here.
    auto *bits = reinterpret_cast<std::uint16_t *>(h.data_ptr<at::BFloat16>());
    at::parallel_for(0, h.numel(), 16384, [bits](int64_t begin, int64_t end) {
      cpukernels::quickGeluBf16InPlace(bits + begin, end - begin);
    });
    return h;
  }
  if (quickGelu_ && inPlace)
    return h.mul_(torch::sigmoid(h * 1.702));
  if (quickGelu_)
    return h * torch::sigmoid(h * 1.702);
  return torch::gelu(h);
}

ClipEncoderLayerImpl::ClipEncoderLayerImpl(int64_t hidden, int64_t heads, int64_t intermediate, double eps,
                                           bool quickGelu) {
  self_attn = register_module("self_attn", ClipAttention(hidden, heads));
  layer_norm1 =
      register_module("layer_norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({hidden}).eps(eps)));
  mlp = register_module("mlp", ClipMlp(hidden, intermediate, quickGelu));
  layer_norm2 =
      register_module("layer_norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({hidden}).eps(eps)));
}

torch::Tensor ClipEncoderLayerImpl::forward(torch::Tensor x, bool causal) {
  x = x + self_attn->forward(fastLayerNorm(x, layer_norm1), causal);
  return x + mlp->forward(fastLayerNorm(x, layer_norm2));
}

ClipEncoderImpl::ClipEncoderImpl(int64_t n, int64_t hidden, int64_t heads, int64_t intermediate, double eps,
                                 bool quickGelu) {
  layers = register_module("layers", torch::nn::ModuleList());
  for (int64_t i = 0; i < n; ++i)
    layers->push_back(ClipEncoderLayer(hidden, heads, intermediate, eps, quickGelu));
}

torch::Tensor ClipEncoderImpl::forward(torch::Tensor x, bool causal) {
  int index = 0;
  for (const auto &m : *layers) {
    x = m->as<ClipEncoderLayerImpl>()->forward(x, causal);
    if (layerObserver)
      layerObserver(index++, x);
  }
  return x;
}

void ClipEncoderImpl::prepareForInference(torch::ScalarType dtype) {
  for (const auto &m : *layers) {
    auto *layer = m->as<ClipEncoderLayerImpl>();
    layer->self_attn->prepareForInference(dtype);
    layer->mlp->prepareForInference(dtype);
  }
}

} // namespace streetlens::clip
