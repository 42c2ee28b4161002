#pragma once
// The seam between the app and the model: something that turns preprocessed pixels and texts into
// CLIP embeddings. TorchEngine (core/clip) implements it with LibTorch; tests use a fake. An
// engine is used from one thread at a time (the analysis worker that owns it).
#include "core/analysis/Explanation.h"
#include "core/imageio/ClipImageProcessor.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

namespace streetlens {

// Row-major float32 matrix of embeddings (one row per input).
struct EmbeddingMatrix {
  int rows = 0;
  int cols = 0;
  std::vector<float> data;
  const float *row(int i) const { return data.data() + static_cast<size_t>(i) * cols; }
  float *row(int i) { return data.data() + static_cast<size_t>(i) * cols; }
  bool isEmpty() const { return rows == 0; }
};

// What is running, for the status bar, reports and cache keys.
struct EngineInfo {
  QString modelName; // e.g. geolocal/StreetCLIP
  QString modelDir;
  QString weightsFile;   // absolute path of the weights file
  QString weightsFormat; // safetensors / pytorch_model.bin …
  QString modelHash;     // SHA-256 (hex) of the weights file
  QString device;        // "cpu" or "cuda:0"
  QString deviceName;    // GPU name or CPU model
  QString precision;     // fp32 / bf16 / fp16: what runs (bf16 asked for on a CPU without it runs fp32)
  QString route;         // how it runs, in words ("bf16 mixed: bf16 products … (oneDNN, AMX-BF16) …")
  int embedDim = 0;
  int imageSize = 0;
  int patchSize = 0; // the vision tower's patch side in pixels (0: unknown, no patch explanations)
  int threads = 0;
};

class EmbeddingEngine {
public:
  virtual ~EmbeddingEngine() = default;
  virtual EngineInfo info() const = 0;
  // Preprocessing the engine expects (from preprocessor_config.json).
  virtual const ClipImageConfig &imageConfig() const = 0;
  // `count` images, each 3 x cropHeight x cropWidth float32 CHW, laid out one after the other.
  // Returns the projected, un-normalised image embeddings; on failure an empty matrix and *error.
  virtual EmbeddingMatrix embedPixels(const float *pixels, int count, QString *error) = 0;
  // Tokenises and embeds texts (projected, un-normalised).
  virtual EmbeddingMatrix embedTexts(const QStringList &texts, QString *error) = 0;
  // exp(logit_scale) of the checkpoint.
  virtual float logitScale() const = 0;
  // Events worth telling the user about since the last call (batch halved after out-of-memory,
  // moved to the CPU …). Called on the engine's thread after each batch; none by default.
  virtual QStringList takeNotices() { return {}; }
  // Images per forward pass the engine wants (its option, or what "auto" chose for the device).
  virtual int imageBatchSize() const { return 8; }
  // A patch explanation (Explanation.h) of one preprocessed image (3 x cropHeight x cropWidth, as
  // embedPixels). The default computes occlusion from embedPixels/embedTexts alone (Occlusion.h;
  // needs info().patchSize) and answers rollout with "not supported by this engine"; TorchEngine
  // adds rollout through autograd. On failure nullopt and *error ("cancelled" when cancelled).
  virtual std::optional<PatchGrid> explain(const float *pixels, const ExplainRequest &request,
                                           const ExplainControl &control, QString *error);
};

} // namespace streetlens
