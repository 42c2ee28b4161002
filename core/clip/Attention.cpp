#include "core/clip/Attention.h"

#include "core/clip/CpuKernels.h"
#include "core/clip/DenseOps.h"
#include "core/clip/MixedPrecision.h"
#include "core/clip/TorchCompat.h"

#include <ATen/Config.h>
#include <ATen/Parallel.h>
#include <limits>

namespace streetlens::clip {

namespace {

// Below this sequence length (the text tower: <= 77 tokens) one batched matmul beats per-head calls.
constexpr int64_t kPerHeadMinLength = 128;

[[maybe_unused]] torch::Tensor causalMask(int64_t L, const torch::Device &device) {
  return torch::ones({L, L}, torch::TensorOptions().dtype(torch::kBool).device(device)).triu(1);
}

[[maybe_unused]] torch::Tensor attendBatched(const torch::Tensor &q, const torch::Tensor &k,
                                             const torch::Tensor &v, bool causal) {
  auto scores = torch::matmul(q, k.transpose(-2, -1)); // [B, H, L, L]
  if (causal)
    scores.masked_fill_(causalMask(q.size(2), q.device()), -std::numeric_limits<float>::infinity());
  // at::_softmax directly: in LibTorch 1.13 the public softmax is 8x slower on this path (and
  // 30x with a dtype argument). Mixed precision wants the softmax in fp32, its probabilities rounded
  // once, then multiplied with v in bf16 (as autocast does). LibTorch's bf16 CPU kernel does exactly
  // that inside (fp32 accumulation; 1-ulp differences in 5e-6 of the entries) at 1/6 of the time
  // of casting around an fp32 softmax; other low precisions take the casts.
  if (scores.scalar_type() != torch::kFloat && !(scores.is_cpu() && scores.scalar_type() == torch::kBFloat16))
    return torch::matmul(at::_softmax(scores.to(torch::kFloat), -1, false).to(v.scalar_type()), v);
  auto probs = at::_softmax(scores, -1, /*half_to_float=*/false);
  return torch::matmul(probs, v);
}

#if AT_MKLDNN_ENABLED()
// fp32 on the CPU: one (image, head) pair per task across the intra-op threads, each doing
// q·kᵀ, softmax and ·v back to back while its [L, L] scores are still in cache, with oneDNN's
// AVX-512 kernels (LibTorch 1.13 sends fp32 matmul to its BLAS). 8 ms instead of 15 ms per layer
// of ViT-L/14-336 here (docs/PERFORMANCE.md).
[[maybe_unused]] torch::Tensor attendPerHead(const torch::Tensor &q, const torch::Tensor &k,
                                             const torch::Tensor &v, bool causal) {
  const int64_t B = q.size(0), H = q.size(1), L = q.size(2), d = q.size(3);
  auto out = torch::empty({B, L, H, d}, q.options());
  const auto mask = causal ? causalMask(L, q.device()) : torch::Tensor();
  const bool inference = c10::InferenceMode::is_enabled();
  at::parallel_for(0, B * H, 1, [&](int64_t begin, int64_t end) {
    // InferenceMode is per thread: the workers must share the caller's mode to write into `out`.
    c10::InferenceMode mode(inference);
    for (int64_t i = begin; i < end; ++i) {
      const int64_t b = i / H, h = i % H;
      auto scores = at::mkldnn_linear(q[b][h].contiguous().to_mkldnn(), k[b][h].contiguous(), c10::nullopt)
                        .to_dense(); // [L, L]
      if (causal)
        scores.masked_fill_(mask, -std::numeric_limits<float>::infinity());
      auto probs = at::_softmax(scores, -1, /*half_to_float=*/false);
      auto o = at::mkldnn_linear(probs.to_mkldnn(), v[b][h].t().contiguous(), c10::nullopt).to_dense();
      out.select(0, b).select(1, h).copy_(o); // [L, d] into the heads-merged layout
    }
  });
  return out.permute({0, 2, 1, 3});
}
#endif

// fp32 on an AVX-512 CPU, bf16 on one with AVX512-BF16; head size 64, no mask, no gradients: one
// head per task across the intra-op threads, each through CpuKernels' fused kernel (the scores and
// softmax never leave the cache). 2 images of ViT-L/14-336 here: bf16 9.5 instead of 15.9 ms per
// layer, fp32 15.9 instead of 28.3 (docs/PERFORMANCE.md, issue #24).
bool fusedApplies(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, bool causal) {
  const auto dtype = q.scalar_type();
  if (causal || !q.device().is_cpu() || q.size(3) != 64 || k.scalar_type() != dtype ||
      v.scalar_type() != dtype || q.stride(3) != 1 || k.stride(3) != 1 || v.stride(3) != 1 ||
      q.requires_grad() || k.requires_grad() || v.requires_grad())
    return false;
  // bf16 only while the mixed-precision policy keeps the attention's products in bf16 (with
  // fp32Attention, attend() casts to fp32 first and the fp32 kernel runs).
  return (dtype == torch::kFloat && cpukernels::fp32Available()) ||
         (dtype == torch::kBFloat16 && !mixedPrecision().fp32Attention && cpukernels::bf16Available());
}

torch::Tensor attendFused(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v) {
  const int64_t B = q.size(0), H = q.size(1), L = q.size(2), d = q.size(3);
  auto out = torch::empty({B, L, H, d}, q.options());
  const bool bf16 = q.scalar_type() == torch::kBFloat16;
  const int64_t bytes = int64_t(q.element_size());
  const auto *qd = static_cast<const char *>(q.data_ptr()), *kd = static_cast<const char *>(k.data_ptr()),
             *vd = static_cast<const char *>(v.data_ptr());
  auto *od = static_cast<char *>(out.data_ptr());
  at::parallel_for(0, B * H, 1, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) {
      const int64_t b = i / H, h = i % H;
      const cpukernels::AttentionHead head{qd + (b * q.stride(0) + h * q.stride(1)) * bytes,
                                           kd + (b * k.stride(0) + h * k.stride(1)) * bytes,
                                           vd + (b * v.stride(0) + h * v.stride(1)) * bytes,
                                           q.stride(2),
                                           k.stride(2),
                                           v.stride(2),
                                           od + (b * L * H + h) * d * bytes,
                                           H * d,
                                           L};
      if (bf16)
        cpukernels::attendHead64Bf16(head);
      else
        cpukernels::attendHead64Fp32(head);
    }
  });
  return out.permute({0, 2, 1, 3});
}

} // namespace

