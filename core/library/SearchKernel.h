#pragma once
// The arithmetic of EmbeddingIndex::search and of the index checks: float16 rows widened to
// float32 and dot products of queries with a block of rows. Plain loops built at -O3 so that the
// compiler vectorises them for the target (SSE2 baseline, AVX2, AVX-512; see
// core/library/sources.cmake); no intrinsics. Pure functions; any thread.
#include <cstddef>
#include <cstdint>

namespace streetlens::library::kernel {

// out[r * nQueries + q] = <queries[q], rows[r]> for a block of rows (row-major, dim floats each).
void dotBlock(const float *queries, int nQueries, const float *rows, int nRows, int dim, float *out);
// Widens n halves to floats.
void widen(const std::uint16_t *in, float *out, std::size_t n);
// The squared L2 norm of each of `count` float16 rows (NaN when a value is not finite).
void squaredNorms(const std::uint16_t *rows, std::int64_t count, int dim, float *out);

} // namespace streetlens::library::kernel
