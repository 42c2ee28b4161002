#include "core/clip/CpuKernels.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define STREETLENS_CPU_KERNELS 1
#include <immintrin.h>
// GCC 12's AVX-512 headers build their "undefined" registers by self-initialisation, which its own
// -Wmaybe-uninitialized then reports inside every intrinsic using them (a false positive).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#else
#define STREETLENS_CPU_KERNELS 0
#endif

namespace streetlens::clip::cpukernels {

#if STREETLENS_CPU_KERNELS

// Every function that uses AVX-512 carries the target itself: the file is compiled for any x86-64
// CPU, and fp32Available() / bf16Available() decide at run time whether these are called.
#define SL_AVX512 __attribute__((target("avx512f,fma")))
#define SL_AVX512BF16 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq,avx512bf16,fma")))

namespace {

constexpr int kHead = 64;         // head size the attention kernel is written for
constexpr int kPairs = kHead / 2; // bf16 pairs per row: one 32-bit lane each
constexpr int kRows = 4;          // query rows per register block
constexpr int kTileRows = 32;     // query rows whose scores are kept at once (32 × L fp32: in L2)
// The micro-kernels' loops over rows and 16-lane columns carry "#pragma GCC unroll": unrolled, their
// accumulators live in zmm registers; at -O2 GCC kept them on the stack (a load and a store around
// every dot product, twice as slow).

// exp(x): 2^n · p(r), r = x - n ln2 in [-ln2/2, ln2/2],
// p the Taylor series to r^6 (relative error < 2e-7, far below bf16's rounding); +inf above ~88.7
// (x / (1 + inf) = 0 in quick_gelu), 0 below ~-104.
SL_AVX512 inline __m512 expPs(__m512 x) {
  x = _mm512_max_ps(_mm512_min_ps(x, _mm512_set1_ps(128.0f)), _mm512_set1_ps(-104.0f));
  const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                        _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
  __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
  r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
  __m512 p = _mm512_set1_ps(1.0f / 720);
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 120));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 24));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f / 6));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(0.5f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f));
  p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.0f));
  return _mm512_scalef_ps(p, n);
}

// 16 bf16 values → fp32 (exact: bf16 is the top half of an fp32).
SL_AVX512BF16 inline __m512 loadBf16(const std::uint16_t *p, __mmask16 m = 0xFFFF) {
  const __m256i h = _mm256_maskz_loadu_epi16(m, p);
  return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_cvtepu16_epi32(h), 16));
}

// 16 fp32 → bf16, rounded to nearest even (as LibTorch rounds).
SL_AVX512BF16 inline void storeBf16(std::uint16_t *p, __m512 v, __mmask16 m = 0xFFFF) {
  const __m256bh b = _mm512_cvtneps_pbh(v);
  __m256i bits;
  std::memcpy(&bits, &b, sizeof bits);
  _mm256_mask_storeu_epi16(p, m, bits);
}

SL_AVX512BF16 inline __m512 dot(__m512 acc, __m512i a, __m512i b) {
  __m512bh ab, bb;
  std::memcpy(&ab, &a, sizeof ab);
  std::memcpy(&bb, &b, sizeof bb);
  return _mm512_dpbf16_ps(acc, ab, bb);
}

SL_AVX512 inline __mmask16 tailMask(std::int64_t left) {
  return left >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << left) - 1);
}

// Per-thread scratch, grown as needed and kept: the packed k and v of the head in hand, a tile's
// scores, probabilities and output accumulators.
struct Scratch {
  std::vector<std::uint32_t> kPacked; // [kPairs][padded]: (k[j][2t], k[j][2t+1]) at t * padded + j
  std::vector<std::uint32_t> vPacked; // [padded / 2][kHead]: (v[2p][c], v[2p+1][c]) at p * kHead + c
  std::vector<std::uint32_t> qTile;   // [kTileRows][kPairs]
  std::vector<float> scores;          // [kTileRows][padded]
  std::vector<std::uint16_t> probs;   // [kTileRows][padded]
  std::vector<float> acc;             // [kTileRows][kHead]
  std::vector<float> kTransposed;     // fp32: [kHead][padded], k[j][t] at t * padded + j
  std::vector<float> qTileF;          // fp32: [kTileRows][kHead]
};

Scratch &scratch() {
  thread_local Scratch s;
  return s;
}

