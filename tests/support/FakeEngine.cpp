#include "FakeEngine.h"

#include <QCryptographicHash>
#include <cmath>

namespace streetlens::test {

std::vector<float> fakeEmbedding(const QByteArray &bytes) {
  const QByteArray h = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256); // 32 bytes
  std::vector<float> v(FakeEngine::kDim);
  for (int i = 0; i < FakeEngine::kDim; ++i)
    v[size_t(i)] = (float(quint8(h[i])) - 127.5f) / 127.5f;
  return v;
}

FakeEngine::FakeEngine(Options options) : m_options(std::move(options)) {
  m_config.shortestEdge = 32;
  m_config.cropHeight = m_config.cropWidth = 32;
}

EngineInfo FakeEngine::info() const {
  EngineInfo i;
  i.modelName = QStringLiteral("fake/clip-32");
  i.modelDir = QStringLiteral("(fake)");
  i.weightsFormat = QStringLiteral("none");
  i.modelHash = m_options.modelHash;
  i.device = m_options.device;
  i.deviceName = m_options.deviceName;
  i.precision = m_options.precision;
  i.embedDim = kDim;
  i.imageSize = 32;
  i.patchSize = 8;
  i.threads = 1;
  return i;
}

EmbeddingMatrix FakeEngine::embedPixels(const float *pixels, int count, QString *error) {
  if (!m_options.pixelError.isEmpty()) {
    if (error)
      *error = m_options.pixelError;
    return {};
  }
  const size_t per = size_t(3) * size_t(m_config.cropHeight) * size_t(m_config.cropWidth);
  EmbeddingMatrix m;
  m.cols = kDim;
  for (int i = 0; i < count; ++i) {
    if (m_options.gate)
      m_options.gate->acquire();
    const QByteArray bytes(reinterpret_cast<const char *>(pixels + per * size_t(i)),
                           qsizetype(per * sizeof(float)));
    const auto v = fakeEmbedding(bytes);
    m.data.insert(m.data.end(), v.begin(), v.end());
    ++m.rows;
    ++m_images;
  }
  return m;
}

EmbeddingMatrix FakeEngine::embedTexts(const QStringList &texts, QString *) {
  EmbeddingMatrix m;
  m.cols = kDim;
  for (const QString &t : texts) {
    const auto v = fakeEmbedding(t.toUtf8());
    m.data.insert(m.data.end(), v.begin(), v.end());
    ++m.rows;
  }
  m_texts += int(texts.size());
  return m;
}

std::optional<PatchGrid> FakeEngine::explain(const float *pixels, const ExplainRequest &request,
                                             const ExplainControl &control, QString *error) {
  if (request.method == ExplainMethod::Occlusion)
    return EmbeddingEngine::explain(pixels, request, control, error);
  if (control.isCancelled()) {
    *error = explainCancelledError();
    return std::nullopt;
  }
  const size_t per = size_t(3) * size_t(m_config.cropHeight) * size_t(m_config.cropWidth);
  QByteArray bytes(reinterpret_cast<const char *>(pixels), qsizetype(per * sizeof(float)));
  bytes += normalizedPrompts(request).value(request.target).toUtf8();
  const auto v = fakeEmbedding(bytes);
  PatchGrid g;
  g.method = ExplainMethod::Rollout;
  g.label = request.label;
  g.rows = g.cols = 4;
  for (int i = 0; i < 16; ++i)
    g.values.push_back(std::abs(v[size_t(i)]));
  g.targetProbability = 0.5;
  control.report(1, 1);
  return g;
}

} // namespace streetlens::test
