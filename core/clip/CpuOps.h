#pragma once
// The towers' dense projections and layer norms, each through the fastest route the LibTorch in
// use offers for the device and dtype. Stateless; called on the engine's worker thread.
#include <torch/torch.h>

namespace streetlens::clip {

// x: [..., K], w: [N, K] (dense, contiguous), b: [N] or undefined. Same result as
// torch::nn::functional::linear up to float round-off.
torch::Tensor fastLinear(const torch::Tensor &x, const torch::Tensor &w, const torch::Tensor &b);

// torch::layer_norm, computed in fp32 for bf16 inputs on the CPU (LibTorch 1.13's bf16 kernel
// is 6x slower than fp32 there; rounding the fp32 result once is also closer to the exact value).
torch::Tensor fastLayerNorm(const torch::Tensor &x, const torch::nn::LayerNorm &ln);

// Whether fp32 CPU products go through oneDNN (true when LibTorch was built with it and
// STREETLENS_FP32_GEMM is not "blas"). Exposed for the benchmark's table.
bool fp32LinearUsesOneDnn();

} // namespace streetlens::clip
