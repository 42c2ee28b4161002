#pragma once
// Hand-written AVX-512 kernels for the image tower's steps that LibTorch runs far below the CPU's
// peak (docs/PERFORMANCE.md, "Against PyTorch 2.6 and ONNX Runtime"): the attention core
// softmax(q·kᵀ)·v of one head of size 64, fused so that the [L, L] scores never leave the cache
// (fp32 with AVX-512F; bf16 with AVX512-BF16), and bf16 quick_gelu in place. Torch-free: raw
// pointers and strides; the callers (Attention.cpp, ClipLayers.cpp) fan the work out over
// LibTorch's intra-op threads, and each call runs on the thread that makes it (scratch buffers are
// per thread). Compiled for every x86-64 CPU; the AVX-512 code runs only where the matching
// *Available() says the CPU and the OS support it.
#include <cstdint>

namespace streetlens::clip::cpukernels {

// AVX-512 F (with the OS saving zmm registers): the fp32 attention kernel.
bool fp32Available();
// AVX512-F/BW/VL/DQ and AVX512-BF16: the bf16 kernels.
bool bf16Available();
// STREETLENS_CPU_KERNELS=off makes both false (LibTorch's ops then run instead, for comparison).

// One attention head, head size 64, no mask: out[i] = Σ_j softmax_j(q[i]·k[j]) v[j] for i, j < length,
// q already multiplied by 64^-0.5. Rows of q, k, v and out are 64 contiguous values, the given
// strides (in elements) apart. Scores and the softmax in fp32.
struct AttentionHead {
  const void *q, *k, *v;
  std::int64_t qStride, kStride, vStride;
  void *out;
  std::int64_t outStride;
  std::int64_t length;
};
// fp32 data; needs fp32Available(). Differs from the textbook sums by fp32 round-off only.
void attendHead64Fp32(const AttentionHead &head);
// bf16 data (raw bits); needs bf16Available(). Dot products of bf16 pairs accumulated in fp32, the
// softmax in fp32, its terms rounded to bf16 once and multiplied with v accumulating in fp32 (the
// division by their sum applied to that fp32 result), the output rounded to bf16: autocast's
// arithmetic, with its scores kept in fp32 instead of rounded to bf16.
void attendHead64Bf16(const AttentionHead &head);

// x ← x·sigmoid(1.702·x) on n bf16 values (raw bits), computed in fp32 from each value and rounded
// once. Needs bf16Available().
void quickGeluBf16InPlace(std::uint16_t *x, std::int64_t n);

} // namespace streetlens::clip::cpukernels