torch::Tensor attend(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, bool causal) {
  if (fusedApplies(q, k, v, causal))
    return attendFused(q, k, v);
#if STREETLENS_TORCH_AT_LEAST(2, 1)
  // q is already scaled: ask SDPA for scale 1. Its fused kernels (CPU flash attention, CUDA flash /
  // memory-efficient) accumulate the scores and the softmax in fp32 for bf16/fp16 inputs. Not for
  // bf16 on the CPU: there Debian's LibTorch 2.6 flash kernel took 332 ms for one ViT-L layer's
  // attention (2 images, AVX512-BF16) where the batched bf16 matmuls and softmax below take 29 ms
  // (docs/PERFORMANCE.md, issue #24); its fp32 kernel is the fastest fp32 route (22 vs 73 ms).
  if (!(q.device().is_cpu() && q.scalar_type() == torch::kBFloat16))
    return at::scaled_dot_product_attention(q, k, v, /*attn_mask=*/{}, /*dropout_p=*/0.0,
                                            /*is_causal=*/causal, /*scale=*/1.0);
#endif
  // Mixed precision without SDPA: with MixedPrecision::fp32Attention the products run in fp32 too
  // and only the result is rounded (8 % slower; no measurable gain on the probes, so off by default).
  if (q.scalar_type() != torch::kFloat && mixedPrecision().fp32Attention)
    return attend(q.to(torch::kFloat), k.to(torch::kFloat), v.to(torch::kFloat), causal).to(q.scalar_type());
#if AT_MKLDNN_ENABLED()
  if (q.device().is_cpu() && q.scalar_type() == torch::kFloat && q.size(2) >= kPerHeadMinLength &&
      !q.requires_grad() && fp32LinearUsesOneDnn())
    return attendPerHead(q, k, v, causal);
#endif
  return attendBatched(q, k, v, causal);
}

torch::Tensor attendKeepingProbs(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                                 bool causal, torch::Tensor *probs) {
  auto scores = torch::matmul(q.to(torch::kFloat), k.to(torch::kFloat).transpose(-2, -1)); // [B, H, L, L]
  if (causal)
    scores = scores.masked_fill(causalMask(q.size(2), q.device()), -std::numeric_limits<float>::infinity());
  *probs = torch::softmax(scores, -1);
  return torch::matmul(*probs, v.to(torch::kFloat)).to(v.scalar_type());
}

} // namespace streetlens::clip
