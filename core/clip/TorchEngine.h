#pragma once
// TorchEngine: the StreetCLIP/CLIP engine on LibTorch. Owns the model, the tokenizer and the
// preprocessing config of one model folder. This header includes no torch so that the CLI and the
// app's composition root compile fast. Not thread-safe: one thread (the analysis worker) uses it;
// InferenceMode is entered inside each call, on that thread.
#include "core/analysis/EmbeddingEngine.h"
#include "core/analysis/EngineOptions.h"
#include "core/model/ClipConfig.h"
#include "core/text/ClipTokenizer.h"

#include <memory>
#include <optional>

namespace streetlens {

// Precision "auto" resolves to: fp16 on CUDA, bf16 on CPUs with native bf16 (AVX512-BF16/AMX), else fp32.
bool cpuHasNativeBf16();

class TorchEngine final : public EmbeddingEngine {
public:
  // Loads a model folder (plain or Hugging Face cache layout). On failure returns null and an
  // error naming the file and the problem (never throws).
  // Benchmarks only: an engine with the given architecture and random weights (no weight file),
  // using the tokenizer files of `tokenizerDir`. modelHash is "random-<seed>".
  static std::unique_ptr<TorchEngine> createRandom(const ClipConfig &config, const QString &tokenizerDir,
                                                   const EngineOptions &options, QString *error);
  static std::unique_ptr<TorchEngine> load(const QString &modelPath, const EngineOptions &options,
                                           QString *error);
  ~TorchEngine() override;

  EngineInfo info() const override;
  const ClipImageConfig &imageConfig() const override;
  EmbeddingMatrix embedPixels(const float *pixels, int count, QString *error) override;
  EmbeddingMatrix embedTexts(const QStringList &texts, QString *error) override;
  float logitScale() const override;

  // Embeds already tokenised texts (rows of ids with bos/eos, no padding).
  EmbeddingMatrix embedTokenIds(const std::vector<std::vector<int64_t>> &ids, QString *error);
  const ClipTokenizer &tokenizer() const;
  // Images per forward pass in effect (the option, or what "auto" chose for the device).
  int imageBatchSize() const override;
  // Events worth telling the user about (batch halved after out-of-memory, fell back to CPU …).
  QStringList takeNotices() override;
  // Rollout through autograd on the vision tower (core/clip/Rollout.h), occlusion with one batched
  // forward per window row (core/analysis/Occlusion.h).
  std::optional<PatchGrid> explain(const float *pixels, const ExplainRequest &request,
                                   const ExplainControl &control, QString *error) override;

  // Tests only: what rollout is computed from — for each vision layer the attention probabilities
  // and the gradients of log p(target) with respect to them, each [heads][tokens][tokens] row-major.
  struct RolloutTrace {
    int heads = 0, tokens = 0;
    std::vector<std::vector<float>> probs, grads; // one entry per layer
    double targetLogProb = 0;
  };
  std::optional<RolloutTrace> rolloutTrace(const float *pixels, const ExplainRequest &request,
                                           QString *error);

private:
  TorchEngine();
  struct Impl;
  std::unique_ptr<Impl> d;
};

} // namespace streetlens
