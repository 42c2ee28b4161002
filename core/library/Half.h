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
  // Masks instead of branches or ?: so that the loop over a row has no control flow to vectorise.
  const std::uint32_t sign = std::uint32_t(h & 0x8000u) << 16;
  const std::uint32_t em = h & 0x7fffu;
  const std::uint32_t infNan = 0u - std::uint32_t(em >= 0x7c00u);  // all ones for infinity / NaN
  const std::uint32_t subnormal = 0u - std::uint32_t(em < 0x400u); // all ones for subnormals, zero
  // Normal halves: rebias the exponent by (127 - 15) << 23; infinity / NaN: exponent 255.
  const std::uint32_t normal = (em << 13) + 0x38000000u + (infNan & 0x38000000u);
  // Subnormal halves are em * 2^-24, exact in float.
  const std::uint32_t sub = std::bit_cast<std::uint32_t>(float(std::int32_t(em)) * 5.9604644775390625e-8f);
  return std::bit_cast<float>((sub & subnormal) | (normal & ~subnormal) | sign);
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
