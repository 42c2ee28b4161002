#include "core/library/SearchKernel.h"

#include "core/library/Half.h"

#include <algorithm>
#include <cmath>
#include <vector>

// GCC on x86-64 builds each kernel three times (AVX-512, AVX2, the SSE2 baseline) and picks one per
// CPU at load time (ifunc): the same plain loops, 16 / 8 / 4 floats per instruction. The sums
// run in the same order in each (16 partial sums), so the results do not depend on the CPU beyond
// fused multiply-adds.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__ELF__)
#define STREETLENS_KERNEL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define STREETLENS_KERNEL_CLONES
#endif

namespace streetlens::library::kernel {

namespace {
// 16 independent partial sums: the inner loop is a fixed-width lane loop, so it vectorises without
// -ffast-math (a single float accumulator would be a reduction the compiler must keep in order).
inline float dot(const float *a, const float *b, int n) {
  float acc[16] = {};
  int d = 0;
  for (; d + 16 <= n; d += 16)
    for (int j = 0; j < 16; ++j)
      acc[j] += a[d + j] * b[d + j];
  float s = 0;
  for (; d < n; ++d)
    s += a[d] * b[d];
  for (int j = 0; j < 16; ++j)
    s += acc[j];
  return s;
}
} // namespace

STREETLENS_KERNEL_CLONES
void dotBlock(const float *queries, int nQueries, const float *rows, int nRows, int dim, float *out) {
  for (int r = 0; r < nRows; ++r) {
    const float *row = rows + std::size_t(r) * std::size_t(dim);
    for (int q = 0; q < nQueries; ++q)
      out[std::size_t(r) * std::size_t(nQueries) + std::size_t(q)] =
          dot(queries + std::size_t(q) * std::size_t(dim), row, dim);
  }
}

STREETLENS_KERNEL_CLONES
void widen(const std::uint16_t *in, float *out, std::size_t n) {
  halfToFloat(in, out, n);
}

STREETLENS_KERNEL_CLONES
void squaredNorms(const std::uint16_t *rows, std::int64_t count, int dim, float *out) {
  std::vector<float> buf(std::size_t(dim) * 64);
  for (std::int64_t first = 0; first < count; first += 64) {
    const int n = int(std::min<std::int64_t>(64, count - first));
    widen(rows + std::size_t(first) * std::size_t(dim), buf.data(), std::size_t(n) * std::size_t(dim));
    for (int r = 0; r < n; ++r) {
      const float *row = buf.data() + std::size_t(r) * std::size_t(dim);
      const float s = dot(row, row, dim);
      out[first + r] = std::isfinite(s) ? s : NAN;
    }
  }
}

} // namespace streetlens::library::kernel
