#include "core/clip/Attention.h"

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

} // namespace

torch::Tensor attend(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, bool causal) {
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
