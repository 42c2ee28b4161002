#pragma once
// Which parts of the towers run in fp32 when the engine's compute precision is bf16 or fp16 (the
// matrix products always run in the low precision, accumulating in fp32, as PyTorch's autocast
// does). One process-wide policy, read by the towers on the engine's worker thread; the defaults
// are what docs/PERFORMANCE.md ("bf16 per layer") measured as the best accuracy for the speed.
// Only bench/precision_probe changes it, to measure the alternatives; for experiments the
// environment variable STREETLENS_MIXED_PRECISION sets the starting policy as a comma list of
// fp32 parts (residual, attention, gelu, text; "bf16-residual" turns the fp32 residual off).
namespace streetlens::clip {

struct MixedPrecision {
  bool fp32Residual = true; // residual stream, embeddings, layer norms, pooled output, projections
  // q·kᵀ and ·v in fp32 too (wherever attention is not SDPA: LibTorch 1.13, and bf16 on the CPU on
  // 2.x; SDPA keeps its scores in fp32 anyway).
  // Off: bf16 products, fp32 softmax, as autocast does; fp32 products cost 8 % and measured no gain.
  bool fp32Attention = false;
  bool fp32Activation = false; // the MLP's GELU on fp32 values (false: on fc1's bf16 output)
  bool fp32TextTower = false;  // the whole text tower in fp32 (its embeddings are cached per label)
};

const MixedPrecision &mixedPrecision();
void setMixedPrecision(const MixedPrecision &policy); // before an engine is created

} // namespace streetlens::clip
