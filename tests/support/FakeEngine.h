#pragma once
// FakeEngine: a deterministic EmbeddingEngine without torch for UI and worker tests. Text and image
// embeddings (dimension 32) are derived from the SHA-256 of the text / of the preprocessed pixels,
// so the same input always gives the same result. Options let a test hold images at a gate (to
// cancel mid-batch deterministically) or make embedding fail. Used from one thread at a time, like
// every engine (the analysis worker thread).
#include "core/analysis/EmbeddingEngine.h"

#include <QSemaphore>
#include <atomic>
#include <memory>

namespace streetlens::test {

class FakeEngine final : public EmbeddingEngine {
public:
  static constexpr int kDim = 32;
  struct Options {
    // When set, each image acquires one permit before it is embedded (tests release permits).
    std::shared_ptr<QSemaphore> gate;
    // When set, embedPixels fails with this message.
    QString pixelError;
    QString device = QStringLiteral("cpu");
    QString deviceName = QStringLiteral("Fake CPU");
    QString precision = QStringLiteral("fp32");
    // The weights' "SHA-256". Empty: the pipeline keeps no image embeddings (it keys them by model),
    // so every re-analysis runs the engine (and its gate).
    QString modelHash = QStringLiteral("fakefakefakefake");
  };

  FakeEngine() : FakeEngine(Options()) {} // GCC 12 rejects "= {}" for a nested struct with initialisers
  explicit FakeEngine(Options options);
  EngineInfo info() const override;
  const ClipImageConfig &imageConfig() const override { return m_config; }
  EmbeddingMatrix embedPixels(const float *pixels, int count, QString *error) override;
  EmbeddingMatrix embedTexts(const QStringList &texts, QString *error) override;
  float logitScale() const override { return 100.0f; }
  // Occlusion: EmbeddingEngine's own (real, over the fake embeddings; 8-pixel patches, a 4 x 4
  // grid). Rollout, which needs a real model's attention: a deterministic 4 x 4 grid of |values|
  // of fakeEmbedding(pixels + target prompt), so that the UI flow can be tested.
  std::optional<PatchGrid> explain(const float *pixels, const ExplainRequest &request,
                                   const ExplainControl &control, QString *error) override;

  // Counters (readable from any thread).
  int imagesEmbedded() const { return m_images.load(); }
  int textsEmbedded() const { return m_texts.load(); }

private:
  Options m_options;
  ClipImageConfig m_config;
  std::atomic<int> m_images{0}, m_texts{0};
};

// The embedding FakeEngine gives for these bytes (exposed for tests that check scores).
std::vector<float> fakeEmbedding(const QByteArray &bytes);

} // namespace streetlens::test
