#pragma once
// The towers' dense projections and layer norms, each through the fastest route the LibTorch in
// use offers for the device (CPU: oneDNN; CUDA: cuBLAS) and dtype. Stateless; called on the
// engine's worker thread.
#include <torch/torch.h>

namespace streetlens::clip {

// x: [..., K], w: [N, K] (dense, contiguous), b: [N] or undefined, b in w's dtype. x is cast to
// w's dtype first (mixed precision: an fp32 activation into a bf16/fp16 product, as autocast does);
// the result is in w's dtype. Same result as torch::nn::functional::linear up to float round-off.
torch::Tensor fastLinear(const torch::Tensor &x, const torch::Tensor &w, const torch::Tensor &b);

// torch::layer_norm. The towers call it on their fp32 residual stream; a bf16 input on the CPU is
// computed in fp32 and rounded once (LibTorch 1.13's bf16 kernel is 6x slower than fp32 there).
torch::Tensor fastLayerNorm(const torch::Tensor &x, const torch::nn::LayerNorm &ln);

// Whether fp32 CPU products go through oneDNN rather than LibTorch's BLAS: STREETLENS_FP32_GEMM=
// blas|onednn, else oneDNN unless the CPU has AVX-512 and OpenBLAS is free to use its AVX-512
// kernels (see DenseOps.cpp). Needs LibTorch built with oneDNN. For the bench and EngineInfo::route.
bool fp32LinearUsesOneDnn();

// Whether bf16 CPU products go through oneDNN's inner product (it needs AVX-512 BW/VL/DQ and
// throws elsewhere; probed once). Without it torch::linear emulates bf16.
bool bf16LinearUsesOneDnn();

} // namespace streetlens::clip
