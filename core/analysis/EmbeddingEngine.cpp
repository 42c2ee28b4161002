#include "core/analysis/EmbeddingEngine.h"

#include "core/analysis/Occlusion.h"

namespace streetlens {

std::optional<PatchGrid> EmbeddingEngine::explain(const float *pixels, const ExplainRequest &request,
                                                  const ExplainControl &control, QString *error) {
  if (request.method != ExplainMethod::Occlusion) {
    if (error)
      *error = QStringLiteral("%1 is not supported by this engine").arg(explainMethodId(request.method));
    return std::nullopt;
  }
  if (info().patchSize <= 0) {
    if (error)
      *error = QStringLiteral("this engine does not say its patch size");
    return std::nullopt;
  }
  const EmbeddingMatrix texts = embedTexts(normalizedPrompts(request), error);
  if (texts.isEmpty())
    return std::nullopt;
  return occlusionGrid(
      pixels, imageConfig(), info().patchSize, texts, logitScale(), request,
      [this](const float *px, int n, QString *err) { return embedPixels(px, n, err); }, control, error);
}

} // namespace streetlens
