#pragma once
// IEEE 754 binary16 ("half") <-> binary32 conversion for the embedding index (EmbeddingIndex.h).
// Branch-free scalar code on integers, so that the loops over a row vectorise on any x86-64 level
// (SSE2 baseline, AVX2, AVX-512) and elsewhere; exact for every half (subnormals, infinities,
// NaN), round-to-nearest-even from float. Pure functions; any thread.
#include <bit>
#include <cstddef>
#include <cstdint>

namespace streetlens::library {

inline float halfToFloat(std::uint16_t h) {
  const std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
  const std::uint32_t em = h & 0x7fffu;
  std::uint32_t normal = (em << 13) + 0x38000000u; // rebias the exponent: (127 - 15) << 23
  normal += em >= 0x7c00u ? 0x38000000u : 0u;      // infinity / NaN: exponent 255
  // Subnormal halves (em < 0x400) are em * 2^-24, exact in float.
  const float sub = float(std::int32_t(em)) * 5.9604644775390625e-8f;
  const std::uint32_t bits = em < 0x400u ? std::bit_cast<std::uint32_t>(sub) : normal;
  return std::bit_cast<float>(bits | sign);
}

// F. Giesen's float_to_half_fast3_rtne: round to nearest even, overflow to infinity, NaN kept.
inline std::uint16_t floatToHalf(float value) {
  std::uint32_t f = std::bit_cast<std::uint32_t>(value);
  const std::uint32_t sign = f & 0x80000000u;
  f ^= sign;
  std::uint32_t o;
  if (f >= (127u + 16u) << 23) { // too large for a half (or inf / NaN)
    o = f > (255u << 23) ? 0x7e00u : 0x7c00u;
  } else if (f < (113u << 23)) { // becomes a half subnormal (or zero): let the FPU round
    constexpr std::uint32_t magicBits = ((127u - 15u) + (23u - 10u) + 1u) << 23;
    const float magic = std::bit_cast<float>(magicBits);
    o = std::bit_cast<std::uint32_t>(std::bit_cast<float>(f) + magic) - magicBits;
  } else {
    const std::uint32_t mantOdd = (f >> 13) & 1u;
    f += (std::uint32_t(15 - 127) << 23) + 0xfffu;
    f += mantOdd;
    o = f >> 13;
  }
  return std::uint16_t(o | (sign >> 16));
}

// n halves to floats (the search's inner conversion; a plain loop the compiler vectorises).
inline void halfToFloat(const std::uint16_t *in, float *out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    out[i] = halfToFloat(in[i]);
}

} // namespace streetlens::library
