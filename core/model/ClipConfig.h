#pragma once
// CLIP architecture hyper-parameters read from a Hugging Face config.json (no torch here, so the
// parser can be fuzzed and used by the UI). Defaults are those of transformers' CLIPTextConfig /
// CLIPVisionConfig / CLIPConfig, used when a compact config omits a key.
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <optional>

namespace streetlens {

// Vision tower sizes (CLIPVisionConfig).
struct ClipVisionConfig {
  int hiddenSize = 768;
  int intermediateSize = 3072;
  int numLayers = 12;
  int numHeads = 12;
  int numChannels = 3;
  int imageSize = 224;
  int patchSize = 32;
  double layerNormEps = 1e-5;
  QString hiddenAct = QStringLiteral("quick_gelu");

  int gridSize() const { return imageSize / patchSize; }
  int numPositions() const { return gridSize() * gridSize() + 1; }
};

// Text tower sizes and special ids (CLIPTextConfig).
struct ClipTextConfig {
  int hiddenSize = 512;
  int intermediateSize = 2048;
  int numLayers = 12;
  int numHeads = 8;
  int vocabSize = 49408;
  int maxPositions = 77;
  double layerNormEps = 1e-5;
  QString hiddenAct = QStringLiteral("quick_gelu");
  int64_t bosTokenId = 49406;
  int64_t eosTokenId = 49407;
  int64_t padTokenId = 1;
};

// The whole model (CLIPConfig). Immutable value; copy freely between threads.
struct ClipConfig {
  ClipTextConfig text;
  ClipVisionConfig vision;
  int projectionDim = 512;
  double logitScaleInit = 2.6592;
  QString modelType = QStringLiteral("clip");

  // Problems that make the config unusable (sizes not divisible, unknown activation...). Empty when fine.
  QString validate() const;
};

// Parses config.json: the old "full dump" form with text_config/vision_config objects, where
// text_config_dict/vision_config_dict (when present) override them key by key, and the compact
// modern form. `sourceName` is used in error messages.
std::optional<ClipConfig> parseClipConfig(const QByteArray &json, const QString &sourceName, QString *error);

// The numbers of StreetCLIP (CLIP ViT-L/14 at 336 px), used by benchmarks that need no files.
ClipConfig streetClipConfig();

} // namespace streetlens
