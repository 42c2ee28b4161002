#pragma once
// The attention core softmax(q·kᵀ [+ causal mask])·v of both towers, with the fastest route the
// LibTorch in use offers for the device. Stateless; called on the engine's worker thread (the CPU
// route fans heads out over LibTorch's intra-op threads).
#include <torch/torch.h>

namespace streetlens::clip {

// q, k, v: [B, H, L, d], q already multiplied by d^-0.5. Returns [B, H, L, d]; for the long
// sequences of the image tower on the CPU the result is a view whose transpose(1, 2) is contiguous,
// so merging the heads costs no copy.
torch::Tensor attend(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v, bool causal);

// Explanations only (core/clip/Rollout): the same attention computed explicitly — scores and
// softmax in fp32, differentiable — returning the probabilities [B, H, L, L] in *probs so that
// autograd can give their gradients. Slower than attend(); never used for plain inference.
torch::Tensor attendKeepingProbs(const torch::Tensor &q, const torch::Tensor &k, const torch::Tensor &v,
                                 bool causal, torch::Tensor *probs);

} // namespace streetlens::clip
