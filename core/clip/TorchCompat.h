#pragma once
// The few places where Debian's LibTorch 1.13 (CPU) and an official CUDA LibTorch 2.x differ.
// Everything version-dependent goes through here so the rest of core/clip reads the same on both.
#include <torch/torch.h>
#include <torch/version.h>

#define STREETLENS_TORCH_AT_LEAST(maj, min)                                                                  \
  (TORCH_VERSION_MAJOR > (maj) || (TORCH_VERSION_MAJOR == (maj) && TORCH_VERSION_MINOR >= (min)))

namespace streetlens::clip::compat {

// Fused attention: at::scaled_dot_product_attention with an explicit scale exists from 2.1 (flash /
// memory-efficient kernels on CUDA, a fused CPU kernel from 2.1). 1.13 uses explicit matmuls.
inline constexpr bool kHasSdpa = STREETLENS_TORCH_AT_LEAST(2, 1);

// c10::OutOfMemoryError was added in 1.13 and is what CUDA allocation failures throw. cuBLAS
// reports its own failed allocations (a handle's or workspace's) as CUBLAS_STATUS_ALLOC_FAILED.
inline bool isOutOfMemory(const std::exception &e) {
  if (dynamic_cast<const c10::OutOfMemoryError *>(&e))
    return true;
  const std::string what = e.what();
  return what.find("out of memory") != std::string::npos ||
         what.find("DefaultCPUAllocator: can't allocate") != std::string::npos ||
         what.find("CUBLAS_STATUS_ALLOC_FAILED") != std::string::npos;
}

} // namespace streetlens::clip::compat