// bf16: scores[r][j0 .. j0 + 16 NC) = q[r] · k[j] for the kRows packed query rows at q.
template <int NC>
SL_AVX512BF16 inline void scoreBlock(const std::uint32_t *q, const std::uint32_t *kPacked,
                                     std::int64_t padded, std::int64_t j0, float *scores) {
  __m512 acc[kRows][NC];
#pragma GCC unroll 4
  for (int r = 0; r < kRows; ++r)
#pragma GCC unroll 4
    for (int c = 0; c < NC; ++c)
      acc[r][c] = _mm512_setzero_ps();
  for (int t = 0; t < kPairs; ++t) {
    __m512i kz[NC];
#pragma GCC unroll 4
    for (int c = 0; c < NC; ++c)
      kz[c] = _mm512_loadu_si512(kPacked + t * padded + j0 + 16 * c);
#pragma GCC unroll 4
    for (int r = 0; r < kRows; ++r) {
      const __m512i qb = _mm512_set1_epi32(int(q[r * kPairs + t]));
#pragma GCC unroll 4
      for (int c = 0; c < NC; ++c)
        acc[r][c] = dot(acc[r][c], kz[c], qb);
    }
  }
#pragma GCC unroll 4
  for (int r = 0; r < kRows; ++r)
#pragma GCC unroll 4
    for (int c = 0; c < NC; ++c)
      _mm512_storeu_ps(scores + r * padded + j0 + 16 * c, acc[r][c]);
}

// acc[r][0..64) += Σ_p probs[r][2p, 2p+1] · v[2p, 2p+1][0..64) for pairs p in [p0, p1).
SL_AVX512BF16 inline void valueBlock(const std::uint32_t *probs, std::int64_t probStride,
                                     const std::uint32_t *vPacked, std::int64_t p0, std::int64_t p1,
                                     float *acc) {
  __m512 a[kRows][4];
#pragma GCC unroll 4
  for (int r = 0; r < kRows; ++r)
#pragma GCC unroll 4
    for (int c = 0; c < 4; ++c)
      a[r][c] = _mm512_loadu_ps(acc + r * kHead + 16 * c);
  for (std::int64_t p = p0; p < p1; ++p) {
    __m512i vz[4];
#pragma GCC unroll 4
    for (int c = 0; c < 4; ++c)
      vz[c] = _mm512_loadu_si512(vPacked + p * kHead + 16 * c);
#pragma GCC unroll 4
    for (int r = 0; r < kRows; ++r) {
      const __m512i pb = _mm512_set1_epi32(int(probs[r * probStride + p]));
#pragma GCC unroll 4
      for (int c = 0; c < 4; ++c)
        a[r][c] = dot(a[r][c], vz[c], pb);
    }
  }
#pragma GCC unroll 4
  for (int r = 0; r < kRows; ++r)
#pragma GCC unroll 4
    for (int c = 0; c < 4; ++c)
      _mm512_storeu_ps(acc + r * kHead + 16 * c, a[r][c]);
}

// The row's softmax numerators exp(s_j - max) over [0, length), rounded to bf16 into probs[0..padded)
// (zeros past length); returns 1 / Σ exp, applied to the row's output instead of to each
// probability (one pass over the row fewer; the same single bf16 rounding of each term).
SL_AVX512BF16 inline float softmaxNumerators(const float *scores, std::uint16_t *probs, std::int64_t length,
                                             std::int64_t padded) {
  __m512 mx = _mm512_set1_ps(-__builtin_inff());
  for (std::int64_t j = 0; j < length; j += 16)
    mx = _mm512_mask_max_ps(mx, tailMask(length - j), mx, _mm512_loadu_ps(scores + j));
  const __m512 rowMax = _mm512_set1_ps(_mm512_reduce_max_ps(mx));
  __m512 sum = _mm512_setzero_ps();
  std::int64_t j = 0;
  for (; j < length; j += 16) {
    const __m512 e =
        _mm512_maskz_mov_ps(tailMask(length - j), expPs(_mm512_sub_ps(_mm512_loadu_ps(scores + j), rowMax)));
    storeBf16(probs + j, e);
    sum = _mm512_add_ps(sum, e);
  }
  for (; j < padded; j += 16)
    storeBf16(probs + j, _mm512_setzero_ps());
  return 1.0f / _mm512_reduce_add_ps(sum);
}

