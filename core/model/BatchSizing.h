#pragma once
// How many images go through the vision tower at once on a GPU, from the memory it has free.
// Pure functions, any thread; the engine calls them after the weights are on the device.
#include "core/model/ClipConfig.h"

#include <QtGlobal>

namespace streetlens {

// High-water mark of one image's activations inside one encoder layer, in bytes: the residual
// stream, the normed input and the fused q/k/v projection, the attention scores and
// probabilities of every head (the eager path; fused kernels need less), and the MLP's
// intermediate with its activation.
qint64 imageActivationBytes(const ClipVisionConfig &vision, int bytesPerElement);

// The largest batch whose activations fit in 60 % of `freeBytes` (the rest covers allocator
// fragmentation and the math libraries' workspaces), clamped to [1, cap]. Out-of-memory during a
// batch still halves it (TorchEngine), so this is a starting point, not a promise.
int batchSizeForMemory(qint64 freeBytes, const ClipVisionConfig &vision, int bytesPerElement, int cap = 64);

} // namespace streetlens
