#include "core/clip/DenseOps.h"

#include "core/clip/MixedPrecision.h"

#include <ATen/Config.h>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>

namespace streetlens::clip {

namespace {
// The faster library for fp32 products depends on the CPU and on the BLAS build, measured with
// engine_bench (docs/PERFORMANCE.md): on AVX2-only CPUs and where OPENBLAS_CORETYPE holds OpenBLAS
// below AVX-512 (a Zen 4 with OPENBLAS_CORETYPE=Haswell: oneDNN 1.8x faster), oneDNN; on an
// AVX-512 CPU whose OpenBLAS uses its AVX-512 kernels (a Sapphire Rapids: the tower 14 % faster),
// the BLAS. STREETLENS_FP32_GEMM=blas|onednn overrides. A fixed rule, not a timing at start, so
// that a machine always computes the same digits.
bool blasHasAvx512Kernels() {
#if defined(__x86_64__) || defined(__i386__)
  if (!__builtin_cpu_supports("avx512f"))
    return false;
#else
  return false; // no AVX-512 off x86: oneDNN (and the builtin would not compile there)
#endif
  const char *core = std::getenv("OPENBLAS_CORETYPE");
  if (!core || !*core)
    return true; // OpenBLAS picks its kernels from the CPU: AVX-512 ones here
  std::string c(core);
  for (auto &ch : c)
    ch = char(std::toupper(static_cast<unsigned char>(ch)));
  for (const char *avx512 : {"SKYLAKEX", "COOPERLAKE", "SAPPHIRERAPIDS", "ZEN4"})
    if (c == avx512)
      return true;
  return false;
}

bool oneDnnWanted() {
  static const bool wanted = [] {
    const char *v = std::getenv("STREETLENS_FP32_GEMM");
    if (v && std::strcmp(v, "blas") == 0)
      return false;
    if (v && std::strcmp(v, "onednn") == 0)
      return true;
    return !blasHasAvx512Kernels();
  }();
  return wanted;
}
// oneDNN's bf16 inner product needs AVX-512 (BW/VL/DQ) and throws on older CPUs, where
// torch::linear still has a (slow) fallback. Probed once with a 1 x 1 product.
bool bf16LinearWorks() {
#if AT_MKLDNN_ENABLED()
  static const bool works = [] {
    if (!at::hasMKLDNN())
      return false;
    try {
      c10::InferenceMode mode;
      const auto one = torch::ones({1, 1}, torch::kBFloat16);
      return at::mkldnn_linear(one.to_mkldnn(), one, c10::nullopt).to_dense().item<float>() == 1.0f;
    } catch (const std::exception &) {
      return false;
    }
  }();
  return works;
#else
  return false;
#endif
}

} // namespace

bool bf16LinearUsesOneDnn() {
  return bf16LinearWorks();
}

bool fp32LinearUsesOneDnn() {
#if AT_MKLDNN_ENABLED()
  return at::hasMKLDNN() && oneDnnWanted();
#else
  return false;
#endif
}

torch::Tensor fastLinear(const torch::Tensor &xIn, const torch::Tensor &w, const torch::Tensor &b) {
  const torch::Tensor x = xIn.scalar_type() == w.scalar_type() ? xIn : xIn.to(w.scalar_type());
#if AT_MKLDNN_ENABLED()
  // fp32 on the CPU: LibTorch sends torch::linear to the BLAS it was built with (OpenBLAS on
  // Debian, often limited to AVX2 kernels), while its bundled oneDNN uses AVX-512 where the CPU has
  // it: about 2x the GFLOP/s at the towers' shapes (docs/PERFORMANCE.md). bf16 goes to oneDNN
  // inside torch::linear too, but calling the inner product directly skips a transposed-weight
  // matmul setup (a single image's layer: 40 instead of 49 ms). CUDA goes to cuBLAS.
  const auto dtype = x.scalar_type();
  const bool oneDnnDtype =
      (dtype == torch::kFloat && fp32LinearUsesOneDnn()) || (dtype == torch::kBFloat16 && bf16LinearWorks());
  if (x.device().is_cpu() && oneDnnDtype && w.scalar_type() == dtype && !x.requires_grad()) {
    const int64_t K = x.size(-1), N = w.size(0);
    auto x2 = x.reshape({-1, K}).contiguous();
    const auto wd = w.contiguous();
    const auto bias = b.defined() ? c10::optional<torch::Tensor>(b.contiguous()) : c10::nullopt;
    auto y = at::mkldnn_linear(x2.to_mkldnn(), wd, bias).to_dense();
    auto shape = x.sizes().vec();
    shape.back() = N;
    return y.view(shape);
  }
#endif
  return torch::nn::functional::linear(x, w, b);
}

torch::Tensor fastLayerNorm(const torch::Tensor &x, const torch::nn::LayerNorm &ln) {
  const auto &o = ln->options;
  if (x.device().is_cpu() && x.scalar_type() == torch::kBFloat16)
    return torch::layer_norm(x.to(torch::kFloat), o.normalized_shape(), ln->weight.to(torch::kFloat),
                             ln->bias.to(torch::kFloat), o.eps())
        .to(torch::kBFloat16);
  return torch::layer_norm(x, o.normalized_shape(), ln->weight, ln->bias, o.eps());
}

} // namespace streetlens::clip

namespace streetlens::clip {

namespace {
MixedPrecision &policyStore() {
  static MixedPrecision policy = [] {
    MixedPrecision p;
    const char *env = std::getenv("STREETLENS_MIXED_PRECISION");
    if (!env)
      return p;
    const std::string list = std::string(",") + env + ",";
    auto has = [&](const char *part) {
      return list.find(std::string(",") + part + ",") != std::string::npos;
    };
    p.fp32Residual = !has("bf16-residual");
    p.fp32Attention = has("attention");
    p.fp32Activation = has("gelu");
    p.fp32TextTower = has("text");
    return p;
  }();
  return policy;
}
} // namespace

const MixedPrecision &mixedPrecision() {
  return policyStore();
}

void setMixedPrecision(const MixedPrecision &policy) {
  policyStore() = policy;
}

} // namespace streetlens::clip