SL_AVX512BF16 void attendHead64Avx512Bf16(const AttentionHead &h) {
  const auto *qBits = static_cast<const std::uint16_t *>(h.q),
             *kBits = static_cast<const std::uint16_t *>(h.k),
             *vBits = static_cast<const std::uint16_t *>(h.v);
  auto *outBits = static_cast<std::uint16_t *>(h.out);
  const std::int64_t L = h.length, padded = (L + 15) / 16 * 16;
  Scratch &s = scratch();
  s.kPacked.assign(std::size_t(kPairs * padded), 0u);
  s.vPacked.assign(std::size_t(padded / 2 * kHead), 0u);
  s.qTile.resize(std::size_t(kTileRows * kPairs));
  s.scores.resize(std::size_t(kTileRows * padded));
  s.probs.resize(std::size_t(kTileRows * padded));
  s.acc.resize(std::size_t(kTileRows * kHead));

  for (std::int64_t j = 0; j < L; ++j) {
    std::uint32_t pairs[kPairs];
    std::memcpy(pairs, kBits + j * h.kStride, sizeof pairs);
    for (int t = 0; t < kPairs; ++t)
      s.kPacked[std::size_t(t * padded + j)] = pairs[t];
  }
  for (std::int64_t j = 0; j < L; ++j) {
    const std::uint16_t *row = vBits + j * h.vStride;
    const int half = int(j & 1) * 16;
    std::uint32_t *dst = s.vPacked.data() + (j / 2) * kHead;
    for (int c = 0; c < kHead; ++c)
      dst[c] |= std::uint32_t(row[c]) << half;
  }

  for (std::int64_t i0 = 0; i0 < L; i0 += kTileRows) {
    const std::int64_t rows = std::min<std::int64_t>(kTileRows, L - i0);
    const std::int64_t blocks = (rows + kRows - 1) / kRows, used = blocks * kRows;
    std::fill(s.qTile.begin(), s.qTile.end(), 0u);
    for (std::int64_t r = 0; r < rows; ++r)
      std::memcpy(s.qTile.data() + r * kPairs, qBits + (i0 + r) * h.qStride, sizeof(std::uint32_t) * kPairs);

    // Scores: key columns outer so that a 64-key slice of k stays in L1 across the row blocks.
    std::int64_t j0 = 0;
    for (; j0 + 64 <= padded; j0 += 64)
      for (std::int64_t b = 0; b < blocks; ++b)
        scoreBlock<4>(s.qTile.data() + b * kRows * kPairs, s.kPacked.data(), padded, j0,
                      s.scores.data() + b * kRows * padded);
    for (; j0 < padded; j0 += 16)
      for (std::int64_t b = 0; b < blocks; ++b)
        scoreBlock<1>(s.qTile.data() + b * kRows * kPairs, s.kPacked.data(), padded, j0,
                      s.scores.data() + b * kRows * padded);

    float inverseSums[kTileRows];
    for (std::int64_t r = 0; r < used; ++r)
      if (r < rows)
        inverseSums[r] =
            softmaxNumerators(s.scores.data() + r * padded, s.probs.data() + r * padded, L, padded);
      else
        std::fill_n(s.probs.data() + r * padded, padded, std::uint16_t(0));

    // probs · v: 32 key pairs (a 8 KiB slice of v) outer, row blocks inner; fp32 accumulators.
    std::fill_n(s.acc.data(), used * kHead, 0.0f);
    const auto *probPairs = reinterpret_cast<const std::uint32_t *>(s.probs.data());
    const std::int64_t pairCount = padded / 2, probStride = padded / 2;
    for (std::int64_t p0 = 0; p0 < pairCount; p0 += 32)
      for (std::int64_t b = 0; b < blocks; ++b)
        valueBlock(probPairs + b * kRows * probStride, probStride, s.vPacked.data(), p0,
                   std::min<std::int64_t>(pairCount, p0 + 32), s.acc.data() + b * kRows * kHead);

    for (std::int64_t r = 0; r < rows; ++r) {
      const __m512 inv = _mm512_set1_ps(inverseSums[r]);
      for (int c = 0; c < kHead; c += 16)
        storeBf16(outBits + (i0 + r) * h.outStride + c,
                  _mm512_mul_ps(_mm512_loadu_ps(s.acc.data() + r * kHead + c), inv));
    }
  }
}

