#include "core/model/BatchSizing.h"

#include <algorithm>

namespace streetlens {

qint64 imageActivationBytes(const ClipVisionConfig &v, int bytesPerElement) {
  const qint64 L = v.numPositions(), D = v.hiddenSize, I = v.intermediateSize, H = v.numHeads;
  const qint64 hidden = L * D * (1 /*residual*/ + 1 /*normed*/ + 3 /*q, k, v*/ + 1 /*attention out*/);
  const qint64 attention = 2 * H * L * L; // scores and probabilities
  const qint64 mlp = 2 * L * I;           // fc1 output and its activation
  return std::max<qint64>(1, (hidden + std::max(attention, mlp)) * std::max(1, bytesPerElement));
}

int batchSizeForMemory(qint64 freeBytes, const ClipVisionConfig &vision, int bytesPerElement, int cap) {
  if (freeBytes <= 0)
    return 1;
  const qint64 usable = freeBytes / 10 * 6;
  const qint64 fit = usable / imageActivationBytes(vision, bytesPerElement);
  return int(std::clamp<qint64>(fit, 1, std::max(1, cap)));
}

} // namespace streetlens