// fp32: scores[r][j0 .. j0 + 16 NC) = q[r] · k[j], k transposed to [kHead][padded].
template <int NC>
SL_AVX512 inline void scoreBlockFp32(const float *q, const float *kT, std::int64_t padded, std::int64_t j0,
                                     float *scores) {
  __m512 acc[kRows][NC];
#pragma GCC unroll 4
  for (int r = 0; r < kRows; ++r)
#pragma GCC unroll 4
    for (int c = 0; c < NC; ++c)
      acc[r][c] = _mm512_setzero_ps();
  for (int t = 0; t < kHead; ++t) {
    __m512 kz[NC];
#pragma GCC unroll 4
    for (int c = 0; c < NC; ++c)
      kz[c] = _mm512_loadu_ps(kT + t * padded + j0 + 16 * c);
#pragma GCC unroll 4
    for (int r = 0; r < kRows; ++r) {
      const __m512 qb = _mm512_set1_ps(q[r * kHead + t]);
#pragma GCC unroll 4
      for (int c = 0; c < NC; ++c)
        acc[r][c] = _mm512_fmadd_ps(kz[c], qb, acc[r][c]);
    }
  }
#pragma GCC unroll 4
  for (int r = 0; r < kRows; ++r)
#pragma GCC unroll 4
    for (int c = 0; c < NC; ++c)
      _mm512_storeu_ps(scores + r * padded + j0 + 16 * c, acc[r][c]);
}

// fp32: acc[r][0..64) += Σ_j probs[r][j] · v[j][0..64) for keys j in [j0, j1), v read in place.
SL_AVX512 inline void valueBlockFp32(const float *probs, std::int64_t probStride, const float *v,
                                     std::int64_t vStride, std::int64_t j0, std::int64_t j1, float *acc) {
  __m512 a[kRows][4];
#pragma GCC unroll 4
  for (int r = 0; r < kRows; ++r)
#pragma GCC unroll 4
    for (int c = 0; c < 4; ++c)
      a[r][c] = _mm512_loadu_ps(acc + r * kHead + 16 * c);
  for (std::int64_t j = j0; j < j1; ++j) {
    __m512 vz[4];
#pragma GCC unroll 4
    for (int c = 0; c < 4; ++c)
      vz[c] = _mm512_loadu_ps(v + j * vStride + 16 * c);
#pragma GCC unroll 4
    for (int r = 0; r < kRows; ++r) {
      const __m512 pb = _mm512_set1_ps(probs[r * probStride + j]);
#pragma GCC unroll 4
      for (int c = 0; c < 4; ++c)
        a[r][c] = _mm512_fmadd_ps(vz[c], pb, a[r][c]);
    }
  }
#pragma GCC unroll 4
  for (int r = 0; r < kRows; ++r)
#pragma GCC unroll 4
    for (int c = 0; c < 4; ++c)
      _mm512_storeu_ps(acc + r * kHead + 16 * c, a[r][c]);
}

// fp32: the row's softmax over [0, length) in place (normalised probabilities).
SL_AVX512 inline void softmaxRowFp32(float *scores, std::int64_t length) {
  __m512 mx = _mm512_set1_ps(-__builtin_inff());
  for (std::int64_t j = 0; j < length; j += 16)
    mx = _mm512_mask_max_ps(mx, tailMask(length - j), mx, _mm512_loadu_ps(scores + j));
  const __m512 rowMax = _mm512_set1_ps(_mm512_reduce_max_ps(mx));
  __m512 sum = _mm512_setzero_ps();
  for (std::int64_t j = 0; j < length; j += 16) {
    const __mmask16 m = tailMask(length - j);
    const __m512 e = _mm512_maskz_mov_ps(m, expPs(_mm512_sub_ps(_mm512_loadu_ps(scores + j), rowMax)));
    _mm512_mask_storeu_ps(scores + j, m, e);
    sum = _mm512_add_ps(sum, e);
  }
  const __m512 inv = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(sum));
  for (std::int64_t j = 0; j < length; j += 16) {
    const __mmask16 m = tailMask(length - j);
    _mm512_mask_storeu_ps(scores + j, m, _mm512_mul_ps(_mm512_loadu_ps(scores + j), inv));
  }
}

SL_AVX512 void attendHead64Avx512Fp32(const AttentionHead &h) {
  const auto *q = static_cast<const float *>(h.q), *k = static_cast<const float *>(h.k),
             *v = static_cast<const float *>(h.v);
  auto *out = static_cast<float *>(h.out);
  const std::int64_t L = h.length, padded = (L + 15) / 16 * 16;
  Scratch &s = scratch();
  s.kTransposed.assign(std::size_t(kHead * padded), 0.0f);
  s.qTileF.resize(std::size_t(kTileRows * kHead));
  s.scores.resize(std::size_t(kTileRows * padded));
  s.acc.resize(std::size_t(kTileRows * kHead));
  for (std::int64_t j = 0; j < L; ++j)
    for (int t = 0; t < kHead; ++t)
      s.kTransposed[std::size_t(t * padded + j)] = k[j * h.kStride + t];

  for (std::int64_t i0 = 0; i0 < L; i0 += kTileRows) {
    const std::int64_t rows = std::min<std::int64_t>(kTileRows, L - i0);
    const std::int64_t blocks = (rows + kRows - 1) / kRows, used = blocks * kRows;
    std::fill(s.qTileF.begin(), s.qTileF.end(), 0.0f);
    for (std::int64_t r = 0; r < rows; ++r)
      std::memcpy(s.qTileF.data() + r * kHead, q + (i0 + r) * h.qStride, sizeof(float) * kHead);

    std::int64_t j0 = 0;
    for (; j0 + 64 <= padded; j0 += 64)
      for (std::int64_t b = 0; b < blocks; ++b)
        scoreBlockFp32<4>(s.qTileF.data() + b * kRows * kHead, s.kTransposed.data(), padded, j0,
                          s.scores.data() + b * kRows * padded);
    for (; j0 < padded; j0 += 16)
      for (std::int64_t b = 0; b < blocks; ++b)
        scoreBlockFp32<1>(s.qTileF.data() + b * kRows * kHead, s.kTransposed.data(), padded, j0,
                          s.scores.data() + b * kRows * padded);

    for (std::int64_t r = 0; r < used; ++r)
      if (r < rows)
        softmaxRowFp32(s.scores.data() + r * padded, L);
      else
        std::fill_n(s.scores.data() + r * padded, padded, 0.0f);

    std::fill_n(s.acc.data(), used * kHead, 0.0f);
    for (std::int64_t j = 0; j < L; j += 64) // 64 rows of v (16 KiB) outer, row blocks inner
      for (std::int64_t b = 0; b < blocks; ++b)
        valueBlockFp32(s.scores.data() + b * kRows * padded, padded, v, h.vStride, j,
                       std::min<std::int64_t>(L, j + 64), s.acc.data() + b * kRows * kHead);

    for (std::int64_t r = 0; r < rows; ++r)
      std::memcpy(out + (i0 + r) * h.outStride, s.acc.data() + r * kHead, sizeof(float) * kHead);
  }
}

SL_AVX512BF16 void quickGeluAvx512(std::uint16_t *x, std::int64_t n) {
  const __m512 minusK = _mm512_set1_ps(-1.702f), one = _mm512_set1_ps(1.0f);
  for (std::int64_t i = 0; i < n; i += 16) {
    const __mmask16 m = tailMask(n - i);
    const __m512 v = loadBf16(x + i, m);
    const __m512 e = expPs(_mm512_mul_ps(v, minusK)); // exp(-1.702 x), clamped: x / inf = 0 for x << 0
    storeBf16(x + i, _mm512_div_ps(v, _mm512_add_ps(one, e)), m);
  }
}

bool kernelsSwitchedOff() {
  const char *env = std::getenv("STREETLENS_CPU_KERNELS");
  return env && std::strcmp(env, "off") == 0;
}

} // namespace

bool fp32Available() {
  static const bool yes = [] {
    __builtin_cpu_init();
    return !kernelsSwitchedOff() && __builtin_cpu_supports("avx512f");
  }();
  return yes;
}

bool bf16Available() {
  static const bool yes = [] {
    __builtin_cpu_init();
    return !kernelsSwitchedOff() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512bf16");
  }();
  return yes;
}

void attendHead64Fp32(const AttentionHead &head) {
  if (head.length > 0)
    attendHead64Avx512Fp32(head);
}

void attendHead64Bf16(const AttentionHead &head) {
  if (head.length > 0)
    attendHead64Avx512Bf16(head);
}

void quickGeluBf16InPlace(std::uint16_t *x, std::int64_t n) {
  if (n > 0)
    quickGeluAvx512(x, n);
}

#else // not x86-64 with GCC/Clang: the LibTorch ops run instead

bool fp32Available() {
  return false;
}
bool bf16Available() {
  return false;
}
void attendHead64Fp32(const AttentionHead &) {
  std::abort(); // callers check *Available() first
}
void attendHead64Bf16(const AttentionHead &) {
  std::abort();
}
void quickGeluBf16InPlace(std::uint16_t *, std::int64_t) {
  std::abort();
}

#endif

} // namespace streetlens::clip::cpukernels
